package io.mmbot.chaos.agent;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves the agent's hooks into the program's HTTP and WebSocket clients with ByteBuddy: OkHttp's
 * {@code OkHttpClient} (constructor, {@code newCall}, {@code newWebSocket}), and the JDK's {@code
 * HttpClient} builder, WebSocket builder and {@code HttpURLConnection}. Classes already loaded are
 * retransformed, so an agent attached late covers them too.
 *
 * <p>The JDK's classes are loaded by the bootstrap and platform class loaders, which cannot see the
 * agent jar: {@code ChaosBridge} alone is put on the bootstrap class path, the JDK modules woven
 * are made to read it, and the bridge forwards to the agent's hooks.
 */
final class Instrumentations {

  private static final System.Logger LOG = System.getLogger("io.mmbot.chaos.agent");

  private Instrumentations() {}

  /** Installs the bridge and every transformation. */
  static void install(Instrumentation inst) throws IOException {
    // Before anything names ChaosBridge: the program's class loader must find it on the bootstrap
    // class path, not in the agent jar.
    Class<?> bridge = injectBridge(inst);
    readBridge(inst, bridge.getModule(), "java.base", "java.net.http");
    BridgeHooks.install();

    AgentBuilder agent =
        new AgentBuilder.Default()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
            .with(new TransformFailureLog())
            .ignore(nameStartsWith("net.bytebuddy.").or(nameStartsWith("io.mmbot.chaos.")));
    urlConnection(jdkHttpClient(okHttp(agent))).installOn(inst);
  }

  /** OkHttp: every client's builder, every new call, every WebSocket's listener. */
  private static AgentBuilder okHttp(AgentBuilder agent) {
    return agent
        .type(named("okhttp3.OkHttpClient"))
        .transform(
            (builder, type, loader, module, domain) ->
                builder
                    .visit(
                        Advice.to(Advices.OkHttpClientConstructor.class)
                            .on(
                                isConstructor()
                                    .and(takesArguments(1))
                                    .and(takesArgument(0, named("okhttp3.OkHttpClient$Builder")))))
                    .visit(
                        Advice.to(Advices.OkHttpNewCall.class)
                            .on(named("newCall").and(takesArguments(1))))
                    .visit(
                        Advice.to(Advices.OkHttpNewWebSocket.class)
                            .on(named("newWebSocket").and(takesArguments(2)))));
  }

  /** The JDK's {@code HttpClient} and its WebSocket builder. */
  private static AgentBuilder jdkHttpClient(AgentBuilder agent) {
    return agent
        .type(named("jdk.internal.net.http.HttpClientBuilderImpl"))
        .transform(
            (builder, type, loader, module, domain) ->
                builder.visit(
                    Advice.to(Advices.JdkHttpClientBuild.class)
                        .on(named("build").and(takesArguments(0)))))
        .type(named("jdk.internal.net.http.websocket.BuilderImpl"))
        .transform(
            (builder, type, loader, module, domain) ->
                builder.visit(
                    Advice.to(Advices.JdkWebSocketBuild.class)
                        .on(named("buildAsync").and(takesArguments(2)))));
  }

  /** {@code HttpURLConnection}: the connect, the request written, the answer's header read. */
  private static AgentBuilder urlConnection(AgentBuilder agent) {
    return agent
        .type(named("sun.net.www.protocol.http.HttpURLConnection"))
        .transform(
            (builder, type, loader, module, domain) ->
                builder.visit(
                    Advice.to(Advices.UrlConnectionConnect.class)
                        .on(named("plainConnect0").and(takesArguments(0)))))
        .type(named("sun.net.www.http.HttpClient"))
        .transform(
            (builder, type, loader, module, domain) ->
                builder
                    .visit(
                        Advice.to(Advices.UrlConnectionWrite.class)
                            .on(named("writeRequests").and(takesArguments(2))))
                    // JDK 17: (MessageHeader, ProgressSource, HttpURLConnection)
                    .visit(
                        Advice.to(Advices.UrlConnectionAnswer17.class)
                            .on(named("parseHTTPHeader").and(takesArguments(3))))
                    // JDK 25: (MessageHeader, HttpURLConnection)
                    .visit(
                        Advice.to(Advices.UrlConnectionAnswer.class)
                            .on(named("parseHTTPHeader").and(takesArguments(2)))));
  }

  /** The bridge's classes, by name: naming the class itself would load it from the agent jar. */
  private static final String BRIDGE = "io.mmbot.chaos.agent.bootstrap.ChaosBridge";

  private static final String[] BRIDGE_CLASSES = {BRIDGE, BRIDGE + "$UrlConnectionHook"};

  /** Puts the bridge on the bootstrap class path and returns its class as loaded there. */
  private static Class<?> injectBridge(Instrumentation inst) throws IOException {
    Map<String, byte[]> classes = new java.util.HashMap<>();
    for (String name : BRIDGE_CLASSES) {
      String resource = name.replace('.', '/') + ".class";
      try (InputStream in = Instrumentations.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("agent jar lacks " + resource);
        }
        classes.put(name, in.readAllBytes());
      }
    }
    // Defined straight into the bootstrap loader where the JDK allows it; appending a jar to the
    // bootstrap class path instead would switch class data sharing off for the program's classes
    // (and the JVM says so on standard error).
    ClassInjector.UsingUnsafe.Factory unsafe = ClassInjector.UsingUnsafe.Factory.resolve(inst);
    ClassInjector injector;
    if (unsafe.isAvailable()) {
      injector = unsafe.make(null);
    } else {
      Path dir = Files.createTempDirectory("mm-chaos-agent");
      injector =
          ClassInjector.UsingInstrumentation.of(
              dir.toFile(), ClassInjector.UsingInstrumentation.Target.BOOTSTRAP, inst);
    }
    Map<String, Class<?>> loaded = injector.injectRaw(classes);
    Class<?> bridge = loaded.get(BRIDGE);
    if (bridge == null || bridge.getClassLoader() != null) {
      throw new IllegalStateException(BRIDGE + " was not loaded by the bootstrap class loader");
    }
    return bridge;
  }

  /** Makes the named JDK modules read {@code bridge}'s module (the bootstrap unnamed module). */
  private static void readBridge(Instrumentation inst, Module bridge, String... names) {
    for (String name : names) {
      ModuleLayer.boot()
          .findModule(name)
          .ifPresent(
              m -> inst.redefineModule(m, Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of()));
    }
  }

  /** Logs a type the agent meant to transform but could not; the program runs on regardless. */
  private static final class TransformFailureLog extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(
        String typeName,
        ClassLoader classLoader,
        JavaModule module,
        boolean loaded,
        Throwable throwable) {
      LOG.log(Level.WARNING, "mm-chaos agent: could not instrument " + typeName, throwable);
    }

    @Override
    public void onTransformation(
        TypeDescription typeDescription,
        ClassLoader classLoader,
        JavaModule module,
        boolean loaded,
        net.bytebuddy.dynamic.DynamicType dynamicType) {
      LOG.log(Level.DEBUG, "mm-chaos agent: instrumented {0}", typeDescription.getName());
    }
  }
}
