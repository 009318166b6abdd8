package io.github.evals4j.assertions;

import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.internal.Failures;

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
      throw Failures.instance().failure(info, ShouldPassCheck.shouldPass(actual, result));
    }
    return myself;
  }

  /** Evaluates {@code check} on the output and reports the result to the recording hook. */
  protected CheckResult evaluate(Check check) {
    java.util.Objects.requireNonNull(check, "check");
    CheckResult result = Checks.evaluate(check, actual);
    return result;
  }

  // ---- json: io.github.evals4j.assertions.json ----

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

  // ---- end specificity ----

  // ---- grounding: io.github.evals4j.assertions.grounding ----

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
