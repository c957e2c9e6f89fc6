/**
 * OkHttp: {@link io.mmbot.chaos.okhttp.ChaosOkHttp} decorates an {@code OkHttpClient.Builder} so
 * that its calls meet NET_LOSS, EXCH_429, EXCH_5XX, LAT_SPIKE, RATE_LIMIT_STORM (with its 418
 * escalation) and DNS_FLAP, and wraps {@code WebSocketListener}s for WS_LAG, WS_DISCONNECT and
 * NET_LOSS on frames.
 */
package io.mmbot.chaos.okhttp;
