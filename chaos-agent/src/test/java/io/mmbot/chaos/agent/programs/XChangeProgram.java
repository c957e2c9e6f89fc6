package io.mmbot.chaos.agent.programs;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.instrument.Instrument;

/**
 * An unmodified program using xchange-binance 5.2.1 (rescu over {@code HttpURLConnection}), driven
 * as {@link BinanceConnectorProgram}: {@code rest} reads the best bid of the order book.
 */
public final class XChangeProgram {

  private XChangeProgram() {}

  public static void main(String[] args) throws Exception {
    ExchangeSpecification spec = new ExchangeSpecification(BinanceExchange.class);
    spec.setSslUri(args[0]);
    spec.setShouldLoadRemoteMetaData(false);
    spec.setHttpReadTimeout(2000);
    Exchange exchange = ExchangeFactory.INSTANCE.createExchange(spec);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Out.line("READY " + System.getProperty("java.version"));
    for (String cmd = in.readLine(); cmd != null; cmd = in.readLine()) {
      switch (cmd.trim()) {
        case "rest":
          try {
            Out.line(
                "REST OK "
                    + exchange
                        .getMarketDataService()
                        .getOrderBook((Instrument) CurrencyPair.BTC_USDT)
                        .getBids()
                        .get(0)
                        .getLimitPrice());
          } catch (Exception e) {
            Out.line("REST FAIL " + Out.describe(e));
          }
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
