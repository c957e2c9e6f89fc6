package io.mmbot.chaos.config;

import io.mmbot.chaos.ChaosConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Walks the node tree of a whole {@code config.yaml} and binds its {@code chaos:} block through
 * {@link KeyTable}. It visits only the root mapping and at most two levels below {@code chaos:}, so
 * aliases elsewhere in the document cost nothing. Not thread-safe; one instance per document.
 */
final class Binder {

  private static final Pattern CORE_KEY = Pattern.compile("\\(chaos\\.([A-Za-z0-9_.]+)\\)");

  private final KeyTable.Target target = new KeyTable.Target();
  private final SafeYaml.Composed doc;

  /** Where each bound key was written: path below chaos to its key node. */
  private final Map<String, Node> written = new HashMap<>();

  private Binder(SafeYaml.Composed doc) {
    this.doc = doc;
  }

  /** Binds the composed document, with warnings about documents that silently mean chaos off. */
  static LoadedConfig bind(SafeYaml.Composed doc) {
    Node root = doc.root();
    if (root == null || isNull(root)) {
      throw new ChaosConfigException(
          ChaosConfigException.DOCUMENT,
          root == null ? 1 : line(root.getStartMark()),
          root == null ? 1 : column(root.getStartMark()),
          "the document is empty; a config file that lost its content is an error (chaos stays"
              + " off). Write `chaos:` with `enabled: false` to switch chaos off on purpose");
    }
    if (!(root instanceof MappingNode)) {
      throw error(
          ChaosConfigException.DOCUMENT,
          root,
          "the document must be a mapping of blocks such as `chaos:`, got "
              + ScalarReader.kind(root));
    }
    Node chaos = null;
    Map<String, Node> seen = new HashMap<>();
    for (NodeTuple t : ((MappingNode) root).getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode)) {
        continue;
      }
      String name = ((ScalarNode) t.getKeyNode()).getValue();
      duplicate(seen, name, t.getKeyNode(), ScalarReader.keyLabel(name));
      if (name.equals("chaos")) {
        chaos = t.getValueNode();
      }
    }
    List<ConfigWarning> warnings = new ArrayList<>();
    MistakenOffCheck.checkRoot((MappingNode) root, chaos != null, warnings);
    if (chaos == null) {
      return new LoadedConfig(ChaosConfig.defaults(), warnings);
    }
    Binder binder = new Binder(doc);
    binder.refuseTag("chaos", chaos);
    if (!(chaos instanceof MappingNode)) {
      String got = isNull(chaos) ? "nothing (an empty block)" : ScalarReader.kind(chaos);
      throw error(
          "chaos",
          chaos,
          "must be a mapping of keys such as `enabled: true` and `net_loss: 0.1`, got " + got);
    }
    if (((MappingNode) chaos).getValue().isEmpty()) {
      warnings.add(MistakenOffCheck.emptyBlock(chaos));
    }
    return new LoadedConfig(binder.bindChaos((MappingNode) chaos), warnings);
  }

  /** No tag is accepted anywhere in the chaos: block: a plain document needs none. */
  private void refuseTag(String path, Node node) {
    if (doc.isTagged(node)) {
      String tag = node.getTag() == null ? "!" : node.getTag().getValue();
      if (tag.startsWith(Tag.PREFIX)) {
        tag = "!!" + tag.substring(Tag.PREFIX.length());
      }
      throw error(
          path,
          node,
          "the tag "
              + ScalarReader.show(tag)
              + " is not allowed in the chaos: block; write the plain value without a tag");
    }
  }

  private ChaosConfig bindChaos(MappingNode chaos) {
    Map<String, Node> seen = new HashMap<>();
    for (NodeTuple t : chaos.getValue()) {
      String name = keyName(t.getKeyNode(), "chaos");
      String label = "chaos." + ScalarReader.keyLabel(name);
      refuseTag(label, t.getKeyNode());
      duplicate(seen, name, t.getKeyNode(), label);
      Node value = t.getValueNode();
      refuseTag(label, value);
      KeyTable.Key leaf = KeyTable.key(name);
      boolean group = KeyTable.isGroup(name);
      if (group && value instanceof MappingNode) {
        bindGroup(name, t.getKeyNode(), (MappingNode) value);
      } else if (leaf != null) {
        set(leaf, t.getKeyNode(), value);
      } else if (group) {
        throw error(
            "chaos." + name,
            value,
            "must be a mapping with "
                + String.join(", ", KeyTable.namesIn(name))
                + ", got "
                + (isNull(value) ? "nothing" : ScalarReader.kind(value))
                + flatHint(name));
      } else {
        throw unknown("chaos", name, t.getKeyNode(), KeyTable.namesIn(""));
      }
    }
    rejectBothForms();
    try {
      return target.build();
    } catch (IllegalArgumentException e) {
      throw fromCore(e, chaos);
    }
  }

  private void bindGroup(String group, Node groupKey, MappingNode block) {
    Map<String, Node> seen = new HashMap<>();
    for (NodeTuple t : block.getValue()) {
      String name = keyName(t.getKeyNode(), "chaos." + group);
      String path = group + "." + name;
      String label = "chaos." + group + "." + ScalarReader.keyLabel(name);
      refuseTag(label, t.getKeyNode());
      refuseTag(label, t.getValueNode());
      duplicate(seen, name, t.getKeyNode(), label);
      KeyTable.Key key = KeyTable.key(path);
      if (key == null) {
        throw unknown("chaos." + group, name, t.getKeyNode(), KeyTable.namesIn(group));
      }
      set(key, t.getKeyNode(), t.getValueNode());
    }
    written.put(group, groupKey);
  }

  private void set(KeyTable.Key key, Node keyNode, Node value) {
    key.setter().set(target, ScalarReader.read(key, value));
    written.put(key.path(), keyNode);
  }

  /** A flat magnitude key and its structured block both set one scenario: ambiguous. */
  private void rejectBothForms() {
    for (KeyTable.Key k : KeyTable.keys()) {
      String twin = KeyTable.structuredTwinOf(k.path());
      if (twin == null || !written.containsKey(k.path()) || !written.containsKey(twin)) {
        continue;
      }
      Node flat = written.get(k.path());
      Node structured = written.get(twin);
      boolean flatLater = flat.getStartMark().getIndex() > structured.getStartMark().getIndex();
      Node later = flatLater ? flat : structured;
      Node earlier = flatLater ? structured : flat;
      String laterPath = "chaos." + (flatLater ? k.path() : twin);
      String earlierPath = "chaos." + (flatLater ? twin : k.path());
      throw error(
          laterPath,
          later,
          "sets the same scenario as "
              + earlierPath
              + " (line "
              + line(earlier.getStartMark())
              + "); use either the flat key "
              + k.path()
              + " or the block "
              + twin
              + ", not both");
    }
  }

  private ChaosConfigException fromCore(IllegalArgumentException e, Node chaos) {
    String message = e.getMessage() == null ? "invalid configuration" : e.getMessage();
    Matcher m = CORE_KEY.matcher(message);
    String path = m.find() ? m.group(1) : null;
    Node at = path == null ? null : written.get(path);
    if (at == null) {
      return error("chaos", chaos, message);
    }
    return error("chaos." + path, at, message);
  }

  private static String keyName(Node keyNode, String parent) {
    if (keyNode instanceof ScalarNode && Tag.STR.equals(keyNode.getTag())) {
      return ((ScalarNode) keyNode).getValue();
    }
    if (keyNode instanceof ScalarNode && Tag.MERGE.equals(keyNode.getTag())) {
      throw error(
          parent + ".<<",
          keyNode,
          "merge keys (<<) are not supported in the chaos: block; write the keys out");
    }
    throw error(
        parent,
        keyNode,
        "keys must be plain names such as net_loss, got " + ScalarReader.kind(keyNode));
  }

  private static void duplicate(Map<String, Node> seen, String name, Node keyNode, String path) {
    Node first = seen.putIfAbsent(name, keyNode);
    if (first != null) {
      throw error(
          path,
          keyNode,
          "duplicate key; it is already set at line "
              + line(first.getStartMark())
              + " and a second value would silently win");
    }
  }

  private static ChaosConfigException unknown(
      String parent, String name, Node keyNode, Set<String> known) {
    String suggestion = Suggestions.nearest(name, known);
    String shown = ScalarReader.show(name);
    String detail =
        suggestion != null
            ? "unknown key " + shown + "; did you mean `" + suggestion + "`?"
            : "unknown key " + shown + "; known keys here: " + String.join(", ", known);
    String keyPath = parent + "." + ScalarReader.keyLabel(name);
    return error(keyPath, keyNode, detail);
  }

  private static String flatHint(String group) {
    for (KeyTable.Key k : KeyTable.keys()) {
      if (group.equals(KeyTable.structuredTwinOf(k.path()))) {
        return " (for the flat form write " + k.path() + ": <value>)";
      }
    }
    return "";
  }

  static ChaosConfigException error(String path, Node node, String detail) {
    Mark m = node == null ? null : node.getStartMark();
    return new ChaosConfigException(path, line(m), column(m), detail);
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  private static int line(Mark m) {
    return m == null ? 1 : m.getLine() + 1;
  }

  private static int column(Mark m) {
    return m == null ? 1 : m.getColumn() + 1;
  }
}
