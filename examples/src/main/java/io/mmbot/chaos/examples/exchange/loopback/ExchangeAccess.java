package io.mmbot.chaos.examples.exchange.loopback;

import io.mmbot.chaos.exchange.server.ExchangeServer;
import java.net.URI;
import java.util.Objects;

/**
 * Where an exchange on Binance's wire answers and the credentials it accepts: all a connector needs
 * to reach it, whether the exchange runs in this process or another.
 *
 * @param restUri the REST base, e.g. {@code http://127.0.0.1:43817}
 * @param wsUri the WebSocket base, e.g. {@code ws://127.0.0.1:43818}
 * @param apiKey the API key
 * @param apiSecret the secret that signs requests
 */
public record ExchangeAccess(URI restUri, URI wsUri, String apiKey, String apiSecret) {

  /** Checks that nothing is missing. */
  public ExchangeAccess {
    Objects.requireNonNull(restUri, "restUri");
    Objects.requireNonNull(wsUri, "wsUri");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(apiSecret, "apiSecret");
    if (restUri.getPort() < 0 || wsUri.getPort() < 0) {
      throw new IllegalArgumentException(
          "the REST and WebSocket URLs must name a port: " + restUri + ", " + wsUri);
    }
  }

  /** The access to an exchange running in this process. */
  public static ExchangeAccess of(ExchangeServer server) {
    return new ExchangeAccess(
        server.restUri(), server.wsUri(), server.apiKey(), server.apiSecret());
  }
}
