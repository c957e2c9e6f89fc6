package io.mmbot.chaos.agent;

import java.lang.instrument.Instrumentation;

/**
 * The mm-chaos Java agent: {@code java
 * -javaagent:mm-chaos-agent.jar=config=PATH[,control-port=N][,metrics-port=N] -jar bot.jar} puts
 * the injector's faults into every OkHttp client (private static singletons included), JDK {@code
 * HttpClient}, {@code HttpURLConnection}, rescu/XChange proxy and OkHttp and JDK WebSocket of an
 * unmodified program. One injector, configured by the watched file (the kill switch: {@code
 * enabled: false} there, or the control endpoint's {@code disable}), with the library's metrics;
 * see {@link AgentOptions} for the arguments and {@code docs/adapters.md} for what each client
 * meets.
 *
 * <p>Fail-safe: if the agent cannot start (bad arguments, an unreadable file is not one: that only
 * keeps chaos off), it says why on standard error and the program runs without chaos.
 */
public final class ChaosAgent {

  private ChaosAgent() {}

  /** Entry point when the agent is given on the command line. */
  public static void premain(String args, Instrumentation inst) {
    start(args, inst);
  }

  /** Entry point when the agent is attached to a running JVM. */
  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst);
  }

  private static synchronized void start(String args, Instrumentation inst) {
    if (AgentRuntime.current != null) {
      System.err.println("mm-chaos agent: already running; ignoring a second start");
      return;
    }
    try {
      AgentOptions options = AgentOptions.parse(args);
      Instrumentations.install(inst);
      AgentRuntime.start(options);
    } catch (Exception | LinkageError e) {
      AgentRuntime.current = null;
      System.err.println("mm-chaos agent: not started, the program runs without chaos: " + e);
    }
  }
}
