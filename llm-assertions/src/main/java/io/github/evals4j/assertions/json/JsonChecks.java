package io.github.evals4j.assertions.json;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.check.Check;
import io.github.evals4j.assertions.content.RegexCheck;
import io.github.evals4j.assertions.text.BudgetedText;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON checks under one set of {@link JsonOptions}. {@code Checks.validJson()} and friends use
 * {@link #strict()}; take a configured instance for anything else. Immutable and thread-safe: keep
 * one in a constant, its Jackson factory is built once.
 *
 * <pre>{@code
 * JsonChecks json = JsonChecks.with(JsonOptions.strict().extractingFromText());
 * CheckResult r = json.matchesSchema(JsonSchema.fromClasspath("schemas/summary.json"))
 *     .evaluate(output);
 * }</pre>
 */
public final class JsonChecks {

  private static final JsonChecks STRICT = new JsonChecks(JsonOptions.strict());

  private final StrictJsonReader reader;
  private final StrictJsonReader extractingReader;

  private JsonChecks(JsonOptions options) {
    this.reader = new StrictJsonReader(options);
    this.extractingReader = options.extractFromText()
        ? reader : new StrictJsonReader(options.extractingFromText());
  }

  /** The checks with RFC 8259 strict defaults ({@link JsonOptions#strict()}). */
  public static JsonChecks strict() {
    return STRICT;
  }

  /** The checks under {@code options}. */
  public static JsonChecks with(JsonOptions options) {
    Objects.requireNonNull(options, "options");
    return options.equals(JsonOptions.strict()) ? STRICT : new JsonChecks(options);
  }

  public JsonOptions options() {
    return reader.options();
  }

  /** {@code json.valid}: the output is one JSON value (or holds one, if extraction is on). */
  public Check valid() {
    return new ValidJsonCheck("json.valid", reader);
  }

  /**
   * {@code json.contains-valid}: the output is or holds one JSON value, in a Markdown code fence or
   * in prose; where it was found is evidence of kind {@code "extracted"}.
   */
  public Check containsValid() {
    return new ValidJsonCheck("json.contains-valid", extractingReader);
  }

  /** {@code json.object}: the top-level value is an object. */
  public Check object() {
    return new TopLevelTypeCheck(JsonToken.START_OBJECT, reader);
  }

  /** {@code json.array}: the top-level value is an array. */
  public Check array() {
    return new TopLevelTypeCheck(JsonToken.START_ARRAY, reader);
  }

  /**
   * {@code json.pointer}: a value exists at the RFC 6901 {@code pointer}, e.g. {@code
   * "/features/0/name"}.
   *
   * @throws IllegalArgumentException if {@code pointer} is not a JSON Pointer
   */
  public Check hasPointer(String pointer) {
    return new JsonPointerCheck("json.pointer", pointer, null, null, reader);
  }

  /**
   * {@code json.pointer.equals}: the value at {@code pointer} equals {@code expected}, a JSON value
   * as Jackson maps it ({@code "text"}, {@code 42}, {@code true}, {@code null}, a {@code List}, a
   * {@code Map}, a {@link JsonNode}); numbers compare by value, so {@code 1} equals {@code 1.0}.
   */
  public Check pointerEquals(String pointer, Object expected) {
    JsonNode want = expected instanceof JsonNode ? (JsonNode) expected
        : reader.mapper().valueToTree(expected);
    return new JsonPointerCheck("json.pointer.equals", pointer,
        "to equal " + JsonKinds.of(want) + " " + JsonResults.quote(want),
        actual -> actual.equals(JsonPointerCheck.NUMBERS_BY_VALUE, want), reader);
  }

  /**
   * {@code json.pointer.matches}: the value at {@code pointer} matches {@code regex} as a whole; a
   * string is matched on its text, any other value on its compact JSON. Within the work budget of
   * {@link RegexCheck} (1,000,000 character reads plus 200 per character of the value): a regex
   * that backtracks catastrophically fails the check with the reason instead of hanging.
   */
  public Check pointerMatches(String pointer, String regex) {
    Pattern pattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
    return new JsonPointerCheck("json.pointer.matches", pointer,
        "to match /" + regex + "/", actual -> {
          // the same work budget as RegexCheck: the value is LLM output too
          String text = textOf(actual);
          return BudgetedText.matchesEntirely(pattern, text, RegexCheck.BASE_READS
              + RegexCheck.DEFAULT_READS_PER_CHARACTER * text.length(), "value");
        }, reader);
  }

  /** {@code json.schema}: the JSON matches {@code schema}; each violation is evidence. */
  public Check matchesSchema(JsonSchema schema) {
    return new JsonSchemaCheck(schema, reader);
  }

  /**
   * The output's JSON value read under these options, empty when the output is not (or holds no)
   * valid JSON. The same strict reading as the checks; use a check to learn why.
   */
  public Optional<JsonNode> read(String output) {
    JsonInput input = JsonInput.read(output, reader);
    if (!input.valid()) {
      return Optional.empty();
    }
    try {
      return Optional.of(reader.tree(output, input.parsed.valueStart(), input.parsed.valueEnd()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A string's text; any other value's compact JSON. */
  public static String textOf(JsonNode node) {
    return node.isTextual() ? node.textValue() : node.toString();
  }
}
