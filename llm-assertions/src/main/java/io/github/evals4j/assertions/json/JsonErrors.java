package io.github.evals4j.assertions.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's parse errors into positioned explanations in RFC 8259's terms, without
 * Jackson's advice to enable lenient features (strictness is the point here).
 */
final class JsonErrors {

  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: [^;\\]]*(?:\\][^;]*)?; line: (\\d+), column: (\\d+)\\]");
  private static final Pattern ENABLE_HINT =
      Pattern.compile("[:;,]?\\s*\\(?[Ee]nable `?[A-Za-z_.]+`? to allow\\)?|\\s*\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)");
  private static final Pattern TOKEN = Pattern.compile("(?:Unrecognized|Non-standard) token '([^']*)'");
  private static final Pattern UNEXPECTED_CHAR = Pattern.compile("^Unexpected character \\('(.)'");
  private static final Pattern UNCLOSED = Pattern.compile(
      "expected close marker for (Array|Object) \\(start marker at line (\\d+), column (\\d+)\\)");
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'");

  private JsonErrors() {}

  static JsonSyntaxError syntax(String text, int from, int at, int to, JsonProcessingException e) {
    String raw = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    if (e instanceof JsonEOFException || raw.startsWith("Unexpected end-of-input")) {
      String detail = clean(raw.replaceFirst("^Unexpected end-of-input:?\\s*", ""));
      Matcher open = UNCLOSED.matcher(detail);
      if (open.find()) {
        detail = "the " + open.group(1).toLowerCase(java.util.Locale.ROOT) + " opened at line "
            + open.group(2) + ", column " + open.group(3) + " is not closed";
      }
      return JsonSyntaxError.at(to, to, "truncated",
          "unexpected end of input: the JSON is truncated (" + detail + ")");
    }
    Matcher unexpected = UNEXPECTED_CHAR.matcher(raw);
    if (unexpected.find() && at > from && (at >= to || text.charAt(at) != unexpected.group(1).charAt(0))
        && text.charAt(at - 1) == unexpected.group(1).charAt(0)) {
      at--; // Jackson reports some characters after consuming them
    }
    char c = at < to ? text.charAt(at) : 0;
    if (c == '+' && raw.contains("plus sign")) {
      return JsonSyntaxError.at(at, at + 1, "syntax",
          "leading plus sign in a number (RFC 8259 §6)");
    }
    if (c == JsonText.BOM) {
      return JsonSyntaxError.at(at, at + 1, "bom", at == from
          ? "leading byte order mark U+FEFF: RFC 8259 §8.1 forbids adding one and Jackson's"
              + " readTree(String) rejects it (JsonOptions.ignoringLeadingBom() accepts it)"
          : "byte order mark U+FEFF inside the JSON text");
    }
    Matcher duplicate = DUPLICATE.matcher(raw);
    if (duplicate.find()) {
      int keyEnd = JsonText.skipWhitespaceBackwards(text, from, at);
      int keyStart = findOpeningQuote(text, from, keyEnd - 1);
      return JsonSyntaxError.at(keyStart, keyEnd, "duplicate-key",
          "duplicate key \"" + duplicate.group(1) + "\" in the same object"
              + " (JsonOptions.allowingDuplicateKeys() accepts it, the last value wins)");
    }
    Matcher token = TOKEN.matcher(raw);
    if (token.find()) {
      String word = token.group(1);
      // Jackson points at the start of some bad tokens and past the end of others.
      int start = text.startsWith(word, at) ? at : Math.max(from, at - word.length());
      at = start + word.length();
      String why = word.equals("NaN") || word.contains("Infinity")
          ? "'" + word + "' is not a JSON number: RFC 8259 §6 has no NaN or Infinity"
          : "unknown literal '" + word + "': JSON values are objects, arrays, strings, numbers,"
              + " true, false and null";
      return JsonSyntaxError.at(start, at, "syntax", why);
    }
    if (raw.contains("Leading zeroes")) {
      int start = at;
      while (start > from && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '-')) {
        start--;
      }
      return JsonSyntaxError.at(start, at + 1, "syntax", "number with a leading zero (RFC 8259 §6)");
    }
    if (raw.contains("CTRL-CHAR")) {
      return JsonSyntaxError.at(at, at + 1, "syntax", "unescaped control character "
          + JsonText.codePoint(c) + " in a string: RFC 8259 §7 requires \\n, \\t or \\u00XX");
    }
    if (c == '/' && raw.contains("comment")) {
      return JsonSyntaxError.at(at, at + 1, "syntax", "comments are not allowed in JSON");
    }
    if (c == '\'') {
      return JsonSyntaxError.at(at, at + 1, "syntax",
          "single quote: JSON strings and keys use double quotes");
    }
    if (c == ']' || c == '}') {
      int previous = JsonText.skipWhitespaceBackwards(text, from, at);
      if (previous > from && text.charAt(previous - 1) == ',') {
        return JsonSyntaxError.at(previous - 1, previous, "syntax",
            "trailing comma before '" + c + "'");
      }
    }
    return JsonSyntaxError.at(at, Math.min(to, at + 1), "syntax", clean(raw));
  }

  static JsonSyntaxError constraint(
      String text, int at, StreamConstraintsException e, JsonOptions options) {
    String raw = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    if (raw.contains("nesting depth")) {
      return JsonSyntaxError.at(Math.max(0, at - 1), at, "nesting",
          "nesting deeper than the limit of " + options.maxNestingDepth()
              + " arrays/objects (JsonOptions.withMaxNestingDepth)");
    }
    return JsonSyntaxError.at(Math.max(0, at - 1), at, "limit", clean(raw));
  }

  /**
   * A lone surrogate at decoded index {@code index} of the string token starting at {@code
   * tokenStart}: walks the raw token to point at the escape or the raw character.
   */
  static JsonSyntaxError loneSurrogate(String text, int tokenStart, int index, char c) {
    int i = tokenStart + 1; // after the opening quote
    int decoded = 0;
    while (i < text.length()) {
      int width = 1;
      if (text.charAt(i) == '\\' && i + 1 < text.length()) {
        width = text.charAt(i + 1) == 'u' ? 6 : 2;
      }
      if (decoded == index) {
        String form = width == 6 ? "escaped " + text.substring(i, Math.min(text.length(), i + 6))
            : "raw " + JsonText.codePoint(c);
        return JsonSyntaxError.at(i, Math.min(text.length(), i + width), "surrogate",
            "lone " + (Character.isHighSurrogate(c) ? "high" : "low") + " surrogate (" + form
                + ") in a string: not a Unicode character, invalid in JSON text (RFC 8259 §8.2)");
      }
      decoded++;
      i += width;
    }
    return JsonSyntaxError.at(tokenStart, tokenStart + 1, "surrogate",
        "lone surrogate " + JsonText.codePoint(c) + " in a string (RFC 8259 §8.2)");
  }

  private static int findOpeningQuote(String text, int from, int closingQuote) {
    int i = closingQuote - 1;
    while (i > from) {
      if (text.charAt(i) == '"' && text.charAt(i - 1) != '\\') {
        return i;
      }
      i--;
    }
    return Math.max(from, closingQuote);
  }

  static String clean(String jacksonMessage) {
    String s = SOURCE_LOCATION.matcher(jacksonMessage).replaceAll("line $1, column $2");
    s = ENABLE_HINT.matcher(s).replaceAll("");
    return s.replace("JSON String, Number, Array, Object or token 'null', 'true' or 'false'",
        "a JSON value").trim();
  }
}
