package io.mmbot.chaos.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mmbot.chaos.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads run files strictly. Every field of the product contract is required and checked: a
 * malformed file, a missing field, a value of the wrong type, an unknown scenario, a NaN or
 * infinite number, a negative or zero duration, a percentage outside [0, 100] or a timeline out of
 * order is a {@link RunFileException} naming the file and the field. RunFileFields this version
 * does not know are ignored, so that newer writers can add measurements; a {@code schema_version}
 * newer than {@value #SCHEMA_VERSION} is rejected. A file without {@code schema_version} is read as
 * version 1, the format of the product contract. A stress run names itself in {@code stress} and
 * the checks it failed in {@code failed_checks} (both optional; keys of {@value
 * #KEY_PATTERN_TEXT}).
 *
 * <p>Only a regular file (or a symbolic link to one) of at most {@link #MAX_BYTES} bytes is read,
 * within {@link #READ_TIMEOUT}: a directory, FIFO or device, a larger file or a read that does not
 * finish in time is a {@link RunFileException} on the field {@code (file)}, found without reading
 * the content where the file's type or size tells.
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class RunReader {

  /** The newest run-file schema version this reader understands. */
  public static final int SCHEMA_VERSION = 1;

  /** The largest run file read: {@value} bytes (8 MiB, some 80 000 timeline windows). */
  public static final long MAX_BYTES = 8L * 1024 * 1024;

  /** How long reading one run file may take. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  /** What a stress scenario's or check's key looks like. */
  static final String KEY_PATTERN_TEXT = "[a-z][a-z0-9_]{0,63}";

  private static final java.util.regex.Pattern KEY =
      java.util.regex.Pattern.compile(KEY_PATTERN_TEXT);

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          // NaN and Infinity are parsed so that the error can name the field that holds them.
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private RunReader() {}

  /**
   * Reads and validates one run file.
   *
   * @throws RunFileException if the file cannot be read or any field is missing or invalid
   */
  public static RunRecord read(Path file) throws RunFileException {
    byte[] bytes;
    try {
      bytes = BoundedFile.read(file, MAX_BYTES, READ_TIMEOUT);
    } catch (IOException e) {
      throw new RunFileException(file, "(file)", e.getMessage(), e);
    }
    return read(file, bytes);
  }

  /** Validates the content of a run file already read; {@code file} names it in errors. */
  static RunRecord read(Path file, byte[] bytes) throws RunFileException {
    JsonNode root = parse(file, bytes);
    RunFileFields f = new RunFileFields(file);
    if (!root.isObject()) {
      throw f.error("(root)", "expected a JSON object, found " + RunFileFields.describe(root));
    }
    int version = (int) f.optionalLong(root, "schema_version", 1, SCHEMA_VERSION).orElse(1);
    String scenarioKey = f.requiredText(root, "scenario");
    Scenario scenario;
    try {
      scenario = Scenario.fromKey(scenarioKey);
    } catch (IllegalArgumentException e) {
      throw f.error("scenario", e.getMessage());
    }
    double intensity = f.requiredDouble(root, "intensity", 0, Double.MAX_VALUE);
    double duration = f.requiredDouble(root, "duration_sec", Double.MIN_VALUE, Double.MAX_VALUE);
    String result = f.requiredText(root, "result");
    if (!result.equals("pass") && !result.equals("fail")) {
      throw f.error(
          "result",
          "expected \"pass\" or \"fail\", found \"" + RunFileException.shorten(result, 80) + "\"");
    }
    OptionalLong seed = f.optionalLong(root, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
    Optional<Instant> started = optionalInstant(f, root, "started_at");
    Optional<Instant> finished = optionalInstant(f, root, "finished_at");
    if (started.isPresent() && finished.isPresent() && finished.get().isBefore(started.get())) {
      throw f.error("finished_at", "is before started_at " + started.get());
    }
    RunMetrics metrics = readMetrics(f, f.requiredObject(root, "metrics", "metrics"));
    Optional<Timeline> timeline =
        root.has("timeline") && !root.get("timeline").isNull()
            ? Optional.of(readTimeline(f, f.requiredObject(root, "timeline", "timeline")))
            : Optional.empty();
    Optional<String> stress = Optional.empty();
    if (root.has("stress") && !root.get("stress").isNull()) {
      stress = Optional.of(key(f, f.requiredText(root, "stress"), "stress"));
    }
    List<String> failedChecks = new ArrayList<>();
    if (root.has("failed_checks") && !root.get("failed_checks").isNull()) {
      JsonNode checks = f.requiredObject(root, "failed_checks", "failed_checks");
      for (java.util.Iterator<String> it = checks.fieldNames(); it.hasNext(); ) {
        failedChecks.add(key(f, it.next(), "failed_checks"));
      }
    }
    return new RunRecord(
        file,
        version,
        scenario,
        intensity,
        duration,
        result.equals("pass"),
        seed,
        started,
        finished,
        metrics,
        timeline,
        stress,
        failedChecks);
  }

  private static String key(RunFileFields f, String text, String field) throws RunFileException {
    if (!KEY.matcher(text).matches()) {
      throw f.error(
          field,
          "expected a key of "
              + KEY_PATTERN_TEXT
              + ", found \""
              + RunFileException.shorten(text, 80)
              + "\"");
    }
    return text;
  }

  private static JsonNode parse(Path file, byte[] bytes) throws RunFileException {
    if (bytes.length == 0) {
      throw new RunFileException(file, "(file)", "is empty");
    }
    try (JsonParser parser = MAPPER.createParser(bytes)) {
      try {
        JsonNode node = MAPPER.readTree(parser);
        if (node == null || node.isMissingNode()) {
          throw new RunFileException(file, "(file)", "contains no JSON value");
        }
        return node;
      } catch (JsonProcessingException e) {
        throw new RunFileException(
            file, position(parser, e), "malformed JSON: " + e.getOriginalMessage(), e);
      }
    } catch (IOException e) {
      throw new RunFileException(file, "(file)", "cannot be read: " + e, e);
    }
  }

  private static String position(JsonParser parser, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    String where =
        loc == null
            ? "unknown position"
            : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    JsonStreamContext ctx = parser.getParsingContext();
    StringBuilder path = new StringBuilder();
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.add(0, RunFileException.shorten(c.getCurrentName(), 60));
      } else if (c.inArray()) {
        parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    for (String p : parts) {
      if (path.length() > 0 && !p.startsWith("[")) {
        path.append('.');
      }
      path.append(p);
    }
    return path.length() == 0 ? where : path + " (" + where + ")";
  }

  private static Optional<Instant> optionalInstant(RunFileFields f, JsonNode obj, String name)
      throws RunFileException {
    if (!obj.has(name) || obj.get(name).isNull()) {
      return Optional.empty();
    }
    String text = f.requiredText(obj, name);
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw f.error(
          name,
          "expected an ISO-8601 instant such as 2026-01-31T12:00:00Z, found \""
              + RunFileException.shorten(text, 80)
              + "\"");
    }
  }

  private static RunMetrics readMetrics(RunFileFields f, JsonNode m) throws RunFileException {
    return new RunMetrics(
        f.requiredDouble(m, "metrics.p95_tick_ms", 0, Double.MAX_VALUE),
        f.requiredDouble(m, "metrics.deadline_miss_pct", 0, 100),
        f.requiredLong(m, "metrics.recovery_ticks", 0, Long.MAX_VALUE),
        f.optionalDouble(m, "metrics.baseline_p95_tick_ms", Double.MIN_VALUE, Double.MAX_VALUE),
        f.optionalDouble(m, "metrics.p99_tick_ms", 0, Double.MAX_VALUE),
        f.optionalLong(m, "metrics.reconnect_ticks", 0, Long.MAX_VALUE),
        f.optionalLong(m, "metrics.cancel_storms", 0, Long.MAX_VALUE),
        f.optionalLong(m, "metrics.retry_storms", 0, Long.MAX_VALUE),
        f.optionalLong(m, "metrics.duplicate_orders", 0, Long.MAX_VALUE),
        f.optionalLong(m, "metrics.orphan_orders", 0, Long.MAX_VALUE),
        f.optionalLong(m, "metrics.bans_418", 0, Long.MAX_VALUE));
  }

  private static Timeline readTimeline(RunFileFields f, JsonNode t) throws RunFileException {
    double windowSec = f.requiredDouble(t, "timeline.window_sec", Double.MIN_VALUE, 86_400);
    JsonNode array = t.get("windows");
    if (array == null) {
      throw f.error("timeline.windows", "missing");
    }
    if (!array.isArray() || array.isEmpty()) {
      throw f.error(
          "timeline.windows", "expected a non-empty array, found " + RunFileFields.describe(array));
    }
    List<Timeline.Window> windows = new ArrayList<>(array.size());
    double previousStart = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < array.size(); i++) {
      String p = "timeline.windows[" + i + "]";
      JsonNode w = f.requiredObject(t.get("windows"), i, p);
      double start = f.requiredDouble(w, p + ".start_sec", 0, Double.MAX_VALUE);
      // a difference, not a sum: near the largest doubles, start + window_sec == start
      if (start - previousStart < windowSec) {
        throw f.error(
            p + ".start_sec",
            "windows must be in time order and not overlap: "
                + start
                + " is less than one window ("
                + windowSec
                + " s) after the previous start "
                + previousStart);
      }
      previousStart = start;
      windows.add(
          new Timeline.Window(
              start,
              f.requiredDouble(w, p + ".p95_tick_ms", 0, Double.MAX_VALUE),
              f.requiredLong(w, p + ".deadline_misses", 0, Long.MAX_VALUE),
              f.requiredBoolean(w, p + ".burst"),
              f.requiredLong(w, p + ".injections", 0, Long.MAX_VALUE)));
    }
    return new Timeline(windowSec, windows);
  }
}
