package io.mmbot.chaos.examples.external;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A bot's command line ({@code --bot-cmd}), split into words the way a shell would split it, but
 * without a shell: nothing is expanded, globbed, piped or redirected.
 *
 * <ul>
 *   <li>Whitespace outside quotes separates words.
 *   <li>{@code '…'} keeps everything inside as written, backslashes included.
 *   <li>{@code "…"} keeps spaces; inside it a backslash escapes {@code "} and {@code \} and is kept
 *       before any other character.
 *   <li>Outside quotes a backslash makes the next character plain ({@code \ } is a space inside a
 *       word, {@code \{} a literal brace).
 *   <li>Quoted and unquoted pieces next to each other form one word; {@code ''} is an empty word.
 * </ul>
 *
 * <p>Placeholders ({@code {rest_url}}, {@code {ws_url}}, {@code {api_key}}, {@code {api_secret}},
 * {@code {metrics_port}}, {@code {control_port}}, {@code {control_token}}, {@code {run_dir}}) may
 * stand anywhere inside a word, quoted or not ({@code --url={rest_url}/api} is one word). They are
 * not shell variables: they are filled in inside single quotes too, and a value is never split
 * into several words. A brace followed by a name and a closing brace that is not one of these is
 * refused, so that a misspelt placeholder does not reach the bot; braces around anything else
 * ({@code {"a":1}}) are kept as written, and {@code \{} outside quotes keeps a brace that would
 * otherwise start a placeholder.
 *
 * <p>Instances are immutable and safe to share.
 */
public final class BotCommand {

  private final String line;
  private final List<List<Part>> words;
  private final Set<String> placeholders;

  private BotCommand(String line, List<List<Part>> words) {
    this.line = line;
    this.words = words;
    Set<String> used = new LinkedHashSet<>();
    for (List<Part> word : words) {
      for (Part p : word) {
        if (p.placeholder() != null) {
          used.add(p.placeholder());
        }
      }
    }
    this.placeholders = Collections.unmodifiableSet(used);
  }

  /**
   * Splits {@code line} into words and finds its placeholders.
   *
   * @throws IllegalArgumentException for an empty line, an unbalanced quote, a trailing backslash
   *     or an unknown placeholder (the message names what and where)
   */
  public static BotCommand parse(String line) {
    Objects.requireNonNull(line, "line");
    List<List<Part>> words = new Splitter(line).split();
    if (words.isEmpty()) {
      throw new IllegalArgumentException("bot command is empty: give the program to run");
    }
    return new BotCommand(line, List.copyOf(words));
  }

  /** The placeholder names (without braces) this command uses, in order of first appearance. */
  public Set<String> placeholders() {
    return placeholders;
  }

  /** The number of words (the length of every {@link #argv} of this command). */
  public int size() {
    return words.size();
  }

  /**
   * The command with its placeholders filled in from {@code env}: one element per word.
   *
   * @throws IllegalArgumentException if the command uses a placeholder {@code env} has no value for
   */
  public List<String> argv(BotEnv env) {
    Map<String, String> values = env.values();
    for (String name : placeholders) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException(
            "bot command uses {"
                + name
                + "} but this run has no value for it (control_port and control_token exist only"
                + " in mode bot)");
      }
    }
    List<String> argv = new ArrayList<>(words.size());
    for (List<Part> word : words) {
      StringBuilder sb = new StringBuilder();
      for (Part p : word) {
        sb.append(p.placeholder() == null ? p.literal() : values.get(p.placeholder()));
      }
      argv.add(sb.toString());
    }
    return List.copyOf(argv);
  }

  /** The line as given. */
  @Override
  public String toString() {
    return line;
  }

  /** A piece of a word: literal text, or a placeholder name. */
  private record Part(String literal, String placeholder) {}

  /** One pass over the line; not reusable. */
  private static final class Splitter {
    private final String line;
    private final List<List<Part>> words = new ArrayList<>();
    // The current word's characters and which of them were escaped (and so never start a
    // placeholder).
    private final StringBuilder text = new StringBuilder();
    private final BitSet plain = new BitSet();
    private boolean inWord;
    private int wordStart;

    Splitter(String line) {
      this.line = line;
    }

    List<List<Part>> split() {
      int i = 0;
      int n = line.length();
      while (i < n) {
        char c = line.charAt(i);
        if (Character.isWhitespace(c)) {
          endWord();
          i++;
        } else if (c == '\'') {
          startWord(i);
          int close = line.indexOf('\'', i + 1);
          if (close < 0) {
            throw new IllegalArgumentException(
                "bot command has an unbalanced single quote at column " + (i + 1) + ": " + line);
          }
          text.append(line, i + 1, close);
          i = close + 1;
        } else if (c == '"') {
          startWord(i);
          i = doubleQuoted(i);
        } else if (c == '\\') {
          if (i + 1 >= n) {
            throw new IllegalArgumentException(
                "bot command ends with a backslash that escapes nothing: " + line);
          }
          startWord(i);
          plain.set(text.length());
          text.append(line.charAt(i + 1));
          i += 2;
        } else {
          startWord(i);
          text.append(c);
          i++;
        }
      }
      endWord();
      return words;
    }

    /** Reads a double-quoted piece opening at {@code open}; returns the index after it. */
    private int doubleQuoted(int open) {
      int i = open + 1;
      while (i < line.length()) {
        char c = line.charAt(i);
        if (c == '"') {
          return i + 1;
        }
        if (c == '\\' && i + 1 < line.length()) {
          char next = line.charAt(i + 1);
          if (next == '"' || next == '\\') {
            plain.set(text.length());
            text.append(next);
            i += 2;
            continue;
          }
        }
        text.append(c);
        i++;
      }
      throw new IllegalArgumentException(
          "bot command has an unbalanced double quote at column " + (open + 1) + ": " + line);
    }

    private void startWord(int at) {
      if (!inWord) {
        inWord = true;
        wordStart = at;
      }
    }

    private void endWord() {
      if (!inWord) {
        return;
      }
      words.add(parts());
      text.setLength(0);
      plain.clear();
      inWord = false;
    }

    /** Cuts the current word into literal text and placeholders. */
    private List<Part> parts() {
      List<Part> parts = new ArrayList<>();
      StringBuilder literal = new StringBuilder();
      int i = 0;
      while (i < text.length()) {
        int end = text.charAt(i) == '{' && !plain.get(i) ? nameEnd(i) : -1;
        if (end < 0) {
          literal.append(text.charAt(i));
          i++;
          continue;
        }
        String name = text.substring(i + 1, end);
        if (!BotEnv.NAMES.contains(name)) {
          throw new IllegalArgumentException(
              "bot command has an unknown placeholder {"
                  + name
                  + "} in the word starting at column "
                  + (wordStart + 1)
                  + "; known: "
                  + known()
                  + " (write \\{ outside quotes for a literal brace)");
        }
        if (literal.length() > 0) {
          parts.add(new Part(literal.toString(), null));
          literal.setLength(0);
        }
        parts.add(new Part(null, name));
        i = end + 1;
      }
      if (literal.length() > 0 || parts.isEmpty()) {
        parts.add(new Part(literal.toString(), null));
      }
      return List.copyOf(parts);
    }

    /**
     * The index of the {@code '}'} closing a placeholder-shaped name that starts after the brace at
     * {@code open} (a letter or underscore, then letters, digits or underscores), or -1.
     */
    private int nameEnd(int open) {
      int i = open + 1;
      while (i < text.length() && !plain.get(i) && isNameChar(text.charAt(i), i == open + 1)) {
        i++;
      }
      if (i == open + 1 || i >= text.length() || text.charAt(i) != '}' || plain.get(i)) {
        return -1;
      }
      return i;
    }

    private static boolean isNameChar(char c, boolean first) {
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      return first ? letter : letter || (c >= '0' && c <= '9');
    }

    private static String known() {
      StringBuilder sb = new StringBuilder();
      for (String name : BotEnv.NAMES) {
        sb.append(sb.length() == 0 ? "" : ", ").append('{').append(name).append('}');
      }
      return sb.toString();
    }
  }
}
