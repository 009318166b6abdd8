package io.github.evals4j.judge;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.internal.Texts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a judge's raw reply into a verdict, or says why it cannot be trusted. The reply is
 * validated by the same strict JSON + JSON Schema check users run on their own outputs (duplicate
 * keys, trailing text and wrong types are all rejected), then the score is checked against the
 * scale. A refusal is recognised from the provider's refusal field or from refusal wording.
 */
final class Verdicts {

  static final int MAX_QUOTES = 10;
  static final int MAX_QUOTE = 300;
  static final int MAX_REASON = 2000;

  /** The reply format of a graded verdict. */
  static final String SCORE_SCHEMA = "{\"type\":\"object\",\"additionalProperties\":false,"
      + "\"required\":[\"score\",\"reason\",\"quotes\"],\"properties\":{"
      + "\"score\":{\"type\":\"number\"},"
      + "\"reason\":{\"type\":\"string\",\"maxLength\":" + MAX_REASON + "},"
      + "\"quotes\":{\"type\":\"array\",\"maxItems\":" + MAX_QUOTES
      + ",\"items\":{\"type\":\"string\",\"maxLength\":" + MAX_QUOTE + "}}}}";

  /** The reply format of a pairwise preference: which of the two responses is better. */
  static final String PREFERENCE_SCHEMA = "{\"type\":\"object\",\"additionalProperties\":false,"
      + "\"required\":[\"better\",\"reason\"],\"properties\":{"
      + "\"better\":{\"type\":\"string\",\"enum\":[\"1\",\"2\",\"tie\"]},"
      + "\"reason\":{\"type\":\"string\",\"maxLength\":" + MAX_REASON + "}}}";

  private static final Check SCORE_FORMAT = Checks.matchesJsonSchema(SCORE_SCHEMA);
  private static final Check PREFERENCE_FORMAT = Checks.matchesJsonSchema(PREFERENCE_SCHEMA);
  private static final Check NO_REFUSAL = Checks.noRefusal();

  private Verdicts() {}

  /** A graded verdict: the score on the rubric's scale, the reason, the quoted spans. */
  record Graded(double score, String reason, List<String> quotes) {}

  /** Either a value or the reason the reply is a judge error. */
  record Parsed<T>(T value, String error) {
    static <T> Parsed<T> ok(T value) {
      return new Parsed<>(value, null);
    }

    static <T> Parsed<T> error(String error) {
      return new Parsed<>(null, error);
    }

    boolean ok() {
      return error == null;
    }
  }

  static Parsed<Graded> graded(JudgeReply reply, double min, double max) {
    Parsed<JsonNode> tree = validated(reply, SCORE_FORMAT);
    if (!tree.ok()) {
      return Parsed.error(tree.error());
    }
    JsonNode n = tree.value();
    double score = n.path("score").asDouble();
    if (!Double.isFinite(score) || score < min || score > max) {
      return Parsed.error("the judge's score " + (Double.isFinite(score) ? num(score)
          : n.path("score").asText()) + " is outside the scale "
          + num(min) + "\u2013" + num(max));
    }
    List<String> quotes = new ArrayList<>();
    n.path("quotes").forEach(q -> quotes.add(q.asText()));
    return Parsed.ok(new Graded(score, n.path("reason").asText(), quotes));
  }

  /** {@code "1"}, {@code "2"} or {@code "tie"} and the reason. */
  static Parsed<String[]> preference(JudgeReply reply) {
    Parsed<JsonNode> tree = validated(reply, PREFERENCE_FORMAT);
    if (!tree.ok()) {
      return Parsed.error(tree.error());
    }
    return Parsed.ok(new String[] {tree.value().path("better").asText(),
        tree.value().path("reason").asText()});
  }

  private static Parsed<JsonNode> validated(JudgeReply reply, Check format) {
    if (reply.refusal() != null && !reply.refusal().isBlank()) {
      return Parsed.error("the judge refused: \"" + Texts.abbreviate(reply.refusal(), 200) + "\"");
    }
    String text = reply.text();
    CheckResult valid = format.evaluate(text);
    if (!valid.passed()) {
      if (!NO_REFUSAL.evaluate(text).passed()) {
        return Parsed.error("the judge refused: \"" + Texts.abbreviate(text, 200) + "\"");
      }
      return Parsed.error("the judge's reply is not a valid verdict: " + Texts.abbreviate(
          valid.message(), 400));
    }
    try {
      return Parsed.ok(OpenAiJudge.JSON.readTree(text));
    } catch (IOException e) {
      return Parsed.error("the judge's reply is not JSON: " + e.getMessage());
    }
  }

  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : String.format(java.util.Locale.ROOT, "%.2f", v);
  }
}
