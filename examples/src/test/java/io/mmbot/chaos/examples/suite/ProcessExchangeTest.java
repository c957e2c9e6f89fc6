package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.examples.exchange.DepthDiff;
import io.mmbot.chaos.examples.exchange.Exchange;
import io.mmbot.chaos.examples.exchange.WsConnection;
import io.mmbot.chaos.examples.exchange.WsListener;
import io.mmbot.chaos.exchange.OrderView;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one start of the bot's process hears of the exchange's WebSocket, alive and killed. */
class ProcessExchangeTest {

  /** The listener the process hands to the exchange, captured by a stand-in exchange. */
  private final List<WsListener> handed = new ArrayList<>();

  private final Exchange exchange =
      (Exchange)
          Proxy.newProxyInstance(
              Exchange.class.getClassLoader(),
              new Class<?>[] {Exchange.class},
              (proxy, method, args) -> {
                if (method.getName().equals("connect")) {
                  handed.add((WsListener) args[1]);
                }
                return null;
              });

  /** Every event the bot's own listener heard, by name. */
  private final List<String> heard = new ArrayList<>();

  private final WsListener bot =
      new WsListener() {
        @Override
        public void onOpen(WsConnection connection) {
          heard.add("open");
        }

        @Override
        public void onRefused(String reason) {
          heard.add("refused");
        }

        @Override
        public void onBookTicker(long bidTicks, long askTicks, long eventTimeMs, long sequence) {
          heard.add("ticker " + sequence);
        }

        @Override
        public void onDepthDiff(DepthDiff diff) {
          heard.add("diff " + diff.firstUpdateId() + ".." + diff.finalUpdateId());
        }

        @Override
        public void onExecution(OrderView filled) {
          heard.add("execution");
        }

        @Override
        public void onPing() {
          heard.add("ping");
        }

        @Override
        public void onClosed(boolean abnormal, String reason) {
          heard.add("closed");
        }
      };

  private final List<String> closedByClient = new ArrayList<>();

  private final WsConnection connection =
      new WsConnection() {
        @Override
        public void pong() {}

        @Override
        public void close() {
          closedByClient.add("close");
        }
      };

  @Test
  void aLiveProcessHearsEveryMarketDataEventAndAKilledOneNone() throws Exception {
    ProcessExchange process = new ProcessExchange(exchange);
    process.connect(InetAddress.getLoopbackAddress(), bot);
    WsListener wire = handed.get(0);
    DepthDiff diff = new DepthDiff(1).reset(41, 42, 1_000);

    wire.onOpen(connection);
    wire.onBookTicker(100, 110, 1_000, 42);
    wire.onDepthDiff(diff);
    assertThat(heard).containsExactly("open", "ticker 42", "diff 41..42");

    process.kill();
    assertThat(closedByClient).containsExactly("close");
    wire.onBookTicker(100, 110, 1_100, 43);
    wire.onDepthDiff(diff.reset(43, 43, 1_100));
    assertThat(heard).containsExactly("open", "ticker 42", "diff 41..42");
  }
}
