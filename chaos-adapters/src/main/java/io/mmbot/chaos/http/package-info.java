/**
 * HTTP: {@link io.mmbot.chaos.http.ChaosHttpClient}, a decorator over any {@link
 * java.net.http.HttpClient} that applies NET_LOSS, EXCH_429, EXCH_5XX, LAT_SPIKE and
 * RATE_LIMIT_STORM (with its 418 escalation) and reports each fault with its outcome.
 */
package io.mmbot.chaos.http;
