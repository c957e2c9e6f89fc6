package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * The meters one binding has put into its registry, and the common tags each of them carries. Every
 * meter the binding registers goes through {@link #add}, so {@link #removeAll()} takes out exactly
 * those, plus anything registered beside Micrometer (the native ws-gap histogram) through {@link
 * #onRemove}.
 *
 * <p>Thread safety: safe for concurrent use; a rollback with a first-seen reason may register a
 * meter on the injector's thread while the bot records on others.
 */
final class Registration {

  private final MeterRegistry registry;
  private final Tags tags;
  private final List<Meter> meters = new ArrayList<>();
  private final List<Runnable> removers = new ArrayList<>();

  Registration(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
  }

  /** The registry meters are registered in. */
  MeterRegistry registry() {
    return registry;
  }

  /** The common tags every meter of the binding carries. */
  Tags tags() {
    return tags;
  }

  /** Remembers {@code meter} for {@link #removeAll()} and returns it. */
  <M extends Meter> M add(M meter) {
    synchronized (meters) {
      meters.add(meter);
    }
    return meter;
  }

  /** Runs {@code remover} in {@link #removeAll()}, for a metric Micrometer does not know. */
  void onRemove(Runnable remover) {
    synchronized (meters) {
      removers.add(remover);
    }
  }

  /** Removes every remembered meter from the registry and runs the removers. */
  void removeAll() {
    List<Meter> all;
    List<Runnable> others;
    synchronized (meters) {
      all = new ArrayList<>(meters);
      others = new ArrayList<>(removers);
      meters.clear();
      removers.clear();
    }
    for (Meter m : all) {
      registry.remove(m);
    }
    for (Runnable r : others) {
      r.run();
    }
  }
}
