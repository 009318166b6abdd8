package io.github.evals4j.assertions.json;

/** Character-level helpers on JSON text (RFC 8259 §2 whitespace, quoting for messages). */
final class JsonText {

  static final char BOM = '\uFEFF';

  private JsonText() {}

  /** Whitespace in RFC 8259's sense: space, tab, line feed, carriage return, nothing else. */
  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  static int skipWhitespace(String text, int from, int to) {
    int i = from;
    while (i < to && isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  static int skipWhitespaceBackwards(String text, int from, int to) {
    int i = to;
    while (i > from && isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** {@code U+00E9} style name of a code unit or code point. */
  static String codePoint(int c) {
    return String.format("U+%04X", c);
  }
}
