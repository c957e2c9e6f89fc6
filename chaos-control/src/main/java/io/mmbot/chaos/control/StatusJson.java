package io.mmbot.chaos.control;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.RollbackGuard;
import io.mmbot.chaos.Scenario;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of {@code GET /chaos/status}: what the injector holds now, and the guard's state. */
final class StatusJson {

  private StatusJson() {}

  static Map<String, Object> of(
      ChaosInjector injector, RollbackGuard guard, String lastReason, Instant lastAt) {
    // One snapshot of the configuration, so every field below describes the same version.
    ChaosConfig c = injector.config();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", c.enabled());
    m.put("dry_run", c.dryRun());
    m.put("burst_active", injector.burstActive());
    m.put("instance_id", injector.instanceId());
    m.put("instance_selected", injector.instanceSelected());
    m.put("burst_on_sec", c.burstOnSec());
    m.put("burst_off_sec", c.burstOffSec());
    m.put("max_duration_sec", c.maxDurationSec());
    m.put("traffic_pct", c.trafficPct());
    m.put("instance_pct", c.instancePct());
    Map<String, Object> scenarios = new LinkedHashMap<>();
    for (Scenario s : Scenario.values()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("intensity", c.intensity(s));
      one.put("unit", Intensities.unit(s));
      one.put("probability", number(c.probability(s)));
      one.put("injections", injector.injections(s));
      one.put("would_be_injections", injector.wouldBeInjections(s));
      scenarios.put(s.key(), one);
    }
    m.put("scenarios", scenarios);
    if (lastReason == null) {
      m.put("last_rollback", null);
    } else {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("reason", lastReason);
      r.put("at", lastAt == null ? null : lastAt.toString());
      m.put("last_rollback", r);
    }
    m.put("guard", guard == null ? null : guard(guard.status()));
    return m;
  }

  private static Map<String, Object> guard(RollbackGuard.Status s) {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("armed", s.armed());
    g.put("tripped_reason", s.trippedReason());
    g.put("window_sec", s.windowSeconds());
    g.put("window_ticks", s.windowTicks());
    g.put("window_operations", s.windowOperations());
    RollbackGuard.BaselineStatus b = s.baseline();
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("p95_ms", number(b.p95Ms()));
    base.put("configured", b.configured());
    base.put("ready", b.ready());
    base.put("ticks", b.ticks());
    base.put("seconds", b.seconds());
    base.put("note", b.note());
    g.put("baseline", base);
    Map<String, Object> triggers = new LinkedHashMap<>();
    for (RollbackGuard.Trigger t : s.triggers()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("value", number(t.value()));
      one.put("unit", t.reason().equals("P95_TICK") ? "ms" : "percent");
      one.put("threshold", number(t.threshold()));
      one.put("holding", t.holding());
      one.put("held_for_sec", t.heldFor().toMillis() / 1000.0);
      one.put("for_sec", t.window().toSeconds());
      triggers.put(t.reason(), one);
    }
    g.put("triggers", triggers);
    return g;
  }

  /** JSON has no NaN: a value that does not exist (yet) is null. */
  private static Double number(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
