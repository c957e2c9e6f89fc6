package io.mmbot.chaos.http.internal;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.http.HttpAdapterBuilder;
import io.mmbot.chaos.http.RequestFaults;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The one value behind the settings of {@link HttpAdapterBuilder} that the JDK and OkHttp adapters'
 * builders hold and delegate to: the request fault plan's escalation settings, the time source and
 * the lost-response wait. Validates each setting as it is set. Not thread-safe, like a builder.
 */
public final class ClientSettings {

  private final RequestFaults.Builder faults;
  private LongSupplier nanoClock = System::nanoTime;
  private Duration lostResponseTimeout = HttpAdapterBuilder.DEFAULT_LOST_RESPONSE_TIMEOUT;

  /** Defaults, for an adapter driven by {@code injector}. */
  public ClientSettings(ChaosInjector injector) {
    this.faults = RequestFaults.builder(Objects.requireNonNull(injector, "injector"));
  }

  /** See {@link HttpAdapterBuilder#nanoClock}. */
  public void nanoClock(LongSupplier nanoClock) {
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    faults.nanoClock(nanoClock);
  }

  /** See {@link HttpAdapterBuilder#retryAfter}. */
  public void retryAfter(Duration retryAfter) {
    faults.retryAfter(retryAfter);
  }

  /** See {@link HttpAdapterBuilder#banDuration}. */
  public void banDuration(Duration banDuration) {
    faults.banDuration(banDuration);
  }

  /** See {@link HttpAdapterBuilder#violationsToBan}. */
  public void violationsToBan(int violations) {
    faults.violationsToBan(violations);
  }

  /** See {@link HttpAdapterBuilder#lostResponseTimeout}. */
  public void lostResponseTimeout(Duration timeout) {
    this.lostResponseTimeout =
        Settings.inRange(
            "lostResponseTimeout", timeout, Duration.ofMillis(1), Duration.ofMinutes(10));
  }

  /** The time source set, {@link System#nanoTime()} by default. */
  public LongSupplier nanoClock() {
    return nanoClock;
  }

  /** The lost-response wait set. */
  public Duration lostResponseTimeout() {
    return lostResponseTimeout;
  }

  /** A new fault plan with the escalation settings and time source set so far. */
  public RequestFaults newPlan() {
    return faults.build();
  }
}
