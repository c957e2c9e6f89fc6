package io.mmbot.chaos.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes {@code findings.json} in the product contract's format: {@code total_findings}, {@code
 * by_severity} (always all three keys) and {@code findings} with {@code issue_id}, {@code
 * scenario}, {@code severity}, {@code description} and {@code recommendation}, and {@code stress}
 * after {@code scenario} in a finding about a stress scenario. Two-space indent, {@code "key":
 * value}, a final newline. Stateless and safe for concurrent use.
 */
public final class FindingsJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private FindingsJson() {}

  /** The JSON text of the findings. */
  public static String render(List<Finding> findings) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("total_findings", findings.size());
    ObjectNode by = root.putObject("by_severity");
    for (Severity s : Severity.values()) {
      by.put(s.key(), findings.stream().filter(f -> f.severity() == s).count());
    }
    ArrayNode list = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode o = list.addObject();
      o.put("issue_id", f.issueId());
      o.put("scenario", f.scenario().key());
      f.stress().ifPresent(name -> o.put("stress", name));
      o.put("severity", f.severity().key());
      o.put("description", f.description());
      o.put("recommendation", f.recommendation());
    }
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(indenter);
    printer.indentObjectsWith(indenter);
    try {
      return MAPPER.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
