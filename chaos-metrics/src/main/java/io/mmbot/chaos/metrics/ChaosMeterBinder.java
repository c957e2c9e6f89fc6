package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.mmbot.chaos.ChaosInjector;
import java.util.Objects;
import java.util.Set;

/**
 * A Micrometer {@link MeterBinder} for a {@link ChaosInjector}: {@link #bindTo} registers every
 * meter of the product contract (listed on {@link ChaosMetrics}) and adds a listener to the
 * injector that counts rollbacks; {@link #close()} removes both. Use it where a framework binds
 * binders for you; use {@link ChaosMetrics}, which binds one of these, to record the bot's own
 * signals (ticks, reconnects, ws gaps, discrepancies) into the same meters.
 *
 * <pre>{@code
 * try (ChaosMeterBinder binder = new ChaosMeterBinder(injector, Tags.of("bot", "mm-1"))) {
 *   binder.bindTo(registry);
 *   ...
 * }
 * }</pre>
 *
 * <p><b>Common tags.</b> Every meter carries the tags given to the constructor, the native {@code
 * mm_ws_gap_ms} histogram of a Prometheus registry included. Their keys must differ from the tag
 * keys of the contract ({@code scenario}, {@code dry_run}, {@code kind}, {@code type}, {@code
 * reason}) and from {@code le}.
 *
 * <p><b>Life cycle.</b> A binder binds once, to one registry (bind a {@code CompositeMeterRegistry}
 * to reach several). {@link #bindTo} refuses a second call, a closed binder, and a registry that
 * already holds mm-chaos meters (those of another binding that is still open), with an {@link
 * IllegalStateException}. If registering fails part way, the meters registered so far are removed
 * before the exception propagates. {@link #close()} removes the listener from the injector and
 * every meter from the registry; it is idempotent, and closing a binder that was never bound only
 * stops it from binding.
 *
 * <p>Thread safety: safe for concurrent use. The rollback listener never throws into the injector.
 */
public final class ChaosMeterBinder implements MeterBinder, AutoCloseable {

  private static final String RESERVED_LIST = "scenario, dry_run, kind, type, reason, le";
  private static final Set<String> RESERVED =
      Set.of(
          MeterNames.TAG_SCENARIO,
          MeterNames.TAG_DRY_RUN,
          MeterNames.TAG_KIND,
          MeterNames.TAG_TYPE,
          MeterNames.TAG_REASON,
          "le");

  private final ChaosInjector injector;
  private final Tags tags;
  private final BindingOptions options;
  private final Object lock = new Object();
  private ChaosMeters meters;
  private boolean closed;

  /** A binder for {@code injector} without common tags. */
  public ChaosMeterBinder(ChaosInjector injector) {
    this(injector, Tags.empty());
  }

  /**
   * A binder for {@code injector} whose meters all carry {@code tags}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a tag key is one of the contract's
   */
  public ChaosMeterBinder(ChaosInjector injector, Iterable<Tag> tags) {
    this(injector, tags, BindingOptions.defaults());
  }

  /** The full constructor, for {@link ChaosMetrics.Builder} and tests. */
  ChaosMeterBinder(ChaosInjector injector, Iterable<Tag> tags, BindingOptions options) {
    Objects.requireNonNull(injector, "injector must not be null");
    Objects.requireNonNull(tags, "tags must not be null");
    this.injector = injector;
    this.tags = checkedTags(tags);
    this.options = options;
  }

  /**
   * Registers every meter in {@code registry} and starts counting rollbacks.
   *
   * @throws NullPointerException if {@code registry} is null
   * @throws IllegalStateException if this binder is bound or closed already, or {@code registry}
   *     holds the meters of another binding
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry must not be null");
    synchronized (lock) {
      if (closed || meters != null) {
        throw new IllegalStateException(
            "this ChaosMeterBinder is "
                + (closed ? "closed" : "bound already")
                + "; a binder binds once");
      }
      if (registry.find(MeterNames.ENABLED).meter() != null) {
        throw new IllegalStateException(
            "registry already holds mm-chaos meters; close the other ChaosMetrics binding first");
      }
      Registration registration = new Registration(registry, tags);
      ChaosMeters bound;
      try {
        bound = new ChaosMeters(injector, registration, options);
      } catch (RuntimeException | Error e) {
        registration.removeAll();
        throw e;
      }
      injector.addListener(bound.rollbacks);
      meters = bound;
    }
  }

  /** The meters of the binding; null before {@link #bindTo}. */
  ChaosMeters meters() {
    synchronized (lock) {
      return meters;
    }
  }

  /** The common tags of every meter. */
  public Tags tags() {
    return tags;
  }

  /** The bound injector. */
  public ChaosInjector injector() {
    return injector;
  }

  /**
   * Removes the rollback listener from the injector and every meter from the registry. Idempotent.
   */
  @Override
  public void close() {
    ChaosMeters bound;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      bound = meters;
    }
    if (bound != null) {
      injector.removeListener(bound.rollbacks);
      bound.remove();
    }
  }

  /**
   * {@code tags} as {@link Tags}, checked.
   *
   * @throws IllegalArgumentException if a key is taken by the meters themselves
   */
  static Tags checkedTags(Iterable<Tag> given) {
    Tags tags = Tags.of(given);
    for (Tag t : tags) {
      String key = t.getKey().replaceAll("[^A-Za-z0-9_]", "_");
      if (RESERVED.contains(key)) {
        throw new IllegalArgumentException(
            "tags: key '"
                + t.getKey()
                + "' is taken by the meters themselves; use none of "
                + RESERVED_LIST);
      }
    }
    return tags;
  }
}
