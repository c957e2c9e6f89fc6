package io.mmbot.chaos.http;

import io.mmbot.chaos.Scenario;
import java.net.http.HttpRequest;
import java.util.Objects;

/**
 * One fault the {@link ChaosHttpClient} applied to one request.
 *
 * @param scenario the scenario that fired ({@code RATE_LIMIT_STORM} also for escalation 418s)
 * @param outcome where the fault struck, which says whether the exchange saw the request
 * @param status the synthetic HTTP status the caller received, or 0 when it received an {@code
 *     IOException} (NET_LOSS) or the fault was only a delay (LAT_SPIKE)
 * @param delayMs the delay added before the call (LAT_SPIKE), else 0
 * @param request the request the fault applied to, for correlating client order ids
 */
public record HttpFault(
    Scenario scenario, Outcome outcome, int status, long delayMs, HttpRequest request) {

  /** Where a fault struck. */
  public enum Outcome {
    /** The request never left: the exchange did nothing, a retry cannot duplicate anything. */
    NOT_SENT,
    /**
     * The exchange received and executed the request; the caller got a synthetic 5xx instead of its
     * answer. The execution status is unknown to the caller: a blind retry may duplicate.
     */
    RESPONSE_REPLACED,
    /**
     * The exchange received and executed the request; the caller got an {@code IOException} after
     * waiting for a response that never came. Unknown status, as for {@link #RESPONSE_REPLACED}.
     */
    RESPONSE_LOST,
    /**
     * The exchange received and executed the request; the connection broke while its response was
     * on the way (a body cut short, or a reset before the answer), and the caller got the error its
     * client raises for that. Unknown status, as for {@link #RESPONSE_REPLACED}.
     */
    RESPONSE_CUT,
    /** The request was held back by {@code delayMs} and then sent (LAT_SPIKE). */
    DELAYED;

    /**
     * Whether the exchange executed the request although the caller saw a failure ({@link
     * #RESPONSE_REPLACED}, {@link #RESPONSE_LOST}, {@link #RESPONSE_CUT}): a blind retry may
     * duplicate it.
     */
    public boolean unknownToCaller() {
      return this == RESPONSE_REPLACED || this == RESPONSE_LOST || this == RESPONSE_CUT;
    }
  }

  /** Validates. */
  public HttpFault {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(request, "request");
  }

  /** Whether the exchange executed the request although the caller saw a failure. */
  public boolean outcomeUnknown() {
    return outcome.unknownToCaller();
  }
}
