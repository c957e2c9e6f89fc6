package io.mmbot.chaos.config;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns text into a SnakeYAML node tree, safely: nothing is constructed (so no tag can name a
 * class), global tags are refused, and size, nesting depth and aliases to collections are bounded,
 * so an alias bomb or a huge file fails fast in bounded memory. Every parser failure becomes a
 * {@link ChaosConfigException} with a line, a column and the key path open there; no parser type
 * escapes. Stateless; safe for concurrent use (each call builds its own parser).
 */
final class SafeYaml {

  /** Largest document accepted, in characters (and, for files, in bytes). */
  static final int MAX_CHARS = 1 << 20;

  /** Largest number of aliases to lists or mappings in one document. */
  static final int MAX_COLLECTION_ALIASES = 50;

  /** Deepest nesting of lists and mappings accepted. */
  static final int MAX_DEPTH = 50;

  private SafeYaml() {}

  static LoaderOptions options() {
    LoaderOptions o = new LoaderOptions();
    o.setAllowDuplicateKeys(false);
    o.setAllowRecursiveKeys(false);
    o.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    o.setNestingDepthLimit(MAX_DEPTH);
    o.setCodePointLimit(MAX_CHARS);
    o.setProcessComments(false);
    o.setMergeOnCompose(false);
    return o;
  }

  /**
   * A composed document: its root node (null for a document with no content) and the nodes that
   * carry an explicit tag in the text ({@code !!float 0.3}, {@code !pct 30}), which the node tree
   * alone cannot tell from resolved ones.
   */
  record Composed(Node root, Set<Node> explicitlyTagged) {
    boolean isTagged(Node node) {
      return explicitlyTagged.contains(node);
    }
  }

  /** The single document, composed. */
  static Composed compose(String text) {
    if (text.length() > MAX_CHARS) {
      int[] pos = position(text, MAX_CHARS);
      throw new ChaosConfigException(
          ChaosConfigException.DOCUMENT,
          pos[0],
          pos[1],
          "the document is longer than " + MAX_CHARS + " characters; a config file is far smaller");
    }
    LoaderOptions options = options();
    try {
      TagTrackingComposer composer =
          new TagTrackingComposer(new ParserImpl(new StreamReader(text), options), options);
      Node root = composer.getSingleNode();
      return new Composed(root, composer.tagged);
    } catch (ReaderException e) {
      int at = codePointIndexToChar(text, e.getPosition());
      int[] pos = position(text, at);
      String path = SyntaxLocator.pathAtEndOf(text.substring(0, at), options);
      throw new ChaosConfigException(
          path,
          pos[0],
          pos[1],
          String.format(
              "character U+%04X is not allowed in YAML (binary data or a control character?)",
              e.getCodePoint()));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line0 = m == null ? 0 : m.getLine();
      int col0 = m == null ? 0 : m.getColumn();
      String path = SyntaxLocator.scan(text, line0, col0, options).path();
      throw new ChaosConfigException(path, line0 + 1, col0 + 1, describe(e));
    } catch (RuntimeException e) {
      // Limits the composer enforces without a position (aliases, depth): find where.
      SyntaxLocator.Found f = SyntaxLocator.scan(text, Integer.MAX_VALUE, 0, options);
      String detail = f.problem() != null ? f.problem() : "invalid YAML";
      throw new ChaosConfigException(f.path(), f.line(), f.column(), detail);
    } catch (StackOverflowError e) {
      throw new ChaosConfigException(
          ChaosConfigException.DOCUMENT, 1, 1, "the document is nested too deeply");
    }
  }

  /** Remembers which nodes were written with an explicit tag. */
  private static final class TagTrackingComposer extends Composer {
    final Set<Node> tagged = Collections.newSetFromMap(new IdentityHashMap<>());

    TagTrackingComposer(Parser parser, LoaderOptions options) {
      super(parser, new Resolver(), options);
    }

    @Override
    protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
      boolean explicit = explicitTag(parser.peekEvent());
      return remember(super.composeScalarNode(anchor, blockComments), explicit);
    }

    @Override
    protected Node composeSequenceNode(String anchor) {
      boolean explicit = explicitTag(parser.peekEvent());
      return remember(super.composeSequenceNode(anchor), explicit);
    }

    @Override
    protected Node composeMappingNode(String anchor) {
      boolean explicit = explicitTag(parser.peekEvent());
      return remember(super.composeMappingNode(anchor), explicit);
    }

    private Node remember(Node node, boolean explicit) {
      if (explicit) {
        tagged.add(node);
      }
      return node;
    }

    private static boolean explicitTag(Event e) {
      String tag = null;
      if (e instanceof ScalarEvent) {
        tag = ((ScalarEvent) e).getTag();
      } else if (e instanceof CollectionStartEvent) {
        tag = ((CollectionStartEvent) e).getTag();
      }
      // Any tag counts, the non-specific "!" included: a plain document needs none.
      return tag != null;
    }
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    if (problem.contains("\\t") || problem.contains("\t") || problem.contains("(TAB)")) {
      return "invalid YAML: a tab character; YAML indents with spaces only";
    }
    if (context.contains("expected a single document")) {
      return "invalid YAML: more than one document (---); keep the configuration in one";
    }
    if (problem.startsWith("Global tag is not allowed")) {
      return "a global tag is not allowed (" + clip(problem.substring(26).trim()) + ")";
    }
    if (problem.contains("found duplicate anchor")) {
      return "invalid YAML: " + clip(problem);
    }
    StringBuilder b = new StringBuilder("invalid YAML: ");
    if (!context.isEmpty()) {
      b.append(clip(context)).append(", ");
    }
    b.append(clip(problem));
    return b.toString();
  }

  /** Keeps parser wording short and on one line. */
  static String clip(String s) {
    String one = s.replace('\n', ' ').replace('\r', ' ');
    return one.length() > 120 ? one.substring(0, 120) + "…" : one;
  }

  /** 1-based line and column of the char at {@code index} (lines end at \n, \r\n or \r). */
  static int[] position(String text, int index) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(index, text.length());
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, text.codePointCount(lineStart, end) + 1};
  }

  private static int codePointIndexToChar(String text, int cpIndex) {
    if (cpIndex <= 0) {
      return 0;
    }
    int max = text.codePointCount(0, text.length());
    return text.offsetByCodePoints(0, Math.min(cpIndex, max));
  }
}
