package io.mmbot.chaos.agent;

import io.mmbot.chaos.agent.bootstrap.ChaosBridge;
import java.io.IOException;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code the agent weaves into the classes it instruments (ByteBuddy advice: copied into the
 * target method, so it may name only classes the target's class loader sees: the hooks of the agent
 * jar for OkHttp, which the program's class loader loads, and {@link ChaosBridge} for the JDK's own
 * classes). Each piece only hands a value to a hook and takes back what it returns.
 */
final class Advices {

  private Advices() {}

  /** {@code OkHttpClient(Builder)}: decorate the builder before the client copies it. */
  static final class OkHttpClientConstructor {
    private OkHttpClientConstructor() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) Object builder) {
      OkHttpHooks.onNewClient(builder);
    }
  }

  /**
   * {@code OkHttpClient.newCall(Request)}: a client built before the agent gets a decorated copy.
   */
  static final class OkHttpNewCall {
    private OkHttpNewCall() {}

    @Advice.OnMethodExit
    static void exit(
        @Advice.This Object client,
        @Advice.Argument(0) Object request,
        @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object call) {
      call = OkHttpHooks.onNewCall(client, request, call);
    }
  }

  /** {@code OkHttpClient.newWebSocket(Request, WebSocketListener)}: wrap the listener. */
  static final class OkHttpNewWebSocket {
    private OkHttpNewWebSocket() {}

    @Advice.OnMethodEnter
    static void enter(
        @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC)
            Object listener) {
      listener = OkHttpHooks.wrapListener(listener);
    }
  }

  /** The JDK's {@code HttpClient.Builder.build()}: wrap the client it returns. */
  static final class JdkHttpClientBuild {
    private JdkHttpClientBuild() {}

    @Advice.OnMethodExit
    static void exit(
        @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object client) {
      client = ChaosBridge.httpClient(client);
    }
  }

  /** The JDK's {@code WebSocket.Builder.buildAsync(URI, Listener)}: wrap the listener. */
  static final class JdkWebSocketBuild {
    private JdkWebSocketBuild() {}

    @Advice.OnMethodEnter
    static void enter(
        @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC)
            Object listener) {
      listener = ChaosBridge.webSocketListener(listener);
    }
  }

  /**
   * The JDK's {@code HttpURLConnection.plainConnect0()}: connection faults, once per connection.
   */
  static final class UrlConnectionConnect {
    private UrlConnectionConnect() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.This Object self, @Advice.FieldValue("connected") boolean connected)
        throws IOException {
      if (!connected) {
        ChaosBridge.beforeConnect((HttpURLConnection) self);
      }
    }
  }
}
