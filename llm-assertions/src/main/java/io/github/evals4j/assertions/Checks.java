package io.github.evals4j.assertions;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;

import io.github.evals4j.recording.Recording;

/**
 * The built-in checks, as values: evaluate them without throwing ({@code
 * Checks.validJson().evaluate(output)}) or assert with them ({@code assertThat(output).passes(..)}).
 */
public final class Checks {

  private Checks() {}

  /**
   * Evaluates {@code check} on {@code output}, reports the result to the recording hook, and turns
   * a check that throws into a failed result instead of losing it.
   */
  public static CheckResult evaluate(Check check, String output) {
    CheckResult result;
    try {
      result = check.evaluate(output);
      if (result == null) {
        result = CheckResult.of(check.name(), false, java.util.List.of(),
            "check " + check.name() + " returned no result");
      }
    } catch (RuntimeException | StackOverflowError e) {
      result = CheckResult.of(check.name(), false, java.util.List.of(),
          "check " + check.name() + " threw " + e);
    }
    Recording.check(result);
    return result;
  }

  // ---- similarity: io.github.evals4j.assertions.similarity ----

  /**
   * {@code semantic.similar}: the output's embedding has a cosine similarity of at least {@code
   * threshold} (0..1] with {@code expected}, under the default embedder (the offline
   * all-MiniLM-L6-v2 model of evals4j-similarity); score = the similarity. Use {@link
   * io.github.evals4j.assertions.similarity.SimilarityCheck#similarTo} for another embedder.
   *
   * <pre>{@code
   * CheckResult r = Checks.semanticallySimilarTo("Your refund arrives within 5 days.", 0.8)
   *     .evaluate(answer);
   * }</pre>
   *
   * @throws IllegalStateException naming the artifacts to add when no embedding model is available
   */
  public static io.github.evals4j.assertions.similarity.SimilarityCheck semanticallySimilarTo(
      String expected, double threshold) {
    return semanticallySimilarTo(java.util.Collections.singletonList(expected), threshold);
  }

  /** {@code semantic.similar} to the closest of {@code expected}; the evidence names it. */
  public static io.github.evals4j.assertions.similarity.SimilarityCheck semanticallySimilarTo(
      java.util.Collection<String> expected, double threshold) {
    return io.github.evals4j.assertions.similarity.SimilarityCheck.similarTo(
        io.github.evals4j.assertions.similarity.Embedder.defaultEmbedder(), expected, threshold);
  }

  /** {@code semantic.not-similar}: cosine similarity below {@code threshold} with every expected text. */
  public static io.github.evals4j.assertions.similarity.SimilarityCheck notSemanticallySimilarTo(
      java.util.Collection<String> expected, double threshold) {
    return io.github.evals4j.assertions.similarity.SimilarityCheck.notSimilarTo(
        io.github.evals4j.assertions.similarity.Embedder.defaultEmbedder(), expected, threshold);
  }

  // ---- end similarity ----

  // ---- json ----

  /**
   * {@code json.valid}: the whole output is one RFC 8259 strict JSON value. No comments, trailing
   * commas, single quotes, NaN, leading zeros, lone surrogates, duplicate keys or content after
   * the value; a failure quotes the offending spot with line, column and a caret.
   *
   * <pre>{@code
   * CheckResult r = Checks.validJson().evaluate("{\"a\": [1, 2,]}");  // trailing comma at 1:12
   * }</pre>
   */
  public static Check validJson() {
    return io.github.evals4j.assertions.json.JsonChecks.strict().valid();
  }

  /** {@code json.valid} under {@code options} (duplicate keys, BOM, nesting limit, extraction). */
  public static Check validJson(io.github.evals4j.assertions.json.JsonOptions options) {
    return io.github.evals4j.assertions.json.JsonChecks.with(options).valid();
  }

  /**
   * {@code json.contains-valid}: the output is JSON, or holds a JSON value in a Markdown code fence
   * or in prose; the result says where it was found (evidence of kind {@code "extracted"}).
   */
  public static Check containsValidJson() {
    return io.github.evals4j.assertions.json.JsonChecks.strict().containsValid();
  }

  /** {@code json.object}: the output is strict JSON whose top-level value is an object. */
  public static Check jsonObject() {
    return io.github.evals4j.assertions.json.JsonChecks.strict().object();
  }

  /** {@code json.array}: the output is strict JSON whose top-level value is an array. */
  public static Check jsonArray() {
    return io.github.evals4j.assertions.json.JsonChecks.strict().array();
  }

