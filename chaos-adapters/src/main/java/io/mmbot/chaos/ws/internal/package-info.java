/**
 * The per-connection time marks shared by the WebSocket adapters of mm-chaos (exported to the
 * OkHttp adapter only; not for users).
 */
package io.mmbot.chaos.ws.internal;
