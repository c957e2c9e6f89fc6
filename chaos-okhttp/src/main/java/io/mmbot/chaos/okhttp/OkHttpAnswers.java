package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.http.FaultPlan;
import io.mmbot.chaos.http.internal.ExchangeAnswers;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The synthetic answers and failures of the OkHttp adapter as OkHttp objects. Status, headers and
 * body come from {@link ExchangeAnswers}, the one source the JDK adapter ({@code
 * io.mmbot.chaos.http.ChaosHttpClient}) answers from too, so both give the same answers byte for
 * byte ({@code CrossAdapterTest} checks it).
 */
final class OkHttpAnswers {

  private static final MediaType JSON = MediaType.get(ExchangeAnswers.CONTENT_TYPE);

  private OkHttpAnswers() {}

  /**
   * The protocol the real connection of {@code call} would use, for a synthetic answer made up
   * before sending: {@code h2_prior_knowledge} on a client configured for it (it speaks nothing
   * else), HTTP/2 over TLS when the client offers it (exchanges negotiate it by ALPN), HTTP/1.1
   * otherwise (OkHttp never upgrades a cleartext connection). After sending, the real response's
   * protocol is used.
   */
  static Protocol protocolFor(Call call) {
    List<Protocol> offered = AsyncCalls.protocolsOf(call);
    if (offered.contains(Protocol.H2_PRIOR_KNOWLEDGE)) {
      return Protocol.H2_PRIOR_KNOWLEDGE;
    }
    return call.request().isHttps() && offered.contains(Protocol.HTTP_2)
        ? Protocol.HTTP_2
        : Protocol.HTTP_1_1;
  }

  /**
   * The synthetic response {@code plan} calls for, answering {@code request} over {@code protocol};
   * the times are those of the exchange it stands for (now, for an answer made up before sending).
   */
  static Response response(
      Request request,
      FaultPlan plan,
      Protocol protocol,
      long sentAtMillis,
      long receivedAtMillis) {
    int status = plan.status();
    Response.Builder b =
        new Response.Builder()
            .request(request)
            .protocol(protocol)
            .code(status)
            .message(
                protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0
                    ? ExchangeAnswers.reason(status)
                    : "")
            .sentRequestAtMillis(sentAtMillis)
            .receivedResponseAtMillis(receivedAtMillis)
            .body(
                ResponseBody.create(ExchangeAnswers.body(status, plan.retryAfterSeconds()), JSON));
    ExchangeAnswers.headers(status, plan.retryAfterSeconds()).forEach(b::header);
    return b.build();
  }

  /**
   * NET_LOSS before sending: the connection failed, worded as OkHttp reports a refused connect (the
   * socket address as {@code host/ip:port}, the JDK's refusal as the cause).
   */
  static ConnectException lostBeforeSending(Request request, ResolvedAddresses resolved) {
    ConnectException e =
        new ConnectException(
            "Failed to connect to "
                + resolved.socketAddress(request.url().host(), request.url().port()));
    e.initCause(new ConnectException("Connection refused"));
    return e;
  }

  /**
   * NET_LOSS after sending: no response came, worded as OkHttp reports a read timeout: okio's
   * {@code timeout}, over HTTP/1.x caused by the socket it closed (OkHttp's other wording, the
   * socket's own {@code Read timed out}, comes when the socket's timer wins the race).
   */
  static SocketTimeoutException lostAfterSending(Protocol protocol) {
    SocketTimeoutException e = new SocketTimeoutException("timeout");
    if (protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0) {
      e.initCause(new SocketException("Socket closed"));
    }
    return e;
  }
}