  /** {@code json.pointer}: a value exists at the RFC 6901 pointer, e.g. {@code "/items/0/id"}. */
  public static Check hasJsonPointer(String pointer) {
    return io.github.evals4j.assertions.json.JsonChecks.strict().hasPointer(pointer);
  }

  /**
   * {@code json.pointer.equals}: the value at {@code pointer} equals {@code expected} ({@code
   * "text"}, {@code 42}, {@code true}, {@code null}, a {@code List}/{@code Map} or a {@code
   * JsonNode}); numbers compare by value.
   */
  public static Check jsonPointerEquals(String pointer, Object expected) {
    return io.github.evals4j.assertions.json.JsonChecks.strict().pointerEquals(pointer, expected);
  }

  /** {@code json.pointer.matches}: the value (a string's text) at {@code pointer} matches regex. */
  public static Check jsonPointerMatches(String pointer, String regex) {
    return io.github.evals4j.assertions.json.JsonChecks.strict().pointerMatches(pointer, regex);
  }

  /** {@code json.schema}: the output's JSON matches {@code schema}, each violation reported. */
  public static Check matchesJsonSchema(io.github.evals4j.assertions.json.JsonSchema schema) {
    return io.github.evals4j.assertions.json.JsonChecks.strict().matchesSchema(schema);
  }

  /**
   * {@code json.schema} against a schema given as JSON text (2020-12 unless its {@code $schema}
   * says otherwise).
   *
   * @throws io.github.evals4j.assertions.json.InvalidJsonSchemaException if the schema is broken
   */
  public static Check matchesJsonSchema(String schemaJson) {
    return io.github.evals4j.assertions.json.JsonChecks.strict().matchesSchema(io.github.evals4j.assertions.json.JsonSchema.fromString(schemaJson));
  }

  /** Every JSON check under {@code options}, e.g. {@code Checks.json(opts).hasPointer("/id")}. */
  public static io.github.evals4j.assertions.json.JsonChecks json(io.github.evals4j.assertions.json.JsonOptions options) {
    return io.github.evals4j.assertions.json.JsonChecks.with(options);
  }

  // ---- end json ----

  // ---- length and tokens ----

  /**
   * At most {@code max} {@code unit}s ({@link io.github.evals4j.assertions.length.TextUnit} says
   * what each unit counts); a failure quotes the text from the first unit beyond the limit.
   *
   * <pre>{@code
   * Checks.maxLength(TextUnit.WORDS, 100).evaluate(output);
   * }</pre>
   */
  public static Check maxLength(io.github.evals4j.assertions.length.TextUnit unit, int max) {
    return io.github.evals4j.assertions.length.LengthChecks.atMost(unit, max);
  }

  /** At least {@code min} {@code unit}s, e.g. {@code Checks.minLength(TextUnit.BULLETS, 3)}. */
  public static Check minLength(io.github.evals4j.assertions.length.TextUnit unit, int min) {
    return io.github.evals4j.assertions.length.LengthChecks.atLeast(unit, min);
  }

  /** Between {@code min} and {@code max} {@code unit}s, both inclusive. */
  public static Check lengthBetween(
      io.github.evals4j.assertions.length.TextUnit unit, int min, int max) {
    return io.github.evals4j.assertions.length.LengthChecks.between(unit, min, max);
  }

  /**
   * At most {@code max} tokens for {@code model}'s tokenizer (jtokkit); an unknown model throws
   * {@link io.github.evals4j.assertions.tokens.UnknownModelException} here, when the check is made.
   *
   * <pre>{@code
   * Checks.maxTokens(100, "gpt-4o-mini").evaluate(output);
   * }</pre>
   */
  public static Check maxTokens(int max, String model) {
    return io.github.evals4j.assertions.tokens.TokenCounter.forModel(model).atMost(max);
  }

  /** At most {@code max} tokens with {@code counter}, e.g. {@code TokenCounter.approximate("claude-sonnet-4")}. */
  public static Check maxTokens(int max, io.github.evals4j.assertions.tokens.TokenCounter counter) {
    return java.util.Objects.requireNonNull(counter, "counter").atMost(max);
  }

  /** An X (Twitter) post: at most 280 weighted characters (twitter-text: URLs 23, CJK and emoji 2). */
  public static Check xPost() {
    return io.github.evals4j.assertions.length.LengthChecks.xPost();
  }

