package io.mmbot.chaos.control;

import java.util.ArrayList;
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

  /** Most warnings answered; the rest are counted in one last entry. */
  static final int MAX_SHOWN = 20;

  /** The JSON array of {@code warnings}: at most {@value #MAX_SHOWN}, then how many more. */
  static List<Map<String, Object>> json(List<Warning> warnings) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < warnings.size() && i < MAX_SHOWN; i++) {
      out.add(warnings.get(i).json());
    }
    if (warnings.size() > MAX_SHOWN) {
      out.add(
          new Warning("warnings", (warnings.size() - MAX_SHOWN) + " more problems not shown")
              .json());
    }
    return out;
  }

  /** One line for the log (escaped there): {@code field: error; field: error}. */
  static String line(List<Warning> warnings) {
    StringBuilder b = new StringBuilder();
    for (Warning w : warnings) {
      b.append(b.length() == 0 ? "" : "; ").append(w.field).append(": ").append(w.error);
    }
    return b.toString();
  }
}
