package io.github.evals4j.assertions.json;

/**
 * Why and where a text is not strict JSON: the half-open span {@code [start, end)} of the text
 * (never empty unless the text ended), a short kind and an explanation in words.
 */
record JsonSyntaxError(int start, int end, String kind, String message) {

  static JsonSyntaxError at(int start, int end, String kind, String message) {
    return new JsonSyntaxError(start, Math.max(start, end), kind, message);
  }
}
