package io.mmbot.chaos.examples.standalone;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The command line of {@link ExternalBotMain}, parsed and checked. */
final class ExternalBotArgs {

  static final String USAGE =
      "usage: java -cp mm-chaos-suite.jar io.mmbot.chaos.examples.standalone.ExternalBotMain\n"
          + "         --rest URL --ws URL --api-key K --api-secret S --metrics-port N\n"
          + "         [--control-port N --control-token T] [--naive] [--seed N]\n"
          + "Runs the example market maker against an exchange on Binance's wire and serves its\n"
          + "metrics at http://127.0.0.1:N/metrics; with --control-port, its own injector is\n"
          + "driven through a ChaosControlServer on 127.0.0.1 with that token. Stops on SIGTERM.";

  private static final Set<String> VALUED =
      Set.of(
          "--rest",
          "--ws",
          "--api-key",
          "--api-secret",
          "--metrics-port",
          "--control-port",
          "--control-token",
          "--seed");

  URI rest;
  URI ws;
  String apiKey;
  String apiSecret;
  int metricsPort;
  int controlPort = -1;
  String controlToken;
  boolean naive;
  long seed = 1;

  static ExternalBotArgs parse(String[] args) {
    Map<String, String> v = new HashMap<>();
    ExternalBotArgs a = new ExternalBotArgs();
    for (int i = 0; i < args.length; i++) {
      String opt = args[i];
      if (opt.equals("--naive")) {
        a.naive = true;
        continue;
      }
      if (!VALUED.contains(opt)) {
        throw new IllegalArgumentException("unknown option '" + opt + "'");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(opt + " needs a value");
      }
      if (v.put(opt, args[++i]) != null) {
        throw new IllegalArgumentException(opt + " given twice");
      }
    }
    for (String required :
        new String[] {"--rest", "--ws", "--api-key", "--api-secret", "--metrics-port"}) {
      if (!v.containsKey(required)) {
        throw new IllegalArgumentException(required + " is required");
      }
    }
    a.rest = uri("--rest", v.get("--rest"));
    a.ws = uri("--ws", v.get("--ws"));
    a.apiKey = v.get("--api-key");
    a.apiSecret = v.get("--api-secret");
    a.metricsPort = port("--metrics-port", v.get("--metrics-port"));
    if (v.containsKey("--control-port") != v.containsKey("--control-token")) {
      throw new IllegalArgumentException("--control-port and --control-token go together");
    }
    if (v.containsKey("--control-port")) {
      a.controlPort = port("--control-port", v.get("--control-port"));
      a.controlToken = v.get("--control-token");
    }
    if (v.containsKey("--seed")) {
      try {
        a.seed = Long.parseLong(v.get("--seed"));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--seed: '" + v.get("--seed") + "' is not a number");
      }
    }
    return a;
  }

  private static URI uri(String opt, String v) {
    try {
      URI u = URI.create(v);
      if (u.getPort() < 0) {
        throw new IllegalArgumentException(opt + ": " + v + " names no port");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(opt + ": " + e.getMessage(), e);
    }
  }

  private static int port(String opt, String v) {
    try {
      int p = Integer.parseInt(v);
      if (p < 1 || p > 65_535) {
        throw new IllegalArgumentException(opt + ": " + p + " is not a port");
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(opt + ": '" + v + "' is not a port", e);
    }
  }
}
