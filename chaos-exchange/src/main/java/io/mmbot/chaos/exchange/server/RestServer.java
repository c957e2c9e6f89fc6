package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.http.FaultPlan;
import io.mmbot.chaos.http.RequestFaults;
import io.mmbot.chaos.http.internal.ExchangeAnswers;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The REST side on a socket of its own (HTTP/1.1, keep-alive), applying the injector's HTTP faults
 * from the shared {@link RequestFaults} plan before and after the exchange executes a request: a
 * LAT_SPIKE delay, synthetic 429/418 and 5xx answers, and lost requests and answers. A request lost
 * before execution is a connection reset; an answer lost after execution is one of the {@link
 * LostAnswer} forms, chosen by {@link LostAnswerChoice} from the plan's split between lost and cut
 * answers ({@code net_loss.cut_share}).
 */
final class RestServer implements AutoCloseable {
  private final BinanceRest api;
  private final RequestFaults faults;
  private final LostAnswerChoice lostForms;
  private final long silenceMaxMs;
  private final Connections connections;
  private final Observing observing;
  private final LongFunction<String> orderIds;

  RestServer(
      InetAddress bind,
      int port,
      BinanceRest api,
      RequestFaults faults,
      List<LostAnswer> lostForms,
      long silenceMaxMs,
      Observing observing,
      LongFunction<String> orderIds)
      throws IOException {
    this.observing = observing;
    this.orderIds = orderIds;
    this.api = api;
    this.faults = faults;
    this.lostForms = new LostAnswerChoice(lostForms);
    this.silenceMaxMs = silenceMaxMs;
    this.connections = new Connections("chaos-exchange-rest", bind, port, this::serve);
  }

  int port() {
    return connections.port();
  }

  private void serve(Socket s) {
    try {
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
      OutputStream out = new BufferedOutputStream(s.getOutputStream(), 8192);
      while (!connections.closed()) {
        HttpRequest r = HttpRequest.read(in);
        if (r == null) {
          return;
        }
        if (!exchange(s, in, out, r) || !r.keepAlive) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away or sent garbage: drop the connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Serves one request and reports it to the observer, if any; false when the connection ends. */
  private boolean exchange(Socket s, InputStream in, OutputStream out, HttpRequest r)
      throws IOException, InterruptedException {
    if (observing == null) {
      return serveOne(s, in, out, r, null);
    }
    long arrived = observing.now();
    RequestSeen seen = new RequestSeen();
    try {
      return serveOne(s, in, out, r, seen);
    } finally {
      observing.rest(() -> seen.observation(r, arrived, observing.now(), orderIds));
    }
  }

  /** Serves one request; false when the connection must end. */
  private boolean serveOne(
      Socket s, InputStream in, OutputStream out, HttpRequest r, RequestSeen seen)
      throws IOException, InterruptedException {
    FaultPlan plan = faults == null ? null : faults.next();
    if (plan == null) {
      answered(out, answer(r), r.keepAlive, seen);
      return true;
    }
    if (plan.delayMs() > 0) {
      Thread.sleep(plan.delayMs());
    }
    if (plan.scenario() == null) {
      answered(out, answer(r), r.keepAlive, seen);
      return true;
    }
    if (!plan.reachesServer()) {
      if (plan.isLoss()) {
        Connections.reset(s);
        RequestSeen.end(seen, RestObservation.Ending.DROPPED_BEFORE_EXECUTION);
        return false;
      }
      synthetic(out, plan, r.keepAlive, seen);
      return true;
    }
    Answer executed = answer(r);
    if (!plan.isLoss()) {
      synthetic(out, plan, r.keepAlive, seen);
      return true;
    }
    LostAnswer form = lostForms.formFor(plan);
    switch (form) {
      case RESET:
        Connections.reset(s);
        break;
      case CUT_BODY:
        byte[] all = executed.bytes(false);
        int bodyLen = executed.body().getBytes(StandardCharsets.UTF_8).length;
        out.write(all, 0, all.length - bodyLen + bodyLen / 2);
        out.flush();
        s.shutdownOutput();
        break;
      default:
        silence(s, in);
        break;
    }
    RequestSeen.end(seen, RestObservation.Ending.LOST_AFTER_EXECUTION);
    return false;
  }

  private static void answered(OutputStream out, Answer a, boolean keepAlive, RequestSeen seen)
      throws IOException {
    if (seen != null) {
      seen.answer(a.status(), a.body(), a.retryAfterSec());
    }
    write(out, a.bytes(keepAlive));
    RequestSeen.end(seen, RestObservation.Ending.ANSWERED);
  }

  private static void synthetic(
      OutputStream out, FaultPlan plan, boolean keepAlive, RequestSeen seen) throws IOException {
    if (seen != null) {
      seen.answer(
          plan.status(),
          ExchangeAnswers.body(plan.status(), plan.retryAfterSeconds()),
          plan.retryAfterSeconds());
    }
    write(out, synthetic(plan.status(), plan.retryAfterSeconds(), keepAlive));
    RequestSeen.end(seen, RestObservation.Ending.ANSWERED);
  }

  private Answer answer(HttpRequest r) {
    return api.handle(r.method, r.path, r.query, r.body, r.apiKey);
  }

  /** Holds the connection without answering until the client closes it or the cap runs out. */
  private void silence(Socket s, InputStream in) throws IOException {
    s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, silenceMaxMs)));
    try {
      byte[] sink = new byte[1024];
      while (in.read(sink) != -1) {
        // whatever the client sends now is not answered
      }
    } catch (java.net.SocketTimeoutException e) {
      // the cap ran out: the connection closes unanswered
    }
  }

  private static byte[] synthetic(int status, long retryAfter, boolean keepAlive) {
    byte[] body = ExchangeAnswers.body(status, retryAfter).getBytes(StandardCharsets.UTF_8);
    StringBuilder h = new StringBuilder(256);
    h.append("HTTP/1.1 ")
        .append(status)
        .append(' ')
        .append(ExchangeAnswers.reason(status))
        .append("\r\n");
    for (Map.Entry<String, String> e : ExchangeAnswers.headers(status, retryAfter).entrySet()) {
      h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
    }
    h.append("Content-Length: ").append(body.length).append("\r\n");
    if (!keepAlive) {
      h.append("Connection: close\r\n");
    }
    h.append("\r\n");
    byte[] head = h.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  private static void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public void close() {
    connections.close();
  }
}
