package io.mmbot.chaos.report;

/**
 * Puts text from run files (file names, field paths, values quoted in error messages) into
 * report.md so that it reads as what it is and nothing more: it cannot end a line, start a heading,
 * split a table cell, open HTML or change formatting.
 *
 * <p>Every such text first goes through {@link #visible}: a backslash is doubled, and line endings,
 * tabs, control, format (bidi, zero-width) and separator characters and unpaired surrogates are
 * written as escapes ({@code \n}, {@code \r}, {@code \t}, or a backslash, {@code u} and four hex
 * digits; {@code U} and eight for characters beyond the Basic Multilingual Plane). Names then
 * become a code span ({@link #code}), whose content Markdown shows literally, with a fence longer
 * than any run of backticks inside; prose ({@link #text}) gets a backslash before every character
 * that could start markup or raw HTML. In a table cell, {@link #cell} escapes the pipe, which
 * GitHub-flavoured Markdown honours even inside code spans. {@link #plain} turns a code span back
 * into its visible text, for report.html and findings.json.
 */
final class MarkdownText {

  /** Characters that could start inline markup, raw HTML, an entity or a table cell. */
  private static final String MARKUP = "\\`*<>|&~$";

  private MarkdownText() {}

  /**
   * {@code raw} with a doubled backslash and every invisible or line-breaking character escaped.
   */
  static String visible(String raw) {
    StringBuilder b = null;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      String esc = escape(raw, i, c);
      if (esc != null && b == null) {
        b = new StringBuilder(raw.length() + 16).append(raw, 0, i);
      }
      if (b != null) {
        if (esc != null) {
          b.append(esc);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? raw : b.toString();
  }

  private static String escape(String s, int i, char c) {
    switch (c) {
      case '\\':
        return "\\\\";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    if (Character.isSurrogate(c)) {
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
              : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
      if (!paired) {
        return hex(c);
      }
      if (Character.isHighSurrogate(c)) {
        int cp = s.codePointAt(i);
        // the low half of an invisible supplementary character is dropped below
        return invisible(Character.getType(cp)) ? String.format("\\U%08x", cp) : null;
      }
      return invisible(Character.getType(s.codePointBefore(i + 1))) ? "" : null;
    }
    return invisible(Character.getType(c)) ? hex(c) : null;
  }

  private static boolean invisible(int type) {
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  private static String hex(char c) {
    return String.format("\\u%04x", (int) c);
  }

  /** A code span showing {@link #visible}{@code (raw)} literally. */
  static String code(String raw) {
    String v = visible(raw);
    int longest = 0;
    int run = 0;
    for (int i = 0; i < v.length(); i++) {
      run = v.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    // A space on both sides is stripped by the reader: pad when the content begins or ends with
    // a backtick (which would merge with the fence) or with a space (which would be lost).
    boolean pad =
        !v.isEmpty()
            && (v.charAt(0) == '`'
                || v.charAt(v.length() - 1) == '`'
                || v.charAt(0) == ' '
                || v.charAt(v.length() - 1) == ' ');
    return pad ? fence + " " + v + " " + fence : fence + v + fence;
  }

  /**
   * Prose: {@link #visible}{@code (raw)} with a backslash before every character that could start
   * markup, raw HTML or an entity. Two that are harmless where they stand stay bare, for
   * readability: an underscore between letters or digits (which never marks emphasis, as in {@code
   * net_loss}) and a closing bracket not followed by {@code (}, {@code [} or {@code :} (without
   * which no link forms).
   */
  static String text(String raw) {
    String v = visible(raw);
    StringBuilder b = new StringBuilder(v.length() + 8);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (MARKUP.indexOf(c) >= 0 || needsEscape(v, i, c)) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static boolean needsEscape(String v, int i, char c) {
    if (c == '_') {
      return !(i > 0
          && i + 1 < v.length()
          && Character.isLetterOrDigit(v.charAt(i - 1))
          && Character.isLetterOrDigit(v.charAt(i + 1)));
    }
    if (c == ']') {
      return i + 1 < v.length() && "([:".indexOf(v.charAt(i + 1)) >= 0;
    }
    return false;
  }

  /** Markdown that goes into a table cell: every pipe escaped. */
  static String cell(String markdown) {
    return markdown.replace("|", "\\|");
  }

  /**
   * The visible text of a label: the content of a code span as written by {@link #code}, or the
   * label itself when it is not a code span (such as {@code seed 42}).
   */
  static String plain(String label) {
    int n = 0;
    while (n < label.length() && label.charAt(n) == '`') {
      n++;
    }
    if (n == 0 || label.length() < 2 * n + 1) {
      return label;
    }
    String fence = label.substring(0, n);
    if (!label.endsWith(fence) || label.charAt(label.length() - n - 1) == '`') {
      return label;
    }
    String content = label.substring(n, label.length() - n);
    if (content.length() >= 2
        && content.charAt(0) == ' '
        && content.charAt(content.length() - 1) == ' '
        && !content.isBlank()) {
      content = content.substring(1, content.length() - 1);
    }
    return content;
  }
}
