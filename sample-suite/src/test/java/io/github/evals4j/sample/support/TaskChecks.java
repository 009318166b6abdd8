package io.github.evals4j.sample.support;

import io.github.evals4j.assertions.Check;
import io.github.evals4j.assertions.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.assertions.Evidence;
import io.github.evals4j.assertions.grounding.Sources;
import io.github.evals4j.assertions.json.JsonSchema;
import io.github.evals4j.assertions.length.TextUnit;
import io.github.evals4j.assertions.text.ClaimKind;
import io.github.evals4j.dataset.EvalCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each task of the experiment assistant is checked for, in one place: the eval tests
 * evaluate these checks on the model's answers, and {@code FindingsTest} evaluates the same checks
 * on the fixture answers to assert the report's findings. Every check is an evals4j {@link Check};
 * the two content checks at the end show how a team writes its own.
 */
public final class TaskChecks {

  /** The feature-extraction contract (v2's output shape), JSON Schema 2020-12. */
  private static final JsonSchema FEATURES_SCHEMA =
      JsonSchema.fromString(resource("schemas/feature-extraction.schema.json"));

  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\[(?:insert|your|add|link)[^\\]\\n]*]|\\{\\{[^}\\n]*}}|\\bTODO\\b|\\blorem ipsum\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REFUSAL = Pattern.compile(
      "\\b(?:I'm sorry|I am sorry|I can(?:'|no)t help|I cannot (?:help|assist|create)"
          + "|I'm (?:not able|unable) to|As an AI)\\b",
      Pattern.CASE_INSENSITIVE);

  private TaskChecks() {}

  /** The checks of {@code evaluation}'s task (and platform). */
  public static List<Check> of(Evaluation evaluation) {
    EvalCase c = evaluation.evalCase();
    return switch (evaluation.prompt().id()) {
      case "feature-extraction" -> featureExtraction();
      case "browser-test" -> browserTest(c);
      case "log-analysis" -> logAnalysis(c);
      case "variant-suggestions" -> variantSuggestions();
      case "social-post" -> evaluation.platform().equals("X") ? xPost() : linkedInPost();
      default -> throw new IllegalArgumentException("no checks for prompt " + evaluation.prompt());
    };
  }

  /** Feature extraction: the answer is strict JSON and follows the schema. */
  public static List<Check> featureExtraction() {
    return List.of(Checks.validJson(), Checks.matchesJsonSchema(FEATURES_SCHEMA));
  }

  /**
   * Browser test generation: the steps are a strict JSON array and every CSS selector in them is
   * one the page's HTML has (grounding on identifiers: an invented {@code #invite-button} fails).
   */
  public static List<Check> browserTest(EvalCase c) {
    return List.of(Checks.jsonArray(),
        Checks.noUnsupportedClaims(Sources.of(c.input("html"))).only(ClaimKind.SELECTOR));
  }

  /**
   * Log analysis: every number, time, date, code and name of the summary comes from the log; an
   * "estimated 1,200 customers" the log does not say fails.
   */
  public static List<Check> logAnalysis(EvalCase c) {
    return List.of(Checks.noUnsupportedClaims(Sources.of(c.input("log"))));
  }

  /** Variant suggestions: specific (elements, copy, numbers), not generic advice. */
  public static List<Check> variantSuggestions() {
    return List.of(Checks.specificity(0.35));
  }

  /** An X post: at most 280 weighted characters, 1 to 3 hashtags, finished, not a refusal. */
  public static List<Check> xPost() {
    return List.of(Checks.xPost(), Checks.lengthBetween(TextUnit.HASHTAGS, 1, 3), noPlaceholder(),
        noRefusal());
  }

  /** A LinkedIn post: 300 to 3,000 characters, 1 to 3 hashtags, finished, not a refusal. */
  public static List<Check> linkedInPost() {
    return List.of(Checks.lengthBetween(TextUnit.CODE_POINTS, 300, 3000),
        Checks.lengthBetween(TextUnit.HASHTAGS, 1, 3), noPlaceholder(), noRefusal());
  }

  /** {@code content.no-placeholder}: no unfinished template text ({@code [insert link]}, {@code {{name}}}, TODO). */
  public static Check noPlaceholder() {
    return absent("content.no-placeholder", PLACEHOLDER, "placeholder");
  }

  /** {@code content.no-refusal}: the model did the task instead of declining it. */
  public static Check noRefusal() {
    return absent("content.no-refusal", REFUSAL, "refusal");
  }

  private static Check absent(String name, Pattern pattern, String kind) {
    return Check.of(name, output -> {
      Matcher m = pattern.matcher(output);
      if (!m.find()) {
        return CheckResult.of(name, true, List.of(), name + ": no " + kind);
      }
      Evidence found = Evidence.of(output, m.start(), m.end(), kind, "a " + kind + " in the output");
      return CheckResult.of(name, false, List.of(found),
          name + ": expected no " + kind + " but found " + found.describeIn(output));
    });
  }

  private static String resource(String name) {
    try (InputStream in = TaskChecks.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
