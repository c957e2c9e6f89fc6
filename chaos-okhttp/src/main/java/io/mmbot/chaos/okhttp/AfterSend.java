package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.http.FaultPlan;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The after-send part of one call's plan, carried from the application interceptor to the network
 * interceptor as a request tag. OkHttp copies tags into the requests of its retries and follow-ups,
 * so every network attempt of the call sees the same token; {@link #claim} lets exactly one of them
 * (the first that gets a response) apply the fault.
 */
final class AfterSend {

  final FaultPlan plan;
  private final AtomicBoolean applied = new AtomicBoolean();

  AfterSend(FaultPlan plan) {
    this.plan = plan;
  }

  /** True exactly once: for the caller that is to apply the fault. */
  boolean claim() {
    return applied.compareAndSet(false, true);
  }

  @Override
  public String toString() {
    return "AfterSend{" + plan + ", applied=" + applied.get() + '}';
  }
}
