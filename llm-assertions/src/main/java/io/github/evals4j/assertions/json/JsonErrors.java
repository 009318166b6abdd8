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

  static JsonSyntaxError duplicateKey(String text, int keyStart, String key) {
    int keyEnd = keyStart + 1;
    while (keyEnd < text.length() && text.charAt(keyEnd) != '"') {
      keyEnd += text.charAt(keyEnd) == '\\' ? 2 : 1;
    }
    return JsonSyntaxError.at(keyStart, Math.min(text.length(), keyEnd + 1), "duplicate-key",
        "duplicate key \"" + key + "\" in the same object"
            + " (JsonOptions.allowingDuplicateKeys() accepts it, the last value wins)");
  }

  static String clean(String jacksonMessage) {
    String s = SOURCE_LOCATION.matcher(jacksonMessage).replaceAll("line $1, column $2");
    s = ENABLE_HINT.matcher(s).replaceAll("");
    return s.replace("JSON String, Number, Array, Object or token 'null', 'true' or 'false'",
        "a JSON value").trim();
  }
}
