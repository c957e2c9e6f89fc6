package io.mmbot.chaos.config;

import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one value node as the type a key asks for, or explains why it cannot. Strict on purpose:
 * numbers must be plain decimal numbers (no quotes, hex, octal or sexagesimal forms), booleans
 * {@code true} or {@code false}. Stateless; safe for concurrent use.
 */
final class ScalarReader {

  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(?:[0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?");
  private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9][0-9_]*");
  private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]*[0-9][0-9_]*");
  private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(?:inf|Inf|INF|nan|NaN|NAN)");
  private static final int MAX_NUMBER_CHARS = 40;
  private static final int MAX_SHOWN_CHARS = 40;

  private ScalarReader() {}

  /** The value of {@code node} for {@code key}: a Boolean, Double, Long or String. */
  static Object read(KeyTable.Key key, Node node) {
    if (!(node instanceof ScalarNode)) {
      throw Binder.error(key.fullPath(), node, "must be " + key.allowed() + ", got " + kind(node));
    }
    ScalarNode s = (ScalarNode) node;
    Tag tag = s.getTag();
    String text = s.getValue();
    if (Tag.NULL.equals(tag)) {
      throw Binder.error(
          key.fullPath(), node, "must be " + key.allowed() + ", got nothing (an empty value)");
    }
    if (!isStandard(tag)) {
      throw Binder.error(
          key.fullPath(), node, "the tag " + show(tag.getValue()) + " is not allowed here");
    }
    if (key.type() == KeyTable.Type.TEXT) {
      return text(key, s, text, tag);
    }
    if (Tag.STR.equals(tag)) {
      String why = s.isPlain() ? "got the text " : "got the quoted text ";
      String hint =
          s.isPlain() || key.type() == KeyTable.Type.BOOLEAN ? "" : " (remove the quotes)";
      throw Binder.error(
          key.fullPath(), node, "must be " + key.allowed() + ", " + why + show(text) + hint);
    }
    if (key.type() != KeyTable.Type.BOOLEAN && LEADING_ZERO.matcher(text).matches()) {
      throw Binder.error(
          key.fullPath(),
          node,
          "must be "
              + key.allowed()
              + ", got "
              + show(text)
              + " (a leading zero makes it octal in YAML 1.1; drop the zero)");
    }
    switch (key.type()) {
      case BOOLEAN:
        return bool(key, s, text);
      case INTEGER:
        return whole(key, s, text);
      default:
        return decimal(key, s, text);
    }
  }

  /** A text key takes a string or an unquoted whole number (an id such as {@code 42}). */
  private static String text(KeyTable.Key key, ScalarNode s, String text, Tag tag) {
    if (!Tag.STR.equals(tag) && !Tag.INT.equals(tag)) {
      throw Binder.error(
          key.fullPath(),
          s,
          "must be " + key.allowed() + ", got " + show(text) + " (quote it to use it as a text)");
    }
    String t = text.strip();
    if (t.isEmpty() || t.length() > key.max()) {
      throw Binder.error(
          key.fullPath(),
          s,
          "must be " + key.allowed() + ", got " + t.length() + " characters: " + show(text));
    }
    if (t.chars().anyMatch(Character::isISOControl)) {
      throw Binder.error(
          key.fullPath(), s, "must be " + key.allowed() + " without control characters");
    }
    return t;
  }

  private static Boolean bool(KeyTable.Key key, ScalarNode s, String text) {
    switch (text) {
      case "true":
      case "True":
      case "TRUE":
        return Boolean.TRUE;
      case "false":
      case "False":
      case "FALSE":
        return Boolean.FALSE;
      default:
        throw Binder.error(key.fullPath(), s, "must be " + key.allowed() + ", got " + show(text));
    }
  }

  private static Long whole(KeyTable.Key key, ScalarNode s, String text) {
    if (!WHOLE.matcher(text).matches()) {
      String why =
          DECIMAL.matcher(text).matches() || NOT_FINITE.matcher(text).matches()
              ? " (not a whole number)"
              : "";
      throw Binder.error(
          key.fullPath(), s, "must be " + key.allowed() + ", got " + show(text) + why);
    }
    String digits = text.replace("_", "");
    long min = (long) key.min();
    long max = (long) key.max();
    if (digits.length() > MAX_NUMBER_CHARS) {
      throw outOfRange(key, s, text);
    }
    BigInteger v = new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw outOfRange(key, s, text);
    }
    return v.longValue();
  }

  private static Double decimal(KeyTable.Key key, ScalarNode s, String text) {
    if (NOT_FINITE.matcher(text).matches()) {
      throw Binder.error(
          key.fullPath(), s, "must be " + key.allowed() + ", got " + show(text) + " (not finite)");
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw Binder.error(key.fullPath(), s, "must be " + key.allowed() + ", got " + show(text));
    }
    String digits = text.replace("_", "");
    double v;
    try {
      v = digits.length() > MAX_NUMBER_CHARS * 4 ? Double.NaN : Double.parseDouble(digits);
    } catch (NumberFormatException e) {
      throw Binder.error(key.fullPath(), s, "must be " + key.allowed() + ", got " + show(text));
    }
    // Negative zero compares equal to 0 but is not a value of a range that starts at 0.
    boolean negativeZero = v == 0 && Double.doubleToRawLongBits(v) != 0 && key.min() >= 0;
    if (!(v >= key.min() && v <= key.max()) || negativeZero) {
      throw outOfRange(key, s, text);
    }
    return v;
  }

  private static ChaosConfigException outOfRange(KeyTable.Key key, Node node, String text) {
    return Binder.error(
        key.fullPath(), node, show(text) + " is out of range, must be " + key.allowed());
  }

  private static boolean isStandard(Tag tag) {
    return Tag.STR.equals(tag)
        || Tag.INT.equals(tag)
        || Tag.FLOAT.equals(tag)
        || Tag.BOOL.equals(tag)
        || Tag.NULL.equals(tag);
  }

  /** "a list" or "a mapping" or the scalar text, for messages. */
  static String kind(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof ScalarNode) {
      return show(((ScalarNode) node).getValue());
    }
    return "an unsupported node";
  }

  /**
   * A key as it appears in a key path: as written when it is a plain name, shortened when long,
   * quoted and escaped when blank or holding spaces or control characters.
   */
  static String keyLabel(String name) {
    boolean plain = !name.isEmpty() && name.codePoints().allMatch(cp -> cp > 0x20 && cp != 0x7f);
    if (!plain) {
      return show(name);
    }
    return name.length() > MAX_SHOWN_CHARS ? name.substring(0, MAX_SHOWN_CHARS) + "…" : name;
  }

  /** A value quoted for a message, shortened and on one line. */
  static String show(String text) {
    String t = text.length() > MAX_SHOWN_CHARS ? text.substring(0, MAX_SHOWN_CHARS) + "…" : text;
    StringBuilder b = new StringBuilder(t.length() + 2).append('"');
    t.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7f) {
                b.append(String.format("\\u%04x", cp));
              } else {
                b.appendCodePoint(cp);
              }
            });
    return b.append('"').toString();
  }
}
