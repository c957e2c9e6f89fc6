package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.Counter;
import io.mmbot.chaos.ChaosListener;
import io.mmbot.chaos.ChaosReasons;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Counts rollbacks by reason: listens to the injector and increments {@code
 * mm_chaos_rollbacks_total{reason}} on every {@link ChaosListener.Change#DISABLED} change.
 *
 * <p>Reason codes are free-form in core, so the label is bounded here: the {@linkplain
 * #KNOWN_REASONS known reasons} are registered up front; any other reason that looks like a code
 * ({@value #CODE_PATTERN}) gets its own series on first sight, up to {@value #MAX_EXTRA_REASONS} of
 * them; everything beyond that, or not shaped like a code, is counted as {@code OTHER}.
 *
 * <p>Thread safety: safe for concurrent use. Rollbacks are rare, so a first-seen reason may
 * register a meter on the calling thread; this never throws into the injector (and the injector
 * would catch and log it anyway).
 */
final class RollbackCounters implements ChaosListener {

  /** Reasons registered at bind time, so their series exist (at 0) before the first rollback. */
  static final Set<String> KNOWN_REASONS = Set.copyOf(ChaosReasons.ALL);

  static final String CODE_PATTERN = "[A-Z][A-Z0-9_]{0,47}";
  static final int MAX_EXTRA_REASONS = 16;

  private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

  private final Registration registration;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Counter other;
  private int extra;
  private boolean closed;

  RollbackCounters(Registration registration) {
    this.registration = registration;
    for (String r : KNOWN_REASONS) {
      counters.put(r, register(r));
    }
    this.other = register(MeterNames.OTHER_REASON);
  }

  @Override
  public void onStateChange(StateChange change) {
    if (change.change() == Change.DISABLED) {
      counter(change.reason()).increment();
    }
  }

  /** The counter a rollback with {@code reason} is counted under. */
  Counter counter(String reason) {
    reason = ChaosReasons.codeOf(reason);
    Counter c = reason == null ? null : counters.get(reason);
    return c != null ? c : extraOrOther(reason);
  }

  private synchronized Counter extraOrOther(String reason) {
    Counter c = reason == null ? null : counters.get(reason);
    if (c != null) {
      return c;
    }
    if (closed || reason == null || extra >= MAX_EXTRA_REASONS || !CODE.matcher(reason).matches()) {
      return other;
    }
    extra++;
    c = register(reason);
    counters.put(reason, c);
    return c;
  }

  /** Stops registering new reasons; later rollbacks go to {@code OTHER} (already removed). */
  synchronized void close() {
    closed = true;
  }

  private Counter register(String reason) {
    return registration.add(
        Counter.builder(MeterNames.ROLLBACKS)
            .description(MeterNames.ROLLBACKS_HELP)
            .tags(registration.tags())
            .tag(MeterNames.TAG_REASON, reason)
            .register(registration.registry()));
  }
}
