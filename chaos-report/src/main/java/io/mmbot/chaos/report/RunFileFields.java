package io.mmbot.chaos.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Strict typed access to the fields of one run file. Each method takes the object holding the field
 * and the field's dotted path from the root (its last segment is the key); every failure is a
 * {@link RunFileException} naming that path.
 */
final class RunFileFields {

  private final Path file;

  RunFileFields(Path file) {
    this.file = file;
  }

  RunFileException error(String path, String problem) {
    return new RunFileException(file, path, problem);
  }

  private JsonNode required(JsonNode obj, String path) throws RunFileException {
    JsonNode node = obj.get(key(path));
    if (node == null || node.isNull()) {
      throw error(path, "missing (required)");
    }
    return node;
  }

  JsonNode requiredObject(JsonNode obj, String name, String path) throws RunFileException {
    JsonNode node = obj.get(name);
    if (node == null || node.isNull()) {
      throw error(path, "missing (required)");
    }
    if (!node.isObject()) {
      throw error(path, "expected an object, found " + describe(node));
    }
    return node;
  }

  JsonNode requiredObject(JsonNode array, int index, String path) throws RunFileException {
    JsonNode node = array.get(index);
    if (node == null || !node.isObject()) {
      throw error(path, "expected an object, found " + describe(node));
    }
    return node;
  }

  String requiredText(JsonNode obj, String path) throws RunFileException {
    JsonNode node = required(obj, path);
    if (!node.isTextual()) {
      throw error(path, "expected a string, found " + describe(node));
    }
    return node.textValue();
  }

  boolean requiredBoolean(JsonNode obj, String path) throws RunFileException {
    JsonNode node = required(obj, path);
    if (!node.isBoolean()) {
      throw error(path, "expected true or false, found " + describe(node));
    }
    return node.booleanValue();
  }

  double requiredDouble(JsonNode obj, String path, double min, double max) throws RunFileException {
    return number(required(obj, path), path, min, max);
  }

  OptionalDouble optionalDouble(JsonNode obj, String path, double min, double max)
      throws RunFileException {
    JsonNode node = obj.get(key(path));
    return node == null || node.isNull()
        ? OptionalDouble.empty()
        : OptionalDouble.of(number(node, path, min, max));
  }

  long requiredLong(JsonNode obj, String path, long min, long max) throws RunFileException {
    return integer(required(obj, path), path, min, max);
  }

  OptionalLong optionalLong(JsonNode obj, String path, long min, long max) throws RunFileException {
    JsonNode node = obj.get(key(path));
    return node == null || node.isNull()
        ? OptionalLong.empty()
        : OptionalLong.of(integer(node, path, min, max));
  }

  private double number(JsonNode node, String path, double min, double max)
      throws RunFileException {
    if (!node.isNumber()) {
      throw error(path, "expected a number, found " + describe(node));
    }
    double v = node.doubleValue();
    if (!Double.isFinite(v)) {
      throw error(path, v + " is not a finite number");
    }
    if (v < min || v > max) {
      throw error(path, node.asText() + " is out of range " + range(min, max));
    }
    return v;
  }

  private long integer(JsonNode node, String path, long min, long max) throws RunFileException {
    if (!node.isNumber()) {
      throw error(path, "expected a whole number, found " + describe(node));
    }
    if (!node.isIntegralNumber()) {
      double d = node.doubleValue();
      if (!Double.isFinite(d) || d != Math.rint(d)) {
        throw error(path, "expected a whole number, found " + node.asText());
      }
    } else if (!node.canConvertToLong()) {
      throw error(path, node.asText() + " is too large");
    }
    long v = node.isIntegralNumber() ? node.longValue() : (long) node.doubleValue();
    if (v < min || v > max) {
      throw error(path, node.asText() + " is out of range " + range(min, max));
    }
    return v;
  }

  private static String range(double min, double max) {
    String lo = min == Double.MIN_VALUE ? "(0" : "[" + plain(min);
    String hi = max == Double.MAX_VALUE || max == Long.MAX_VALUE ? "∞)" : plain(max) + "]";
    return lo + ", " + hi;
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static String key(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    switch (node.getNodeType()) {
      case STRING:
        return "the string \"" + RunFileException.shorten(node.textValue(), 80) + "\"";
      case NUMBER:
        return "the number " + node.asText();
      case BOOLEAN:
        return node.asText();
      case NULL:
        return "null";
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      default:
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
