package io.mmbot.chaos.agent;

import io.mmbot.chaos.agent.bootstrap.ChaosBridge;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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
   * The JDK's {@code HttpURLConnection.plainConnect0()}: the faults that strike as the connection
   * opens, once per connection; what it meets later is tied to the JDK's HTTP client it opened.
   */
  static final class UrlConnectionConnect {
    private UrlConnectionConnect() {}

    @Advice.OnMethodEnter
    static Object enter(@Advice.This Object self, @Advice.FieldValue("connected") boolean connected)
        throws IOException {
      return connected ? null : ChaosBridge.beforeConnect((HttpURLConnection) self);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter Object plan, @Advice.FieldValue("http") Object http) {
      if (plan != null) {
        ChaosBridge.connected(plan, http);
      }
    }
  }

  /**
   * The JDK's {@code HttpClient.writeRequests(MessageHeader, PosterOutputStream)}: a request that
   * must not reach the server is written nowhere.
   */
  static final class UrlConnectionWrite {
    private UrlConnectionWrite() {}

    @Advice.OnMethodEnter
    static void enter(
        @Advice.This Object self,
        @Advice.FieldValue(value = "serverOutput", readOnly = false) PrintStream out) {
      out = ChaosBridge.requestOutput(self, out);
    }
  }

  /**
   * The JDK's {@code HttpClient.parseHTTPHeader} on JDK 18 and later (the connection is its second
   * argument): the answer is read from the stream the hook gives.
   */
  static final class UrlConnectionAnswer {
    private UrlConnectionAnswer() {}

    @Advice.OnMethodEnter
    static void enter(
        @Advice.This Object self,
        @Advice.FieldValue(value = "serverInput", readOnly = false) InputStream in,
        @Advice.Argument(1) HttpURLConnection connection) {
      in = ChaosBridge.responseInput(self, in, connection);
    }
  }

  /** As {@link UrlConnectionAnswer}, on JDK 17 (the connection is the third argument). */
  static final class UrlConnectionAnswer17 {
    private UrlConnectionAnswer17() {}

    @Advice.OnMethodEnter
    static void enter(
        @Advice.This Object self,
        @Advice.FieldValue(value = "serverInput", readOnly = false) InputStream in,
        @Advice.Argument(2) HttpURLConnection connection) {
      in = ChaosBridge.responseInput(self, in, connection);
    }
  }
}
