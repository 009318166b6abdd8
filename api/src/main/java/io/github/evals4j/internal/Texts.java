package io.github.evals4j.internal;

/**
 * Small text helpers shared by checks and messages, and the one routine that makes untrusted text
 * (LLM output, dataset text, display names, reports read from disk) safe to print:
 * {@link #printable(String)}.
 *
 * <pre>{@code
 * Texts.printable("ok\u005Cu001B[2J\n::add-mask::x") // "ok\u005C\u005Cu001B[2J\\n::add-mask::x": one line, no escape code
 * Texts.printable("::notice::pwned")                // "\u005C\u005Cu003A:notice::pwned": no workflow command
 * }</pre>
 */
public final class Texts {

  private Texts() {}

  /**
   * {@code text} as one line that is safe to print on a terminal or in a CI log: line breaks and
   * tabs are shown as {@code \n}, {@code \r}, {@code \t}; every other control character (C0,
   * DEL, C1), bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
   * invisible format character (zero-width space, soft hyphen, BOM, Unicode tag characters, ...),
   * line or paragraph separator and lone surrogate is shown as a visible escape such as
   * {@code \u005Cu001B}; so no ANSI sequence, no reordered (Trojan Source) text and no hidden
   * characters reach a reader. The zero-width joiner and non-joiner stay (emoji sequences and
   * Indic and Persian scripts need them). A {@code ::} at the start of the text (after blanks) has
   * its first colon escaped, as has any {@code ##[} or {@code ##vso[}: text can never issue a
   * GitHub Actions or Azure Pipelines workflow command. Linear time; {@code null} gives
   * {@code "null"}.
   */
  public static String printable(String text) {
    return escape(text, false);
  }

  /**
   * {@link #printable(String)} for multi-line text (an excerpt, a document): tabs and line breaks
   * stay, and no line can start with {@code ::}.
   */
  public static String printableLines(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean lines) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = null;
    int n = text.length();
    boolean lineStart = true;
    for (int i = 0; i < n; ) {
      char c = text.charAt(i);
      int cp = c;
      int len = 1;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        cp = Character.toCodePoint(c, text.charAt(i + 1));
        len = 2;
      }
      String replacement = null;
      boolean lineBreak = c == '\n' || c == '\r';
      if (lines && (lineBreak || c == '\t')) {
        replacement = null;
      } else if (c == '\n') {
        replacement = "\\n";
      } else if (c == '\r') {
        replacement = "\\r";
      } else if (c == '\t') {
        replacement = "\\t";
      } else if ((len == 1 && Character.isSurrogate(c)) || isInvisible(cp)) {
        replacement = unicodeEscape(text, i, len);
      } else if ((lineStart && c == ':' && i + 1 < n && text.charAt(i + 1) == ':')
          || (c == '#' && (text.startsWith("##[", i) || text.startsWith("##vso[", i)))) {
        replacement = unicodeEscape(text, i, 1);
      }
      if (replacement != null && out == null) {
        out = new StringBuilder(n + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(text, i, i + len);
        }
      }
      lineStart = (lines && lineBreak)
          || (lineStart && replacement == null && (Character.isWhitespace(cp) || Character.isSpaceChar(cp)));
      i += len;
    }
    return out == null ? text : out.toString();
  }

  /** Controls, bidi controls and other invisible format characters, line and paragraph separators. */
  private static boolean isInvisible(int cp) {
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
      return true;
    }
    return Character.getType(cp) == Character.FORMAT && cp != 0x200C && cp != 0x200D;
  }

  private static String unicodeEscape(String text, int i, int len) {
    char[] out = new char[6 * len];
    for (int k = 0; k < len; k++) {
      char c = text.charAt(i + k);
      out[6 * k] = '\\';
      out[6 * k + 1] = 'u';
      for (int d = 0; d < 4; d++) {
        out[6 * k + 2 + d] = HEX[(c >> (12 - 4 * d)) & 0xF];
      }
    }
    return new String(out);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * {@code text} shortened to at most {@code max} code points with a trailing ellipsis, never
   * splitting a surrogate pair, and {@link #printable(String) printable}: one line, no control or
   * invisible character (line breaks are shown as {@code \n}).
   */
  public static String abbreviate(String text, int max) {
    if (text == null) {
      return "null";
    }
    // Escaping never shortens: only the first max + 1 code points can decide what is shown.
    int head = 0;
    for (int k = 0; k <= max && head < text.length(); k++) {
      head += Character.charCount(text.codePointAt(head));
    }
    String oneLine = printable(head < text.length() ? text.substring(0, head) : text);
    if (oneLine.codePointCount(0, oneLine.length()) <= max) {
      return oneLine;
    }
    int end = oneLine.offsetByCodePoints(0, Math.max(0, max - 1));
    return oneLine.substring(0, end) + "\u2026";
  }

  /**
   * {@code text} cut to at most {@code max} code points with a trailing ellipsis, keeping its line
   * breaks (as {@code \n}): for multi-line messages, such as a caret excerpt, shown in a report.
   */
  public static String truncate(String text, int max) {
    if (text == null) {
      return "null";
    }
    String normalized = text.replace("\r\n", "\n");
    if (normalized.codePointCount(0, normalized.length()) <= max) {
      return normalized;
    }
    int end = normalized.offsetByCodePoints(0, Math.max(0, max - 1));
    return normalized.substring(0, end) + "\u2026";
  }
}
