package io.mmbot.chaos.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosReasons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules, the reason codes of core and the rollback counter's known reasons are
 * one vocabulary: an alert's {@code reason} label is what the control endpoint passes to {@code
 * disable}, and what {@code mm_chaos_rollbacks_total{reason}} then counts.
 */
class RollbackRulesInStepTest {

  private static final Path RULES =
      Path.of(System.getProperty("basedir", "."))
          .toAbsolutePath()
          .resolve("../docs/prometheus/mm-chaos-rules.yml")
          .normalize();

  private static final Pattern ALERT = Pattern.compile("(?m)^\\s*- alert: (\\S+)$");
  private static final Pattern REASON = Pattern.compile("(?m)^\\s+reason: (\\S+)$");
  private static final Pattern ROLLBACK = Pattern.compile("(?m)^\\s+chaos_rollback: \"true\"$");

  /** Each alert's block of text, by alert name. */
  private static Map<String, String> alerts() throws Exception {
    String text = Files.readString(RULES);
    Map<String, String> blocks = new LinkedHashMap<>();
    Matcher m = ALERT.matcher(text);
    List<Integer> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (m.find()) {
      starts.add(m.start());
      names.add(m.group(1));
    }
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
      blocks.put(names.get(i), text.substring(starts.get(i), end));
    }
    return blocks;
  }

  @Test
  void everyRollbackAlertCarriesATriggerReasonCodeOfCore() throws Exception {
    Map<String, String> alerts = alerts();
    assertThat(alerts).hasSize(3);
    List<String> reasons = new ArrayList<>();
    alerts.forEach(
        (name, block) -> {
          assertThat(ROLLBACK.matcher(block).find()).as(name + " is a rollback alert").isTrue();
          Matcher r = REASON.matcher(block);
          assertThat(r.find()).as(name + " has a reason label").isTrue();
          reasons.add(r.group(1));
        });
    assertThat(reasons).containsExactlyInAnyOrderElementsOf(ChaosReasons.TRIGGERS);
    assertThat(ChaosReasons.ALL).containsAll(reasons);
  }

  @Test
  void rollbackCounterKnowsEveryCodeFromBinding() {
    assertThat(RollbackCounters.KNOWN_REASONS)
        .containsExactlyInAnyOrderElementsOf(ChaosReasons.ALL);
    assertThat(ChaosReasons.ALL)
        .contains(
            ChaosReasons.P95_TICK,
            ChaosReasons.DEADLINE_MISS,
            ChaosReasons.PARTIAL_FAIL,
            ChaosReasons.REMOTE,
            ChaosReasons.CONFIG_INVALID,
            ChaosReasons.EXPIRED,
            ChaosReasons.MANUAL,
            ChaosReasons.CONFIG_DISABLED);
    for (String code : ChaosReasons.ALL) {
      assertThat(code).matches(RollbackCounters.CODE_PATTERN);
    }
  }
}
