package io.mmbot.chaos.config;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Finds the valid documents that leave chaos off where their author surely meant otherwise, and
 * says so as {@link ConfigWarning}s: a top-level key that is {@code chaos} in another case ({@code
 * Chaos}), with look-alike letters (a Cyrillic {@code с}, a fullwidth {@code ｃ}, a zero-width
 * space) or one edit away ({@code choas}, {@code chaso}, {@code chas}); a {@code chaos:} block that
 * reaches the root only through a merge key ({@code <<: *base}), which the binder does not follow;
 * and an empty {@code chaos: {}}. Stateless; safe for concurrent use.
 */
final class MistakenOffCheck {

  private static final String CHAOS = "chaos";
  private static final String SUGGESTION = "chaos:";

  private MistakenOffCheck() {}

  /** Warnings about the root mapping's keys; {@code hasChaos} when a real chaos: key exists. */
  static void checkRoot(MappingNode root, boolean hasChaos, List<ConfigWarning> out) {
    for (NodeTuple t : root.getValue()) {
      Node key = t.getKeyNode();
      if (!(key instanceof ScalarNode)) {
        continue;
      }
      String name = ((ScalarNode) key).getValue();
      if (Tag.MERGE.equals(key.getTag())) {
        if (!hasChaos && mergesChaos(t.getValueNode())) {
          out.add(
              warning(
                  "<<",
                  key,
                  "a chaos: block reaches the top level only through this merge key, which"
                      + " mm-chaos does not follow, so chaos stays off; write the chaos: block"
                      + " itself at the top level",
                  null));
        }
        continue;
      }
      if (name.equals(CHAOS)) {
        continue;
      }
      String why = lookAlike(name);
      if (why != null) {
        out.add(warning(ScalarReader.keyLabel(name), key, why, SUGGESTION));
      }
    }
  }

  /** A warning for an empty {@code chaos: {}} block. */
  static ConfigWarning emptyBlock(Node chaos) {
    return warning(
        CHAOS,
        chaos,
        "the chaos: block is empty, so chaos stays off; write `enabled: false` to switch chaos off"
            + " on purpose",
        null);
  }

  /**
   * Why a top-level key {@code name} (not {@code chaos} itself) looks like {@code chaos}, or null
   * if it does not.
   */
  static String lookAlike(String name) {
    String skeleton = skeleton(name);
    String shown = ScalarReader.show(name);
    if (skeleton.equals(CHAOS)) {
      boolean ascii = name.chars().allMatch(c -> c < 0x80);
      if (ascii) {
        return "the top-level block "
            + shown
            + " is not read: keys are case-sensitive and only `chaos:` is, so chaos stays off";
      }
      return "the top-level key "
          + shown
          + " looks like `chaos` but is written with "
          + foreign(name)
          + ", so it is not read and chaos stays off";
    }
    if (skeleton.length() >= 3 && distance(skeleton, CHAOS) <= 1) {
      return "the top-level block " + shown + " is not read: only `chaos:` is, so chaos stays off";
    }
    return null;
  }

  /** Whether a merge value (a mapping, or a list of them, through aliases) holds a chaos key. */
  private static boolean mergesChaos(Node value) {
    if (value instanceof MappingNode) {
      for (NodeTuple t : ((MappingNode) value).getValue()) {
        if (t.getKeyNode() instanceof ScalarNode
            && CHAOS.equals(((ScalarNode) t.getKeyNode()).getValue())) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof SequenceNode) {
      for (Node n : ((SequenceNode) value).getValue()) {
        if (n instanceof MappingNode && mergesChaos(n)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The key as it looks: compatibility-normalised (fullwidth letters become ASCII), without
   * invisible format characters, common Cyrillic and Greek look-alikes of Latin letters mapped to
   * them, trimmed and in lower case.
   */
  static String skeleton(String name) {
    String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(n.length());
    n.codePoints()
        .limit(64)
        .forEach(
            cp -> {
              if (Character.getType(cp) != Character.FORMAT) {
                b.appendCodePoint(latin(cp));
              }
            });
    return b.toString().strip().toLowerCase(Locale.ROOT);
  }

  private static int latin(int cp) {
    switch (cp) {
      case 0x0430: // Cyrillic а
      case 0x0410: // А
      case 0x03B1: // Greek α
      case 0x0391: // Α
        return 'a';
      case 0x0441: // Cyrillic с
      case 0x0421: // С
      case 0x03F2: // Greek lunate sigma ϲ
        return 'c';
      case 0x04BB: // Cyrillic һ
      case 0x041D: // Н (upper case looks like H)
      case 0x0397: // Greek Η
        return 'h';
      case 0x043E: // Cyrillic о
      case 0x041E: // О
      case 0x03BF: // Greek ο
      case 0x039F: // Ο
        return 'o';
      case 0x0455: // Cyrillic ѕ
      case 0x0405: // Ѕ
        return 's';
      default:
        return cp;
    }
  }

  /** The first non-ASCII character of {@code name}, named, for messages. */
  private static String foreign(String name) {
    int cp = name.codePoints().filter(c -> c >= 0x80).findFirst().orElse('?');
    String label = Character.getName(cp);
    return String.format("U+%04X", cp) + (label == null ? "" : " (" + label + ")");
  }

  /** Edit distance counting a swap of neighbours as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }

  private static ConfigWarning warning(String path, Node at, String detail, String suggestion) {
    return new ConfigWarning(
        path,
        at.getStartMark() == null ? 1 : at.getStartMark().getLine() + 1,
        at.getStartMark() == null ? 1 : at.getStartMark().getColumn() + 1,
        detail,
        suggestion);
  }
}
