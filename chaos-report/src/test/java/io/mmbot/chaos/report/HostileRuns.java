package io.mmbot.chaos.report;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mmbot.chaos.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded generator of run directories that try to break the report: file names and string values
 * built from Markdown and HTML syntax, line endings, control and bidi characters, and numbers from
 * the whole accepted range, in valid and invalid run files alike.
 */
final class HostileRuns {

  static final String[] PIECES = {
    "|",
    "||",
    "\\|",
    "\n",
    "\r",
    "\r\n",
    "`",
    "``",
    "```",
    " ",
    "  ",
    "\\",
    "\t",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</td></tr>",
    "<!--",
    "-->",
    "&amp;",
    "&#x3C;",
    "&lt;b&gt;",
    "*",
    "**",
    "_",
    "~~",
    "$x$",
    "[x](javascript:alert(1))",
    "![i](http://example.invalid/i.png)",
    "# ",
    "## Scenarios",
    "### net_loss ✅",
    "| net_loss | 9/9 |",
    "- ",
    "1. ",
    "> ",
    "---",
    "\u202e",
    "\u200b",
    "\u2028",
    "\u0007",
    "\u001b[31m",
    "é",
    "😀",
    "seed 1",
    "net_loss",
    "—",
    ":",
    "(x)",
    "{}",
    "\"",
    "'"
  };

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SplittableRandom rnd;

  HostileRuns(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  /** A hostile string of one to four pieces, sometimes around a plain word. */
  String hostile() {
    StringBuilder b = new StringBuilder();
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(3) == 0) {
        b.append("run");
      }
      b.append(PIECES[rnd.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  /** A file name ending in .json, without '/' or NUL, unique within {@code used}. */
  String fileName(Set<String> used) {
    while (true) {
      String name = hostile().replace('/', '_') + ".json";
      if (name.getBytes(StandardCharsets.UTF_8).length <= 200 && used.add(name)) {
        return name;
      }
    }
  }

  private double number() {
    switch (rnd.nextInt(8)) {
      case 0:
        return 0;
      case 1:
        return Double.MIN_VALUE;
      case 2:
        return Double.MAX_VALUE;
      case 3:
        return 1e308;
      case 4:
        return rnd.nextDouble() * 1e-3;
      default:
        return Math.round(rnd.nextDouble() * 40000) / 100.0;
    }
  }

  private long count() {
    switch (rnd.nextInt(6)) {
      case 0:
        return Long.MAX_VALUE;
      case 1:
        return 1 + rnd.nextInt(9);
      default:
        return 0;
    }
  }

  /** A valid run: any scenario, with or without a seed, numbers from the whole range. */
  String validRun() {
    ObjectNode o = JSON.createObjectNode();
    Scenario s = Scenario.values()[rnd.nextInt(Scenario.values().length)];
    o.put("scenario", s.key());
    if (rnd.nextBoolean()) {
      o.put("seed", rnd.nextInt(4) == 0 ? Long.MIN_VALUE : rnd.nextInt(5));
    }
    o.put("intensity", number());
    o.put("duration_sec", Math.max(Double.MIN_VALUE, number()));
    o.put("result", rnd.nextBoolean() ? "pass" : "fail");
    o.put("note", hostile());
    ObjectNode m = o.putObject("metrics");
    m.put("p95_tick_ms", number());
    m.put("deadline_miss_pct", Math.min(100, number()));
    m.put("recovery_ticks", count());
    if (rnd.nextBoolean()) {
      m.put("baseline_p95_tick_ms", Math.max(Double.MIN_VALUE, number()));
    }
    if (rnd.nextBoolean()) {
      m.put("p99_tick_ms", number());
      m.put("reconnect_ticks", count());
      m.put("duplicate_orders", count());
    }
    if (rnd.nextBoolean()) {
      ObjectNode t = o.putObject("timeline");
      double window = rnd.nextBoolean() ? 10 : Double.MIN_VALUE;
      t.put("window_sec", window);
      var ws = t.putArray("windows");
      double start = rnd.nextBoolean() ? 0 : 1e300;
      int n = 1 + rnd.nextInt(5);
      for (int i = 0; i < n; i++) {
        ObjectNode w = ws.addObject();
        w.put("start_sec", start);
        w.put("p95_tick_ms", number());
        w.put("deadline_misses", count());
        w.put("burst", rnd.nextBoolean());
        w.put("injections", count());
        start = i == n - 2 && rnd.nextBoolean() ? Double.MAX_VALUE : start + Math.max(window, 10);
      }
    }
    return o.toString();
  }

  /** An invalid run whose error message quotes a hostile value or key. */
  String invalidRun() {
    String h = hostile();
    String quoted;
    try {
      quoted = JSON.writeValueAsString(h);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    String valid = validRun();
    String r = java.util.regex.Matcher.quoteReplacement(quoted);
    switch (rnd.nextInt(6)) {
      case 0:
        return valid.replaceFirst("\"result\":\"(pass|fail)\"", "\"result\":" + r);
      case 1:
        return valid.replaceFirst("\"scenario\":\"[a-z0-9_]+\"", "\"scenario\":" + r);
      case 2:
        return valid.replaceFirst("\\{", "{\"started_at\":" + r + ",");
      case 3:
        return "{" + quoted + ": {" + quoted + ": [1, 2,";
      case 4:
        return valid.replaceFirst("\"metrics\":\\{", "\"metrics\":{\"p95_tick_ms\":" + r + ",");
      default:
        return h;
    }
  }

  /** Fills {@code dir} with one to six run files, valid and invalid, under hostile names. */
  void fill(Path dir) throws IOException {
    Set<String> used = new HashSet<>();
    int n = 1 + rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      String content = rnd.nextInt(4) == 0 ? invalidRun() : validRun();
      Files.writeString(dir.resolve(fileName(used)), content, StandardCharsets.UTF_8);
    }
  }
}
