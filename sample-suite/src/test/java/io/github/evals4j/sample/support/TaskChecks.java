package io.github.evals4j.sample.support;

import io.github.evals4j.check.Check;
import io.github.evals4j.assertions.Checks;
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
    return List.of(Checks.xPost(), Checks.lengthBetween(TextUnit.HASHTAGS, 1, 3), Checks.noPlaceholders(),
        Checks.noRefusal());
  }

  /** A LinkedIn post: 300 to 3,000 characters, 1 to 3 hashtags, finished, not a refusal. */
  public static List<Check> linkedInPost() {
    return List.of(Checks.lengthBetween(TextUnit.CODE_POINTS, 300, 3000),
        Checks.lengthBetween(TextUnit.HASHTAGS, 1, 3), Checks.noPlaceholders(), Checks.noRefusal());
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
