package io.mmbot.chaos.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Replays a document's parse events to say where a problem is: the key path open at a given
 * position (for syntax errors the parser reports with a line but no key), or the first place a
 * resource limit is crossed (aliases to collections, nesting depth), which the composer reports
 * with neither. Runs only after a failure, over a document already bounded in size. Not
 * thread-safe; one instance per scan.
 */
final class SyntaxLocator {

  /** Where the scan stopped: 1-based line and column, the key path, and a limit problem or null. */
  record Found(String path, int line, int column, String problem) {}

  private static final int MAX_PATH_CHARS = 80;

  /** One open collection: a mapping (with its current key) or a sequence (with its index). */
  private static final class Frame {
    final boolean mapping;
    boolean expectKey = true;
    String key;
    int index;

    Frame(boolean mapping) {
      this.mapping = mapping;
    }
  }

  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Map<String, Boolean> anchorIsCollection = new HashMap<>();
  private int collectionAliases;

  private SyntaxLocator() {}

  /**
   * Scans {@code text} until the event at or after the 0-based position ({@code line0}, {@code
   * col0}), a crossed limit, a parse error or the end, whichever comes first.
   */
  static Found scan(String text, int line0, int col0, LoaderOptions options) {
    try {
      return new SyntaxLocator().run(text, line0, col0, options);
    } catch (RuntimeException e) {
      // Locating is a courtesy; never let it replace the error being reported.
      boolean known = line0 < Integer.MAX_VALUE;
      return new Found(
          ChaosConfigException.DOCUMENT, known ? line0 + 1 : 1, known ? col0 + 1 : 1, null);
    }
  }

  /**
   * The key path open at the end of {@code prefix}: the text before a character or byte the reader
   * rejected, so the rest of the document never reaches the parser.
   */
  static String pathAtEndOf(String prefix, LoaderOptions options) {
    int[] end = SafeYaml.position(prefix, prefix.length());
    // A stand-in character where the rejected one was, so a value cut off there still opens.
    return scan(prefix + "X", end[0] - 1, end[1] - 1, options).path();
  }

  private Found run(String text, int line0, int col0, LoaderOptions options) {
    ParserImpl parser = new ParserImpl(new StreamReader(text), options);
    Mark last = null;
    while (true) {
      Event ev;
      try {
        ev = parser.getEvent();
      } catch (RuntimeException e) {
        break;
      }
      if (ev == null || ev.is(Event.ID.StreamEnd)) {
        break;
      }
      Mark m = ev.getStartMark();
      Mark end = ev.getEndMark();
      if (end != null
          && reaches(end, line0, col0)
          && (ev.is(Event.ID.Scalar) || reaches(m, line0, col0))) {
        break;
      }
      if (m != null) {
        last = m;
      }
      String problem = step(ev, options);
      if (problem != null) {
        return found(m, problem);
      }
    }
    return found(last, null);
  }

  private static boolean reaches(Mark m, int line0, int col0) {
    return m != null && (m.getLine() > line0 || (m.getLine() == line0 && m.getColumn() >= col0));
  }

  private String step(Event ev, LoaderOptions options) {
    if (ev instanceof CollectionStartEvent) {
      CollectionStartEvent c = (CollectionStartEvent) ev;
      if (c.getAnchor() != null) {
        anchorIsCollection.put(c.getAnchor(), Boolean.TRUE);
      }
      startValue();
      stack.push(new Frame(ev.is(Event.ID.MappingStart)));
      if (stack.size() > options.getNestingDepthLimit()) {
        return "nested deeper than " + options.getNestingDepthLimit() + " levels";
      }
    } else if (ev.is(Event.ID.MappingEnd) || ev.is(Event.ID.SequenceEnd)) {
      stack.pop();
      endValue();
    } else if (ev instanceof ScalarEvent) {
      ScalarEvent s = (ScalarEvent) ev;
      if (s.getAnchor() != null) {
        anchorIsCollection.put(s.getAnchor(), Boolean.FALSE);
      }
      Frame top = stack.peek();
      if (top != null && top.mapping && top.expectKey) {
        top.key = ScalarReader.keyLabel(s.getValue());
        top.expectKey = false;
      } else {
        endValue();
      }
    } else if (ev instanceof AliasEvent) {
      String anchor = ((AliasEvent) ev).getAnchor();
      if (Boolean.TRUE.equals(anchorIsCollection.get(anchor))
          && ++collectionAliases > options.getMaxAliasesForCollections()) {
        return "more than "
            + options.getMaxAliasesForCollections()
            + " aliases to lists or mappings (an alias bomb such as billion laughs is refused)";
      }
      Frame top = stack.peek();
      if (top != null && top.mapping && top.expectKey) {
        top.key = "*" + ScalarReader.keyLabel(anchor);
        top.expectKey = false;
      } else {
        endValue();
      }
    }
    return null;
  }

  /** A collection starts: if it is a mapping key, name it so the path still reads well. */
  private void startValue() {
    Frame top = stack.peek();
    if (top != null && top.mapping && top.expectKey) {
      top.key = "?";
    }
  }

  /** A value (scalar, alias or collection) is complete in the enclosing collection. */
  private void endValue() {
    Frame top = stack.peek();
    if (top == null) {
      return;
    }
    if (top.mapping) {
      top.expectKey = !top.expectKey;
    } else {
      top.index++;
    }
  }

  private Found found(Mark m, String problem) {
    int line = m == null ? 1 : m.getLine() + 1;
    int column = m == null ? 1 : m.getColumn() + 1;
    return new Found(path(), line, column, problem);
  }

  private String path() {
    StringBuilder b = new StringBuilder();
    var it = stack.descendingIterator();
    while (it.hasNext()) {
      Frame f = it.next();
      if (f.mapping) {
        if (f.key == null || f.expectKey) {
          break;
        }
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(f.key);
      } else {
        b.append('[').append(f.index).append(']');
      }
    }
    if (b.length() > MAX_PATH_CHARS) {
      b.setLength(MAX_PATH_CHARS);
      b.append('…');
    }
    return b.length() == 0 ? ChaosConfigException.DOCUMENT : b.toString();
  }
}
