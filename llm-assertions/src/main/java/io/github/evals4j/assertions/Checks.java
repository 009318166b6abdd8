package io.github.evals4j.assertions;

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

  // ---- json ----

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

  // ---- end specificity ----

  // ---- grounding ----

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
