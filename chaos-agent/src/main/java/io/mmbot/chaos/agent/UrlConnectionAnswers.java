package io.mmbot.chaos.agent;

import io.mmbot.chaos.http.FaultPlan;
import io.mmbot.chaos.http.SyntheticAnswer;
import io.mmbot.chaos.xchange.ChaosRescuInterceptor;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The streams the JDK's HTTP client reads an answer from when a {@link FaultPlan} strikes after the
 * connection opened: the bytes of a synthetic answer, or a stream that fails as a lost or cut
 * connection does. Where the request reached the server, each first waits for the head of the real
 * answer (the server has executed the request) and drops it.
 */
final class UrlConnectionAnswers {

  private UrlConnectionAnswers() {}

  /** The stream to read in place of {@code real} for {@code plan}. */
  static InputStream replacing(InputStream real, FaultPlan plan, int readTimeoutMs) {
    return new BufferedInputStream(new Replaced(real, plan, readTimeoutMs));
  }

  /** The synthetic answer of {@code plan} as it comes over the wire. */
  static byte[] wire(SyntheticAnswer answer) {
    byte[] body = answer.bodyBytes();
    StringBuilder head = new StringBuilder();
    head.append("HTTP/1.1 ").append(answer.status()).append(' ').append(answer.reason());
    head.append("\r\n");
    for (Map.Entry<String, String> h : answer.headers().entrySet()) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** Reads and drops the head of the real answer: the request has been executed by then. */
  static void awaitRealHead(InputStream real) throws IOException {
    int last4 = 0;
    for (int i = 0; i < 64 * 1024; i++) {
      int c = real.read();
      if (c < 0) {
        return;
      }
      last4 = (last4 << 8) | c;
      if (last4 == 0x0d0a0d0a) {
        return;
      }
    }
  }

  /** The answer's bytes, decided on the first read. */
  private static final class Replaced extends InputStream {
    private final InputStream real;
    private final FaultPlan plan;
    private final int readTimeoutMs;
    private InputStream answer;

    Replaced(InputStream real, FaultPlan plan, int readTimeoutMs) {
      this.real = real;
      this.plan = plan;
      this.readTimeoutMs = readTimeoutMs;
    }

    private InputStream answer() throws IOException {
      if (answer != null) {
        return answer;
      }
      if (plan.reachesServer()) {
        awaitRealHead(real);
      }
      if (plan.isCut()) {
        throw new SocketException("Connection reset");
      }
      if (plan.isLoss()) {
        long wait =
            readTimeoutMs > 0
                ? readTimeoutMs
                : ChaosRescuInterceptor.DEFAULT_LOST_RESPONSE_TIMEOUT.toMillis();
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading");
        }
        throw new SocketTimeoutException("Read timed out");
      }
      answer = new ByteArrayInputStream(wire(SyntheticAnswer.of(plan)));
      return answer;
    }

    @Override
    public int read() throws IOException {
      return answer().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return answer().read(b, off, len);
    }

    @Override
    public int available() throws IOException {
      return answer == null ? 0 : answer.available();
    }

    @Override
    public void close() throws IOException {
      real.close();
    }
  }
}
