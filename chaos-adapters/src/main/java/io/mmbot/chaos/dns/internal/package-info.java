/**
 * The DNS_FLAP rule shared by the host-lookup adapters of mm-chaos (exported to the OkHttp adapter
 * only; not for users).
 */
package io.mmbot.chaos.dns.internal;
