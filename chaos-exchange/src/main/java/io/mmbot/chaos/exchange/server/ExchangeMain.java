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
    Options o = new Options();
    if (!parse(args, b, o)) {
      out.println(usage());
      return null;
    }
    configure(b, o, err);
    ExchangeServer server = b.start();
    out.println("REST " + server.restUri());
    out.println("WS " + server.wsUri());
    out.flush();
    return server;
  }

  /** The options that are applied once all are read; the ports go to the builder at once. */
  private static final class Options {
    String key;
    String secret;
    Path config;
    Long seed;
    String bind;
  }

  /** Reads {@code args} into {@code b} and {@code o}; false when they ask for help. */
  private static boolean parse(String[] args, ExchangeServer.Builder b, Options o) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        return false;
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
          o.config = Path.of(v);
          break;
        case "--seed":
          o.seed = longNumber(a, v);
          break;
        case "--api-key":
          o.key = v;
          break;
        case "--api-secret":
          o.secret = v;
          break;
        case "--bind":
          o.bind = v;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return true;
  }

  /** Applies the credentials, the seed, the chaos configuration and the listening address. */
  private static void configure(ExchangeServer.Builder b, Options o, PrintStream err) {
    if ((o.key == null) != (o.secret == null)) {
      throw new IllegalArgumentException("--api-key and --api-secret go together");
    }
    if (o.key != null) {
      b.credentials(o.key, o.secret);
    }
    long s = o.seed != null ? o.seed : 0;
    b.seed(s);
    if (o.config != null) {
      ChaosConfig c = ChaosConfigLoader.load(o.config);
      b.injector(ChaosInjector.builder().config(c).seed(s).build());
    }
    if (o.bind != null) {
      InetAddress address;
      try {
        address = InetAddress.getByName(o.bind);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("--bind: unknown address " + o.bind);
      }
      String warning = bindWarning(address);
      if (warning != null) {
        err.println(warning);
      }
      b.bind(address);
    }
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
