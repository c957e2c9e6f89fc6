package io.mmbot.chaos.config;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.RollbackConfig;
import io.mmbot.chaos.Scenario;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every key the {@code chaos:} block accepts: its path, type, range, meaning, how it is bound to
 * the builders and how it is read back. The binder, the "did you mean" suggestions and the key
 * table in {@code docs/configuration.md} all come from this one list. Immutable; safe for
 * concurrent use.
 */
final class KeyTable {

  /** The type of a key's value. */
  enum Type {
    BOOLEAN("boolean"),
    NUMBER("number"),
    INTEGER("integer"),
    TEXT("text");

    final String label;

    Type(String label) {
      this.label = label;
    }
  }

  /**
   * Receives a bound value: a {@code Boolean}, {@code Double}, {@code Long} or {@code String} by
   * type.
   */
  interface Setter {
    void set(Target target, Object value);
  }

  /** The builders one document is bound into. Not thread-safe; one per parse. */
  static final class Target {
    final ChaosConfig.Builder chaos = ChaosConfig.builder();
    final RollbackConfig.Builder rollback = RollbackConfig.builder();
    boolean rollbackSet;

    ChaosConfig build() {
      if (rollbackSet) {
        chaos.rollback(rollback.build());
      }
      return chaos.build();
    }
  }

  /**
   * One key.
   *
   * @param path the path below {@code chaos}, such as {@code net_loss} or {@code rollback.enabled}
   * @param unit appended to the range in messages and docs ("ms", "per minute", "" for none)
   */
  record Key(
      String path,
      Type type,
      double min,
      double max,
      String unit,
      String meaning,
      Setter setter,
      Function<ChaosConfig, Object> getter) {

    /** The full path, such as {@code chaos.net_loss}. */
    String fullPath() {
      return "chaos." + path;
    }

    /** The allowed values, as in messages: {@code a probability in [0, 1]}. */
    String allowed() {
      switch (type) {
        case BOOLEAN:
          return "true or false";
        case INTEGER:
          if (min == Long.MIN_VALUE) {
            return "a whole number (64-bit)";
          }
          return "a whole number in " + range();
        case TEXT:
          return "a text of " + range();
        default:
          return "a finite number in " + range();
      }
    }

    /** The range with its unit, such as {@code [0, 60000] ms}; empty for booleans. */
    String range() {
      if (type == Type.BOOLEAN) {
        return "";
      }
      if (type == Type.INTEGER && min == Long.MIN_VALUE) {
        return "64-bit";
      }
      if (type == Type.TEXT) {
        return plain(min) + " to " + plain(max) + " " + unit;
      }
      String r = "[" + plain(min) + ", " + plain(max) + "]";
      return unit.isEmpty() ? r : r + " " + unit;
    }
  }

  private static final List<Key> KEYS = KeyCatalog.build();
  private static final Map<String, Key> BY_PATH = index(KEYS);
  private static final Map<String, Set<String>> CHILDREN = children(KEYS);

  private KeyTable() {}

  /** Every key, in documentation order. */
  static List<Key> keys() {
    return KEYS;
  }

  /** The key at {@code path} (below {@code chaos}), or null. */
  static Key key(String path) {
    return BY_PATH.get(path);
  }

  /** Whether {@code path} (below {@code chaos}) is a block holding further keys. */
  static boolean isGroup(String path) {
    return !path.isEmpty() && CHILDREN.containsKey(path);
  }

  /** The names allowed directly inside {@code group} ("" for the {@code chaos:} block itself). */
  static Set<String> namesIn(String group) {
    return CHILDREN.getOrDefault(group, Set.of());
  }

  /**
   * The structured block that sets the same scenario as flat key {@code flat} when the two have
   * different names ({@code lat_spike_ms} and {@code lat_spike}), or null.
   */
  static String structuredTwinOf(String flat) {
    for (Scenario s : Scenario.values()) {
      if (s.configKey().equals(flat) && !s.key().equals(flat)) {
        return s.key();
      }
    }
    return null;
  }

  private static Map<String, Key> index(List<Key> keys) {
    Map<String, Key> m = new LinkedHashMap<>();
    for (Key key : keys) {
      if (m.put(key.path(), key) != null) {
        throw new AssertionError("duplicate key " + key.path());
      }
    }
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Set<String>> children(List<Key> keys) {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    for (Key key : keys) {
      String p = key.path();
      int dot = p.indexOf('.');
      if (dot < 0) {
        m.computeIfAbsent("", x -> new LinkedHashSet<>()).add(p);
      } else {
        m.computeIfAbsent("", x -> new LinkedHashSet<>()).add(p.substring(0, dot));
        m.computeIfAbsent(p.substring(0, dot), x -> new LinkedHashSet<>())
            .add(p.substring(dot + 1));
      }
    }
    m.replaceAll((g, s) -> Collections.unmodifiableSet(s));
    return Collections.unmodifiableMap(m);
  }

  /** A number without a needless ".0", as users write it. */
  static String plain(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }
}
