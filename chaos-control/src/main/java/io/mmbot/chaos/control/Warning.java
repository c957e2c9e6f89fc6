package io.mmbot.chaos.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something wrong with a request that was carried out all the same (a disable, a webhook with a
 * firing rollback alert): the field at fault and what was wrong. Answered in a {@code warnings}
 * array.
 */
record Warning(String field, String error) {

  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("field", field);
    m.put("error", error);
    return m;
  }

  /** The JSON array of {@code warnings}. */
  static List<Map<String, Object>> json(List<Warning> warnings) {
    return warnings.stream().map(Warning::json).toList();
  }

  /** One line for the log: {@code field: error; field: error}. */
  static String line(List<Warning> warnings) {
    StringBuilder b = new StringBuilder();
    for (Warning w : warnings) {
      b.append(b.length() == 0 ? "" : "; ").append(w.field).append(": ").append(w.error);
    }
    return LogText.escape(b.toString());
  }
}
