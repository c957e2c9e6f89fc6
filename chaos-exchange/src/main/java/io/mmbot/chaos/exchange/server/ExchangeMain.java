package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.config.ChaosConfigLoader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone exchange: {@code java -jar mm-chaos-exchange.jar [--port N] [--ws-port N]
 * [--config config.yaml] [--seed N] [--api-key K --api-secret S] [--bind ADDRESS]}. Prints {@code
 * REST http://…} and {@code WS ws://…} on stdout and serves until it is stopped (SIGTERM or
 * Ctrl-C), then closes every connection and port before the JVM exits.
 */
public final class ExchangeMain {
  private ExchangeMain() {}

  /** Runs the exchange until the JVM is asked to stop. */
  public static void main(String[] args) throws InterruptedException {
    ExchangeServer server;
    try {
      server = start(args, System.out, System.err);
    } catch (IllegalArgumentException e) {
      System.err.println("mm-chaos-exchange: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    if (server == null) {
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  System.err.println(
                      "mm-chaos-exchange: stopped, every connection and port closed");
                  stopped.countDown();
                },
                "chaos-exchange-shutdown"));
    stopped.await();
  }

  /** Parses {@code args}, starts the exchange and prints its addresses; null after --help. */
  static ExchangeServer start(String[] args, PrintStream out, PrintStream err) {
    ExchangeServer.Builder b = ExchangeServer.builder();
    String key = null;
    String secret = null;
    Path config = null;
    Long seed = null;
    String bind = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        out.println(usage());
        return null;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--port":
          b.restPort(number(a, v));
          break;
        case "--ws-port":
          b.wsPort(number(a, v));
          break;
        case "--config":
          config = Path.of(v);
          break;
        case "--seed":
          seed = longNumber(a, v);
          break;
        case "--api-key":
          key = v;
          break;
        case "--api-secret":
          secret = v;
          break;
        case "--bind":
          bind = v;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if ((key == null) != (secret == null)) {
      throw new IllegalArgumentException("--api-key and --api-secret go together");
    }
    if (key != null) {
      b.credentials(key, secret);
    }
    long s = seed != null ? seed : 0;
    b.seed(s);
    if (config != null) {
      ChaosConfig c = ChaosConfigLoader.load(config);
      b.injector(ChaosInjector.builder().config(c).seed(s).build());
    }
    if (bind != null) {
      InetAddress address;
      try {
        address = InetAddress.getByName(bind);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("--bind: unknown address " + bind);
      }
      String warning = bindWarning(address);
      if (warning != null) {
        err.println(warning);
      }
      b.bind(address);
    }
    ExchangeServer server = b.start();
    out.println("REST " + server.restUri());
    out.println("WS " + server.wsUri());
    out.flush();
    return server;
  }

  /** The warning printed for a listening address other than loopback, or null. */
  static String bindWarning(InetAddress address) {
    return address.isLoopbackAddress()
        ? null
        : "WARNING: listening on "
            + address.getHostAddress()
            + ", not on loopback: anyone who can reach this address can use the exchange";
  }

  static String usage() {
    return "usage: java -jar mm-chaos-exchange.jar [--port N] [--ws-port N] [--config config.yaml]"
        + " [--seed N] [--api-key K --api-secret S] [--bind ADDRESS]";
  }

  private static int number(String option, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, was " + v);
    }
  }

  private static long longNumber(String option, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, was " + v);
    }
  }
}
