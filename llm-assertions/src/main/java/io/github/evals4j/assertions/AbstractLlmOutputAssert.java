package io.github.evals4j.assertions;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Evidence;

import org.assertj.core.api.AbstractStringAssert;

/**
 * Assertions on one LLM output. Every AssertJ string assertion is available too ({@code
 * contains}, {@code startsWith}, …); the LLM checks below evaluate a {@link Check}, report its
 * {@link CheckResult} to the {@link io.github.evals4j.recording.Recording recording hook}, and fail
 * with the check's explanation: threshold, score and each offending span with its position.
 *
 * <p>Self-typed so that subclasses chain: extend it to add your own domain assertions.
 *
 * @param <SELF> the concrete assertion type, returned by every method
 */
public abstract class AbstractLlmOutputAssert<SELF extends AbstractLlmOutputAssert<SELF>>
    extends AbstractStringAssert<SELF> {

  protected AbstractLlmOutputAssert(String actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Verifies that the output passes {@code check}; the way to run your own {@link Check}.
   *
   * <pre>{@code
   * assertThat(output).passes(Checks.validJson());
   * }</pre>
   */
  public SELF passes(Check check) {
    CheckResult result = evaluate(check);
    if (!result.passed()) {
      throwAssertionError(ShouldPassCheck.shouldPass(actual, result));
    }
    return myself;
  }

  /** Evaluates {@code check} on the output and reports the result to the recording hook. */
  protected CheckResult evaluate(Check check) {
    java.util.Objects.requireNonNull(check, "check");
    CheckResult result = Checks.evaluate(check, actual);
    return result;
  }

  // ---- similarity: io.github.evals4j.assertions.similarity ----

  private io.github.evals4j.assertions.similarity.Embedder embedder;

  /**
   * Embeds with {@code embedder} in the semantic-similarity assertions that follow, instead of the
   * default (the offline all-MiniLM-L6-v2 model of evals4j-similarity).
   */
  public SELF usingEmbedder(io.github.evals4j.assertions.similarity.Embedder embedder) {
    this.embedder = java.util.Objects.requireNonNull(embedder, "embedder");
    return myself;
  }

  /**
   * Verifies that the output means much the same as {@code expected}: the cosine similarity of
   * their embeddings is at least {@code threshold} (0..1]. Offline and deterministic with the
   * default embedder; the failure gives the similarity, the threshold and the closest expected text.
   *
   * <pre>{@code
   * assertThat(answer).isSemanticallySimilarTo("Your refund arrives within 5 business days.", 0.75);
   * }</pre>
   *
   * @throws IllegalStateException naming the artifacts to add when no embedding model is available
   */
  public SELF isSemanticallySimilarTo(String expected, double threshold) {
    return isSemanticallySimilarTo(java.util.Collections.singletonList(expected), threshold);
  }

  /** Verifies that the output is semantically similar (≥ {@code threshold}) to at least one of {@code expected}. */
  public SELF isSemanticallySimilarTo(java.util.Collection<String> expected, double threshold) {
    return passes(io.github.evals4j.assertions.similarity.SimilarityCheck.similarTo(
        similarityEmbedder(), expected, threshold));
  }

  /** Verifies that the output's cosine similarity to {@code expected} is below {@code threshold}. */
  public SELF isNotSemanticallySimilarTo(String expected, double threshold) {
    return isNotSemanticallySimilarTo(java.util.Collections.singletonList(expected), threshold);
  }

  /** Verifies that the output's cosine similarity to every one of {@code expected} is below {@code threshold}. */
  public SELF isNotSemanticallySimilarTo(java.util.Collection<String> expected, double threshold) {
    return passes(io.github.evals4j.assertions.similarity.SimilarityCheck.notSimilarTo(
        similarityEmbedder(), expected, threshold));
  }

  private io.github.evals4j.assertions.similarity.Embedder similarityEmbedder() {
    return embedder != null
        ? embedder
        : io.github.evals4j.assertions.similarity.Embedder.defaultEmbedder();
  }

  // ---- end similarity ----

  // ---- json: io.github.evals4j.assertions.json ----

  private io.github.evals4j.assertions.json.JsonChecks jsonChecks =
      io.github.evals4j.assertions.json.JsonChecks.strict();

  /**
   * Reads the output's JSON under {@code options} in the JSON assertions that follow (duplicate
   * keys, BOM, nesting limit, extraction from text).
   *
   * <pre>{@code
   * assertThat(output).usingJsonOptions(JsonOptions.strict().allowingDuplicateKeys()).isJsonObject();
   * }</pre>
   */
  public SELF usingJsonOptions(io.github.evals4j.assertions.json.JsonOptions options) {
    jsonChecks = io.github.evals4j.assertions.json.JsonChecks.with(options);
    return myself;
  }

  /**
   * Verifies that the whole output is one RFC 8259 strict JSON value; a Markdown-fenced JSON fails
   * (use {@link #containsValidJson()} or {@link #extractingJson()} for that).
   *
   * <pre>{@code
   * assertThat("{\"title\": \"Export\"}").isValidJson();
   * }</pre>
   */
  public SELF isValidJson() {
    return passes(jsonChecks.valid());
  }

  /**
   * Verifies that the output is or holds a JSON value, in a Markdown code fence or in prose; the
   * recorded result says where it was found.
   *
   * <pre>{@code
   * assertThat("Here you go:\n```json\n{\"ok\": true}\n```").containsValidJson();
   * }</pre>
   */
  public SELF containsValidJson() {
    return passes(jsonChecks.containsValid());
  }

  /** Verifies that the output is strict JSON whose top-level value is an object. */
  public SELF isJsonObject() {
    return passes(jsonChecks.object());
  }

  /** Verifies that the output is strict JSON whose top-level value is an array. */
  public SELF isJsonArray() {
    return passes(jsonChecks.array());
  }

  /**
   * Verifies that the output's JSON has a value at the RFC 6901 {@code pointer}.
   *
   * <pre>{@code
   * assertThat(output).hasJsonPointer("/features/0/name");
   * }</pre>
   */
  public SELF hasJsonPointer(String pointer) {
    return passes(jsonChecks.hasPointer(pointer));
  }

  /**
   * Verifies that the value at {@code pointer} equals {@code expected} ({@code "text"}, {@code 42},
   * {@code true}, {@code null}, a {@code List}, a {@code Map} or a {@code JsonNode}; numbers by
   * value).
   *
   * <pre>{@code
   * assertThat(output).hasJsonPointerValue("/features/0/name", "Export");
   * }</pre>
   */
  public SELF hasJsonPointerValue(String pointer, Object expected) {
    return passes(jsonChecks.pointerEquals(pointer, expected));
  }

  /**
   * Verifies that the value at {@code pointer} (a string's text, any other value's JSON) matches
   * {@code regex} as a whole.
   *
   * <pre>{@code
   * assertThat(output).hasJsonPointerMatching("/release/date", "\\d{4}-\\d{2}-\\d{2}");
   * }</pre>
   */
  public SELF hasJsonPointerMatching(String pointer, String regex) {
    return passes(jsonChecks.pointerMatches(pointer, regex));
  }

  /**
   * Verifies that the output's JSON matches {@code schema}; the failure lists each violation with
   * its instance pointer, keyword, message and the offending value's position.
   *
   * <pre>{@code
   * assertThat(output).matchesJsonSchema(JsonSchema.fromClasspath("schemas/summary.json"));
   * }</pre>
   */
  public SELF matchesJsonSchema(io.github.evals4j.assertions.json.JsonSchema schema) {
    return passes(jsonChecks.matchesSchema(schema));
  }

  /** Verifies that the output's JSON matches the schema given as JSON text. */
  public SELF matchesJsonSchema(String schemaJson) {
    return matchesJsonSchema(io.github.evals4j.assertions.json.JsonSchema.fromString(schemaJson));
  }

  /**
   * Verifies that the output is or holds JSON (like {@link #containsValidJson()}) and continues
   * with assertions on that JSON text alone, e.g. the object inside a Markdown fence. The new
   * assertion's description says where the JSON was taken from.
   *
   * <pre>{@code
   * assertThat(answerWithFence).extractingJson().isJsonObject().hasJsonPointer("/title");
   * }</pre>
   *
   * <p>Under {@link SoftLlmAssertions} the returned assertion is a plain (throwing) one: AssertJ
   * only proxies the navigation methods it knows by name.
   */
  public LlmOutputAssert extractingJson() {
    isNotNull();
    CheckResult result = evaluate(jsonChecks.containsValid());
    if (!result.passed()) {
      throwAssertionError(ShouldPassCheck.shouldPass(actual, result));
    }
    Evidence span = result.evidence().stream()
        .filter(e -> e.kind().equals("extracted") || e.kind().equals("json"))
        .findFirst()
        .orElseThrow();
    String where = span.kind().equals("extracted") ? span.reason() : "the whole output is JSON";
    LlmOutputAssert json = new LlmOutputAssert(actual.substring(span.start(), span.end()));
    json.usingJsonOptions(jsonChecks.options());
    return json.as("JSON of the output (%s)", where);
  }

  /**
   * Verifies that the output's JSON has a value at {@code pointer} and continues with assertions
   * on it: a string's text, any other value's compact JSON. Every LLM assertion applies, so one
   * field can be checked for length, tokens or specificity.
   *
   * <pre>{@code
   * assertThat(output).extractingJsonPointer("/features/0/name").isEqualTo("Export");
   * assertThat(output).extractingJsonPointer("/features").isJsonArray();
   * }</pre>
   *
   * <p>Under {@link SoftLlmAssertions} the returned assertion is a plain (throwing) one.
   */
  public LlmOutputAssert extractingJsonPointer(String pointer) {
    hasJsonPointer(pointer);
    com.fasterxml.jackson.databind.JsonNode value = jsonChecks.read(actual).orElseThrow()
        .at(com.fasterxml.jackson.core.JsonPointer.compile(pointer));
    LlmOutputAssert text =
        new LlmOutputAssert(io.github.evals4j.assertions.json.JsonChecks.textOf(value));
    text.usingJsonOptions(jsonChecks.options().extractFromText()
        ? io.github.evals4j.assertions.json.JsonOptions.strict() : jsonChecks.options());
    return text.as("value at JSON Pointer \"%s\" of the output", pointer);
  }

  // ---- end json ----

  // ---- length and tokens: io.github.evals4j.assertions.length ----

  /**
   * Verifies that the output has at most {@code max} {@code unit}s; the failure quotes the text
   * from the first unit beyond the limit, with its line and column.
   *
   * <pre>{@code
   * assertThat(output).hasAtMost(100, TextUnit.WORDS).hasAtMost(5, TextUnit.BULLETS);
   * }</pre>
   */
  public SELF hasAtMost(int max, io.github.evals4j.assertions.length.TextUnit unit) {
    return passes(Checks.maxLength(unit, max));
  }

  /** Verifies that the output has at least {@code min} {@code unit}s. */
  public SELF hasAtLeast(int min, io.github.evals4j.assertions.length.TextUnit unit) {
    return passes(Checks.minLength(unit, min));
  }

  /** Verifies that the output has between {@code min} and {@code max} {@code unit}s, inclusive. */
  public SELF hasBetween(int min, int max, io.github.evals4j.assertions.length.TextUnit unit) {
    return passes(Checks.lengthBetween(unit, min, max));
  }

  /** At most {@code max} characters, counted as Unicode code points. */
  public SELF hasAtMostCharacters(int max) {
    return hasAtMost(max, io.github.evals4j.assertions.length.TextUnit.CODE_POINTS);
  }

  /** At most {@code max} graphemes: what a reader sees as characters (an emoji family is 1). */
  public SELF hasAtMostGraphemes(int max) {
    return hasAtMost(max, io.github.evals4j.assertions.length.TextUnit.GRAPHEMES);
  }

  /** At most {@code max} words (each Han or Hiragana character is one word). */
  public SELF hasAtMostWords(int max) {
    return hasAtMost(max, io.github.evals4j.assertions.length.TextUnit.WORDS);
  }

  /** At most {@code max} sentences. */
  public SELF hasAtMostSentences(int max) {
    return hasAtMost(max, io.github.evals4j.assertions.length.TextUnit.SENTENCES);
  }

  /**
   * Verifies that the output has at most {@code max} tokens for {@code model}'s tokenizer.
   *
   * <pre>{@code
   * assertThat(output).hasAtMostTokens(100, "gpt-4o-mini");
   * }</pre>
   *
   * @throws io.github.evals4j.assertions.tokens.UnknownModelException if no tokenizer is known for
   *     the model; use {@link #hasAtMostTokens(int, io.github.evals4j.assertions.tokens.TokenCounter)}
   *     with {@code TokenCounter.approximate(model)} to opt into an estimate
   */
  public SELF hasAtMostTokens(int max, String model) {
    return passes(Checks.maxTokens(max, model));
  }

  /** Verifies that the output has at most {@code max} tokens with {@code counter}. */
  public SELF hasAtMostTokens(int max, io.github.evals4j.assertions.tokens.TokenCounter counter) {
    return passes(Checks.maxTokens(max, counter));
  }

  /** Verifies that the output fits one X (Twitter) post: 280 weighted characters. */
  public SELF fitsXPost() {
    return passes(Checks.xPost());
  }

  /** Verifies that the output fits one LinkedIn post: 3,000 characters. */
  public SELF fitsLinkedInPost() {
    return passes(Checks.linkedInPost());
  }

  /** Verifies that the output takes at most {@code max} SMS segments. */
  public SELF fitsSmsSegments(int max) {
    return passes(Checks.maxSmsSegments(max));
  }

  // ---- end length and tokens ----

  // ---- specificity: io.github.evals4j.assertions.specificity ----

  /**
   * Verifies that the output is specific: score at least {@code threshold} (0..1), see {@link
   * io.github.evals4j.assertions.specificity.SpecificityCheck} for the formula. The failure
   * message lists each sentence with its score, concrete signals and vague phrases.
   *
   * <pre>{@code
   * assertThat(variantIdeas).hasSpecificityAtLeast(0.6);
   * }</pre>
   */
  public SELF hasSpecificityAtLeast(double threshold) {
    return passes(Checks.specificity(threshold));
  }

  /** Like {@link #hasSpecificityAtLeast(double)}, counting {@code domainTerms} as concrete. */
  public SELF hasSpecificityAtLeast(double threshold, String... domainTerms) {
    return passes(Checks.specificity(threshold).withDomainTerms(domainTerms));
  }

  // ---- end specificity ----

  // ---- grounding: io.github.evals4j.assertions.grounding ----

  /**
   * Verifies that the output is grounded in {@code sources}: the supported share of its claims
   * and judged sentences is at least {@value
   * io.github.evals4j.assertions.grounding.GroundingCheck#DEFAULT_THRESHOLD}. The failure message
   * quotes each unsupported claim with its kind, position and reason.
   *
   * <pre>{@code
   * assertThat(summary).isGroundedIn(Sources.of(logExcerpt));
   * }</pre>
   */
  public SELF isGroundedIn(io.github.evals4j.assertions.grounding.Sources sources) {
    return passes(Checks.groundedIn(sources));
  }

  /** Like {@link #isGroundedIn(io.github.evals4j.assertions.grounding.Sources)} with a threshold. */
  public SELF isGroundedIn(io.github.evals4j.assertions.grounding.Sources sources,
      double threshold) {
    return passes(Checks.groundedIn(sources, threshold));
  }

  /**
   * Verifies that every claim of the output (numbers, money, dates, times, URLs, e-mails, quotes,
   * names, identifiers, selectors) is supported by {@code sources}; sentences are not judged.
   *
   * <pre>{@code
   * assertThat(testSteps).hasNoUnsupportedClaims(Sources.of(pageHtml));
   * }</pre>
   */
  public SELF hasNoUnsupportedClaims(io.github.evals4j.assertions.grounding.Sources sources) {
    return passes(Checks.noUnsupportedClaims(sources));
  }

  // ---- end grounding ----

  // ---- content (refusal, placeholders, keywords, regex, language): io.github.evals4j.assertions.content ----

  /**
   * Verifies that the output does not read as a refusal ("As an AI…", "I can't help with…").
   *
   * <pre>{@code
   * assertThat(output).isNotARefusal().hasNoPlaceholders();
   * }</pre>
   */
  public SELF isNotARefusal() {
    return passes(Checks.noRefusal());
  }

  /** Verifies that the output uses none of {@code refusals}' phrases. */
  public SELF isNotARefusal(io.github.evals4j.assertions.content.Refusals refusals) {
    return passes(java.util.Objects.requireNonNull(refusals, "refusals").check());
  }

  /** Verifies that the output has no placeholder, work marker, filler, or sign of truncation. */
  public SELF hasNoPlaceholders() {
    return passes(Checks.noPlaceholders());
  }

  /** Verifies that every keyword occurs as a whole word, ignoring case. */
  public SELF containsKeywords(String... keywords) {
    return passes(Checks.requiredKeywords(keywords));
  }

  /**
   * Verifies that every keyword occurs, with the given options.
   *
   * <pre>{@code
   * assertThat(output).containsKeywords(Keywords.of("cafe", "creme brulee").ignoringDiacritics());
   * }</pre>
   */
  public SELF containsKeywords(io.github.evals4j.assertions.content.Keywords keywords) {
    return passes(java.util.Objects.requireNonNull(keywords, "keywords").required());
  }

  /** Verifies that no keyword occurs as a whole word, ignoring case. */
  public SELF doesNotContainKeywords(String... keywords) {
    return passes(Checks.forbiddenKeywords(keywords));
  }

  /** Verifies that no keyword occurs, with the given options. */
  public SELF doesNotContainKeywords(io.github.evals4j.assertions.content.Keywords keywords) {
    return passes(java.util.Objects.requireNonNull(keywords, "keywords").forbidden());
  }

  /** Verifies that {@code regex} matches somewhere, within a work budget (see {@code RegexCheck}). */
  public SELF containsRegexMatch(String regex) {
    return passes(Checks.containsRegex(regex));
  }

  /** Verifies that {@code regex} matches nowhere, within a work budget; the failure lists each match. */
  public SELF doesNotContainRegexMatch(String regex) {
    return passes(Checks.doesNotContainRegex(regex));
  }

  /**
   * Verifies that at least 95% of the output's letters are in one of {@code scripts}.
   *
   * <pre>{@code
   * assertThat(output).isWrittenIn(Character.UnicodeScript.CYRILLIC);
   * }</pre>
   */
  public SELF isWrittenIn(Character.UnicodeScript... scripts) {
    return passes(Checks.writtenIn(0.95, scripts));
  }

  /** Verifies that at least {@code minShare} (0..1) of the output's letters are in one of {@code scripts}. */
  public SELF isMostlyWrittenIn(double minShare, Character.UnicodeScript... scripts) {
    return passes(Checks.writtenIn(minShare, scripts));
  }

  // ---- end content ----
}