  /** A LinkedIn post: at most 3,000 characters (counted as UTF-16 units, the conservative choice). */
  public static Check linkedInPost() {
    return io.github.evals4j.assertions.length.LengthChecks.linkedInPost();
  }

  /** At most {@code max} SMS segments (GSM-7 160/153 septets, UCS-2 70/67 units). */
  public static Check maxSmsSegments(int max) {
    return io.github.evals4j.assertions.length.LengthChecks.smsSegments(max);
  }

  // ---- end length and tokens ----

  // ---- specificity ----

  /**
   * Specificity of at least {@code threshold} (0..1): concrete signals against vague phrases,
   * see {@link io.github.evals4j.assertions.specificity.SpecificityCheck}.
   *
   * <pre>{@code
   * Checks.specificity(0.6).withDomainTerms("LCP").evaluate(output);
   * }</pre>
   */
  public static io.github.evals4j.assertions.specificity.SpecificityCheck specificity(
      double threshold) {
    return io.github.evals4j.assertions.specificity.SpecificityCheck.atLeast(threshold);
  }

  // ---- end specificity ----

  // ---- grounding ----

  /**
   * Grounding score (supported share of claims and sentences) of at least {@value
   * io.github.evals4j.assertions.grounding.GroundingCheck#DEFAULT_THRESHOLD}, see {@link
   * io.github.evals4j.assertions.grounding.GroundingCheck}.
   *
   * <pre>{@code
   * Sources sources = Sources.of(logExcerpt);
   * Checks.groundedIn(sources).evaluate(summary);
   * }</pre>
   */
  public static io.github.evals4j.assertions.grounding.GroundingCheck groundedIn(
      io.github.evals4j.assertions.grounding.Sources sources) {
    return io.github.evals4j.assertions.grounding.GroundingCheck.groundedIn(sources);
  }

  /** Grounding score of at least {@code threshold} (0..1). */
  public static io.github.evals4j.assertions.grounding.GroundingCheck groundedIn(
      io.github.evals4j.assertions.grounding.Sources sources, double threshold) {
    return groundedIn(sources).threshold(threshold);
  }

  /** Every claim (number, date, name, identifier…) supported; sentences are not judged. */
  public static io.github.evals4j.assertions.grounding.GroundingCheck noUnsupportedClaims(
      io.github.evals4j.assertions.grounding.Sources sources) {
    return io.github.evals4j.assertions.grounding.GroundingCheck.noUnsupportedClaims(sources);
  }

  // ---- end grounding ----

  // ---- content ----

  /**
   * No refusal phrase ("As an AI…", "I can't help with…", "I'm unable to…"); see {@link
   * io.github.evals4j.assertions.content.Refusals} to add your own phrases.
   */
  public static Check noRefusal() {
    return io.github.evals4j.assertions.content.Refusals.english().check();
  }

  /**
   * No placeholder ({@code [Insert date]}, {@code {{name}}}, {@code TODO}, {@code lorem ipsum}, …)
   * and no sign of truncation (unclosed code fence or JSON, trailing ellipsis).
   */
  public static Check noPlaceholders() {
    return io.github.evals4j.assertions.content.Placeholders.check();
  }

  /** Every keyword occurs (whole words, ignoring case); see {@link io.github.evals4j.assertions.content.Keywords} for options. */
  public static Check requiredKeywords(String... keywords) {
    return io.github.evals4j.assertions.content.Keywords.of(keywords).required();
  }

  /** No keyword occurs (whole words, ignoring case). */
  public static Check forbiddenKeywords(String... keywords) {
    return io.github.evals4j.assertions.content.Keywords.of(keywords).forbidden();
  }

  /** {@code regex} matches somewhere, within a work budget (no catastrophic-backtracking hang). */
  public static Check containsRegex(String regex) {
    return io.github.evals4j.assertions.content.RegexCheck.contains(regex);
  }

  /** {@code regex} matches nowhere, within a work budget. */
  public static Check doesNotContainRegex(String regex) {
    return io.github.evals4j.assertions.content.RegexCheck.doesNotContain(regex);
  }

  /** At least {@code minShare} of the letters are in one of {@code scripts} (script, not language, detection). */
  public static Check writtenIn(double minShare, Character.UnicodeScript... scripts) {
    return io.github.evals4j.assertions.content.Scripts.writtenIn(minShare, scripts);
  }

  // ---- end content ----
}
