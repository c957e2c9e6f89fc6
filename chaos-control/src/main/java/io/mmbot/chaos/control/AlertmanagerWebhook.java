package io.mmbot.chaos.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmbot.chaos.ChaosReasons;
import java.util.regex.Pattern;

/**
 * An Alertmanager webhook payload (version 4) read for rollbacks: the reason of the first firing
 * alert labelled {@code chaos_rollback="true"} (its {@code reason} label, or {@code REMOTE}), and
 * how many alerts fired for a rollback or were ignored.
 */
final class AlertmanagerWebhook {

  /** What a reason code looks like. */
  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,47}");

  /** The reason to disable chaos with, or null when no rollback alert fires. */
  final String reason;

  final int firing;
  final int ignored;

  private AlertmanagerWebhook(String reason, int firing, int ignored) {
    this.reason = reason;
    this.firing = firing;
    this.ignored = ignored;
  }

  static AlertmanagerWebhook read(JsonNode body) throws BadRequest {
    if (body == null || !body.isObject()) {
      throw BadRequest.field("body", "body must be an Alertmanager webhook payload (JSON object)");
    }
    JsonNode version = body.get("version");
    if (version == null || !"4".equals(version.asText()) || !version.isTextual()) {
      throw BadRequest.field("version", "version must be \"4\" (Alertmanager webhook payload)");
    }
    JsonNode alerts = body.get("alerts");
    if (alerts == null || !alerts.isArray()) {
      throw BadRequest.field("alerts", "alerts must be an array");
    }
    String reason = null;
    int firing = 0;
    int ignored = 0;
    for (int i = 0; i < alerts.size(); i++) {
      JsonNode a = alerts.get(i);
      JsonNode status = a.get("status");
      JsonNode labels = a.get("labels");
      if (status == null || !status.isTextual()) {
        throw BadRequest.field("alerts[" + i + "].status", "status must be a string");
      }
      if (labels == null || !labels.isObject()) {
        throw BadRequest.field("alerts[" + i + "].labels", "labels must be an object");
      }
      boolean rollback = "true".equals(labels.path("chaos_rollback").asText(null));
      if (!rollback || !"firing".equals(status.asText())) {
        ignored++;
        continue;
      }
      firing++;
      if (reason == null) {
        String label = labels.path("reason").asText("");
        reason = CODE.matcher(label).matches() ? label : ChaosReasons.REMOTE;
      }
    }
    return new AlertmanagerWebhook(reason, firing, ignored);
  }
}
