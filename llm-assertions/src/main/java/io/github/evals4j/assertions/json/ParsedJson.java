package io.github.evals4j.assertions.json;

import com.fasterxml.jackson.core.JsonToken;

/**
 * The outcome of reading one JSON value from {@code [from, to)} of a text: either the value's span
 * and first token, or the syntax error.
 */
record ParsedJson(int valueStart, int valueEnd, JsonToken rootToken, int maxDepth,
    JsonSyntaxError error) {

  static ParsedJson failed(JsonSyntaxError error) {
    return new ParsedJson(error.start(), error.start(), null, 0, error);
  }

  boolean valid() {
    return error == null;
  }

  /** {@code "object"}, {@code "array"}, {@code "string"}, … for messages. */
  String rootKind() {
    return JsonKinds.of(rootToken);
  }
}
