package io.github.evals4j.assertions.json;

/**
 * Finds a lone surrogate in JSON text Jackson already accepted: raw (an unpaired UTF-16 surrogate
 * in the Java string, which cannot be encoded as UTF-8) or escaped ({@code \ud800} not followed by
 * a low-surrogate escape, or a low one alone). Jackson lets both through. Runs on the raw text so
 * the error points at the exact escape; inside accepted JSON every backslash starts a valid escape.
 */
final class Surrogates {

  private Surrogates() {}

  static JsonSyntaxError check(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != '\\' && (c & 0xF800) != 0xD800) {
        continue;
      }
      if (c == '\\') {
        if (text.charAt(i + 1) != 'u') {
          i++;
          continue;
        }
        int unit = hex(text, i + 2);
        if (Character.isHighSurrogate((char) unit)) {
          if (i + 11 < to && text.charAt(i + 6) == '\\' && text.charAt(i + 7) == 'u'
              && Character.isLowSurrogate((char) hex(text, i + 8))) {
            i += 11;
            continue;
          }
          return lone(text, i, i + 6, (char) unit, "escaped " + text.substring(i, i + 6));
        }
        if (Character.isLowSurrogate((char) unit)) {
          return lone(text, i, i + 6, (char) unit, "escaped " + text.substring(i, i + 6));
        }
        i += 5;
      } else if (Character.isHighSurrogate(c) && i + 1 < to
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else {
        return lone(text, i, i + 1, c, "raw " + JsonText.codePoint(c));
      }
    }
    return null;
  }

  private static JsonSyntaxError lone(String text, int start, int end, char c, String form) {
    return JsonSyntaxError.at(start, end, "surrogate",
        "lone " + (Character.isHighSurrogate(c) ? "high" : "low") + " surrogate (" + form
            + ") in a string: not a Unicode character, invalid in JSON text (RFC 8259 §8.2)");
  }

  private static int hex(String text, int at) {
    return Integer.parseInt(text, at, at + 4, 16);
  }
}
