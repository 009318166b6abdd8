package io.github.evals4j.assertions.json;

import io.github.evals4j.internal.Texts;

/**
 * The line of a text that holds an offending span, with carets under it:
 *
 * <pre>
 *   3 |   "tags": ["a", "b",],
 *     |                    ^
 * </pre>
 *
 * <p>Long lines (a minified document is one line) are cut to a window around the span. Carets are
 * aligned for a monospaced terminal: East Asian wide characters and emoji take two columns,
 * combining marks none, tabs are kept; control, bidi and invisible format characters and lone
 * surrogates are shown as visible escapes ({@link Texts#printable}) so the message itself stays
 * printable. Right-to-left text (Arabic) is shown in logical
 * order, which is what the column numbers count.
 */
final class CaretExcerpt {

  /** Code points shown before the span on a long line. */
  static final int BEFORE = 40;
  /** Code points shown from the span start on a long line. */
  static final int AFTER = 40;

  private CaretExcerpt() {}

  /** Line and column (1-based, columns in code points) of {@code offset}. */
  static int[] lineAndColumn(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    int limit = Math.min(offset, text.length());
    for (int i = text.indexOf('\n'); i >= 0 && i < limit; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return new int[] {line, text.codePointCount(lineStart, limit) + 1};
  }

  /** {@code line L, column C} of {@code offset}, as {@code Evidence#positionIn} says it. */
  static String position(String text, int offset) {
    int[] lc = lineAndColumn(text, offset);
    return "line " + lc[0] + ", column " + lc[1];
  }

  /** Two lines (gutter, line excerpt; gutter, carets) each prefixed by {@code indent}. */
  static String render(String text, int start, int end, String indent) {
    start = Math.max(0, Math.min(start, text.length()));
    end = Math.max(start, Math.min(end, text.length()));
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0) {
      lineEnd = text.length();
    }
    if (lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r') {
      lineEnd--;
    }
    int[] lc = lineAndColumn(text, start);
    int windowStart = lineStart;
    boolean cutLeft = false;
    if (text.codePointCount(lineStart, start) > BEFORE) {
      windowStart = text.offsetByCodePoints(start, -BEFORE);
      cutLeft = true;
    }
    int windowEnd = lineEnd;
    boolean cutRight = false;
    if (text.codePointCount(start, lineEnd) > AFTER) {
      windowEnd = text.offsetByCodePoints(start, AFTER);
      cutRight = true;
    }
    StringBuilder line = new StringBuilder();
    StringBuilder carets = new StringBuilder();
    if (cutLeft) {
      line.append('\u2026');
      carets.append(' ');
    }
    int caretEnd = Math.max(Math.min(end, windowEnd), start + 1);
    for (int i = windowStart; i < windowEnd; ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      int width = appendVisible(line, cp);
      boolean underlined = i >= start && i < caretEnd;
      char fill = underlined ? '^' : ' ';
      if (cp == '\t' && !underlined) {
        carets.append('\t');
      } else {
        for (int w = 0; w < Math.max(width, underlined && i == start ? 1 : 0); w++) {
          carets.append(fill);
        }
      }
      i = next;
    }
    if (start >= windowEnd) {
      // The span is the end of the line or of the text (a truncated document): point just past it.
      carets.append('^');
    }
    if (cutRight) {
      line.append('\u2026');
    }
    String gutter = String.valueOf(lc[0]);
    String blank = " ".repeat(gutter.length());
    return indent + gutter + " | " + line + System.lineSeparator()
        + indent + blank + " | " + stripTrailing(carets);
  }

  /** Appends a visible form of {@code cp} and returns its width in terminal columns. */
  private static int appendVisible(StringBuilder out, int cp) {
    if (cp == '\t') {
      out.append('\t');
      return 1;
    }
    if (cp == JsonText.BOM) {
      out.append("<BOM>");
      return 5;
    }
    String raw = Character.toString(cp);
    String shown = Texts.printable(raw);
    if (!shown.equals(raw)) {
      out.append(shown); // controls, bidi and invisible characters as escapes, e.g. \u005Cu202E
      return shown.length();
    }
    out.appendCodePoint(cp);
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  /** East Asian Wide/Fullwidth ranges and emoji, as terminals render them (Unicode UAX #11). */
  static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0x303E)
        || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  private static String stripTrailing(CharSequence s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.subSequence(0, end).toString();
  }
}
