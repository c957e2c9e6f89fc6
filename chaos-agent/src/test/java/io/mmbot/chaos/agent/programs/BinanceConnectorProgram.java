package io.mmbot.chaos.agent.programs;

import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An unmodified program using binance-connector-java 3.4.1 (REST through its private OkHttp
 * singleton, streams through its static WebSocket client), driven line by line on standard input:
 * {@code rest} makes one order-book call, {@code ws} opens one trade stream, {@code quit} exits.
 * Every outcome is one line on standard output. Knows nothing of mm-chaos.
 */
public final class BinanceConnectorProgram {

  private BinanceConnectorProgram() {}

  public static void main(String[] args) throws Exception {
    SpotClientImpl spot = new SpotClientImpl("key", "secret", args[0]);
    WebSocketStreamClientImpl streams = new WebSocketStreamClientImpl(args[1]);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Out.line("READY " + System.getProperty("java.version"));
    for (String cmd = in.readLine(); cmd != null; cmd = in.readLine()) {
      switch (cmd.trim()) {
        case "rest":
          try {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("symbol", "BTCUSDT");
            params.put("limit", 5);
            Out.line("REST OK " + spot.createMarket().depth(params));
          } catch (RuntimeException e) {
            Out.line("REST FAIL " + Out.describe(e));
          }
          break;
        case "ws":
          streams.tradeStream(
              "btcusdt",
              open -> Out.line("WS OPEN"),
              message -> Out.line("WS MESSAGE " + message),
              (code, reason) -> Out.line("WS CLOSING " + code),
              (code, reason) -> Out.line("WS CLOSED " + code),
              (failure, response) -> Out.line("WS FAILURE " + Out.describe(failure)));
          break;
        case "quit":
          Out.line("BYE");
          System.exit(0);
          break;
        default:
          Out.line("UNKNOWN " + cmd);
      }
    }
    System.exit(0);
  }
}
