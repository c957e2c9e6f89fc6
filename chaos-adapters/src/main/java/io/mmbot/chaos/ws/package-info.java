/**
 * WebSocket: {@link io.mmbot.chaos.ws.ChaosWebSocket} wraps a {@link
 * java.net.http.WebSocket.Listener} to apply WS_LAG, WS_DISCONNECT and NET_LOSS and to measure the
 * gaps between delivered messages.
 */
package io.mmbot.chaos.ws;
