package io.github.evals4j.assertions.json;

/**
 * Finds a lone surrogate in JSON text Jackson already accepted: raw (an unpaired UTF-16 surrogate
 * in the Java string, which cannot be encoded as UTF-8) or escaped ({@code \ud800} not followed by
 * a low-surrogate escape, or a low one alone). Jackson lets both through. Runs on the raw text so
 * the error points at the exact escape; inside accepted JSON every backslash starts a valid escape.
 *
 * <p>The text is copied in chunks into a char array: a tight array loop is several times faster
 * than {@code String.charAt} and this pass must stay cheap next to the parse itself.
 */
final class Surrogates {

  private static final int CHUNK = 8192;

  private Surrogates() {}

  static JsonSyntaxError check(String text, int from, int to) {
    char[] buffer = new char[Math.min(CHUNK, Math.max(1, to - from))];
    int base = from; // buffer holds text[base, base + n)
    int n = 0;
    int j = 0;
    while (true) {
      if (j >= n) {
        base += j; // j passes n when an escape crossed the chunk end
        if (base >= to) {
          return null;
        }
        n = Math.min(buffer.length, to - base);
        text.getChars(base, base + n, buffer, 0);
        j = 0;
      }
      while (j < n) {
        char c = buffer[j];
        if (c == '\\' || (c & 0xF800) == 0xD800) {
          break;
        }
        j++;
      }
      if (j < n) {
        int next = skipSpecial(text, base + j, to);
        if (next < 0) {
          return describe(text, base + j);
        }
        j = next - base;
      }
    }
  }

  /** The index after the escape or surrogate pair at {@code at}, or -1 if it is a lone surrogate. */
  private static int skipSpecial(String text, int at, int to) {
    char c = text.charAt(at);
    if (c == '\\') {
      if (text.charAt(at + 1) != 'u') {
        return at + 2;
      }
      char unit = (char) hex(text, at + 2);
      if (Character.isHighSurrogate(unit)) {
        return at + 11 < to && text.charAt(at + 6) == '\\' && text.charAt(at + 7) == 'u'
            && Character.isLowSurrogate((char) hex(text, at + 8)) ? at + 12 : -1;
      }
      return Character.isLowSurrogate(unit) ? -1 : at + 6;
    }
    return Character.isHighSurrogate(c) && at + 1 < to
        && Character.isLowSurrogate(text.charAt(at + 1)) ? at + 2 : -1;
  }

  private static JsonSyntaxError describe(String text, int at) {
    char c = text.charAt(at);
    if (c == '\\') {
      char unit = (char) hex(text, at + 2);
      return lone(at, at + 6, unit, "escaped " + text.substring(at, at + 6));
    }
    return lone(at, at + 1, c, "raw " + JsonText.codePoint(c));
  }

  private static JsonSyntaxError lone(int start, int end, char c, String form) {
    return JsonSyntaxError.at(start, end, "surrogate",
        "lone " + (Character.isHighSurrogate(c) ? "high" : "low") + " surrogate (" + form
            + ") in a string: not a Unicode character, invalid in JSON text (RFC 8259 §8.2)");
  }

  private static int hex(String text, int at) {
    return Integer.parseInt(text, at, at + 4, 16);
  }
}
