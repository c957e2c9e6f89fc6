package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import java.util.Objects;
import okhttp3.Request;

/**
 * One fault the OkHttp adapter applied to one call, the counterpart of the JDK adapter's {@code
 * HttpFault}.
 *
 * @param scenario the scenario that fired ({@code RATE_LIMIT_STORM} also for escalation 429s and
 *     418s)
 * @param outcome where the fault struck, which says whether the exchange saw the request
 * @param status the synthetic HTTP status the caller received, or 0 when it received an {@code
 *     IOException} (NET_LOSS) or the fault was only a delay (LAT_SPIKE)
 * @param delayMs the delay added before the call (LAT_SPIKE), else 0
 * @param request the request the fault applied to (for an after-send fault, the one that went out),
 *     for correlating client order ids
 */
public record OkHttpFault(
    Scenario scenario, Outcome outcome, int status, long delayMs, Request request) {

  /** Validates. */
  public OkHttpFault {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(request, "request");
  }

  /**
   * Whether the exchange executed the request although the caller saw a failure: {@link
   * Outcome#unknownToCaller()}.
   */
  public boolean outcomeUnknown() {
    return outcome.unknownToCaller();
  }
}
