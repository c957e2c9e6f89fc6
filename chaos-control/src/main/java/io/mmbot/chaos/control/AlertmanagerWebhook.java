package io.mmbot.chaos.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmbot.chaos.ChaosReasons;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An Alertmanager webhook payload read for rollbacks, leniently: Alertmanager does not retry a 4xx,
 * so one malformed alert, or an unexpected {@code version}, must not hide a firing rollback alert
 * beside it. What was wrong is kept as warnings for the answer.
 *
 * <p>An alert is a rollback alert when its label {@code chaos_rollback} is {@code "true"} (any
 * case; a JSON {@code true} is accepted with a warning). It counts as firing unless its status is
 * {@code "resolved"}: a rollback alert whose status cannot be read switches chaos off, to be safe.
 * The reason is the first valid {@code reason} label (a code such as {@code DEADLINE_MISS}) among
 * the firing rollback alerts, else {@code REMOTE}. Only a payload without an {@code alerts} array
 * (nothing can be read from it) is refused.
 */
final class AlertmanagerWebhook {

  /** What a reason code looks like. */
  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,47}");

  /** The reason to disable chaos with, or null when no rollback alert fires. */
  final String reason;

  final int firing;
  final int ignored;

  /** What was wrong with the payload, each a {@code field} and an {@code error}. */
  final List<Warning> warnings;

  private AlertmanagerWebhook(String reason, int firing, int ignored, List<Warning> warnings) {
    this.reason = reason;
    this.firing = firing;
    this.ignored = ignored;
    this.warnings = List.copyOf(warnings);
  }

  static AlertmanagerWebhook read(JsonNode body) throws BadRequest {
    JsonNode alerts = alertsOf(body);
    List<Warning> warnings = new ArrayList<>();
    checkVersion(body.get("version"), warnings);
    String reason = null;
    int firing = 0;
    int ignored = 0;
    for (int i = 0; i < alerts.size(); i++) {
      String at = "alerts[" + i + "]";
      JsonNode a = alerts.get(i);
      JsonNode labels = labelsOf(a, at, warnings);
      if (labels == null || !firingRollback(a, labels, at, warnings)) {
        ignored++;
        continue;
      }
      firing++;
      String code = reasonCode(labels, at, warnings);
      reason = reason == null ? code : reason;
    }
    if (firing > 0 && reason == null) {
      reason = ChaosReasons.REMOTE;
    }
    return new AlertmanagerWebhook(reason, firing, ignored, warnings);
  }

  /** The payload's {@code alerts} array; a payload without one is refused. */
  private static JsonNode alertsOf(JsonNode body) throws BadRequest {
    if (body == null || !body.isObject()) {
      throw BadRequest.field("body", "body must be an Alertmanager webhook payload (JSON object)");
    }
    JsonNode alerts = body.get("alerts");
    if (alerts == null || !alerts.isArray()) {
      throw BadRequest.field("alerts", "alerts must be an array");
    }
    return alerts;
  }

  /** Warns unless {@code version} is {@code "4"}; the alerts are read all the same. */
  private static void checkVersion(JsonNode version, List<Warning> warnings) {
    if (version == null || !version.isTextual() || !"4".equals(version.asText())) {
      warnings.add(
          new Warning(
              "version",
              "version is "
                  + (version == null ? "missing" : version.toString())
                  + ", expected \"4\"; the alerts were read all the same"));
    }
  }

  /** The labels of alert {@code a}, or null (with a warning) when it has none to read. */
  private static JsonNode labelsOf(JsonNode a, String at, List<Warning> warnings) {
    JsonNode labels = a.isObject() ? a.get("labels") : null;
    if (labels == null || !labels.isObject()) {
      warnings.add(
          new Warning(
              at,
              a.isObject()
                  ? "labels missing or not an object; alert ignored"
                  : "not an object; ignored"));
      return null;
    }
    return labels;
  }

  /**
   * Whether alert {@code a} is a rollback alert that counts as firing (any status but {@code
   * "resolved"}); warns of a boolean flag and of a status that is neither firing nor resolved.
   */
  private static boolean firingRollback(
      JsonNode a, JsonNode labels, String at, List<Warning> warnings) {
    JsonNode flag = labels.get("chaos_rollback");
    boolean rollback =
        flag != null
            && (flag.isTextual() && "true".equalsIgnoreCase(flag.asText().strip())
                || flag.isBoolean() && flag.asBoolean());
    if (rollback && !flag.isTextual()) {
      warnings.add(new Warning(at, "chaos_rollback is a JSON boolean, labels are strings"));
    }
    JsonNode status = a.get("status");
    String s = status != null && status.isTextual() ? status.asText() : null;
    boolean resolved = "resolved".equals(s);
    if (!resolved && !"firing".equals(s)) {
      warnings.add(
          new Warning(
              at,
              "status is "
                  + (status == null ? "missing" : status.toString())
                  + ", expected \"firing\" or \"resolved\""
                  + (rollback ? "; a rollback alert not resolved counts as firing" : "")));
    }
    return rollback && !resolved;
  }

  /** The alert's {@code reason} label if it is a code, else null (warning of one that is not). */
  private static String reasonCode(JsonNode labels, String at, List<Warning> warnings) {
    JsonNode label = labels.get("reason");
    String code = label != null && label.isTextual() ? label.asText() : null;
    if (code != null && CODE.matcher(code).matches()) {
      return code;
    }
    if (label != null) {
      warnings.add(new Warning(at, "reason label is not a code such as DEADLINE_MISS"));
    }
    return null;
  }
}
