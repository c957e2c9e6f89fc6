package io.mmbot.chaos.thirdtransport;

import io.mmbot.chaos.http.FaultPlan;
import io.mmbot.chaos.http.RequestFaults;
import io.mmbot.chaos.http.SyntheticAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transport mm-chaos has no adapter for, written as a user would, with the public API only: a GET
 * over {@code HttpURLConnection} that applies each {@link FaultPlan} (delays are left out: this
 * test transport has no timer). Outside the library's packages on purpose.
 */
final class UrlConnectionTransport {

  /** What the caller gets: status, the headers it cares about, and the body. */
  record Answer(int status, Map<String, String> headers, String body) {}

  private static final List<String> HEADERS =
      List.of("Content-Type", "Retry-After", "X-MBX-USED-WEIGHT-1M");

  private final RequestFaults faults;

  UrlConnectionTransport(RequestFaults faults) {
    this.faults = faults;
  }

  Answer get(URI uri) throws IOException {
    FaultPlan plan = faults.next();
    if (plan == null || plan.scenario() == null) {
      return send(uri);
    }
    if (plan.reachesServer()) {
      send(uri); // the exchange executes it; its answer is lost or replaced
    }
    if (plan.isLoss()) {
      throw plan.reachesServer()
          ? new SocketTimeoutException("Read timed out")
          : new ConnectException("Connection refused");
    }
    SyntheticAnswer a = SyntheticAnswer.of(plan);
    return new Answer(a.status(), new LinkedHashMap<>(a.headers()), a.body());
  }

  private static Answer send(URI uri) throws IOException {
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    try {
      int status = c.getResponseCode();
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h : HEADERS) {
        if (c.getHeaderField(h) != null) {
          headers.put(h, c.getHeaderField(h));
        }
      }
      InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
      String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Answer(status, headers, body);
    } finally {
      c.disconnect();
    }
  }
}
