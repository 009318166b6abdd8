package io.github.evals4j.alerts;

import io.github.evals4j.report.SentryFields;
import java.util.Locale;

/**
 * The four prompt-quality alerts, their default thresholds and what each one queries: only
 * fields from {@link SentryFields}, so the queries follow what the extension sends.
 */
enum AlertMetric {

  /** Share of a prompt's test runs that failed: Sentry's failure rate of the test transactions. */
  FAILURE_RATE("failure-rate", "failure rate", 0.10, Direction.ABOVE, "failure_rate()",
      SentryFields.OP_TEST),
  /** Mean hallucination rate of the prompt's versions (grounding checks). */
  HALLUCINATION_RATE("hallucination-rate", "hallucination rate", 0.05, Direction.ABOVE,
      "avg(" + SentryFields.number(SentryFields.HALLUCINATION_RATE) + ")", SentryFields.OP_PROMPT),
  /** Mean application cost per case in USD. */
  COST_PER_CASE("cost-per-case-usd", "cost per case", 0.10, Direction.ABOVE,
      "avg(" + SentryFields.number(SentryFields.COST_PER_CASE_USD) + ")", SentryFields.OP_PROMPT),
  /** Mean model-graded quality score, 0 to 10 (sent when model-graded checks are used). */
  QUALITY_SCORE("quality-score", "quality score", 7.0, Direction.BELOW,
      "avg(" + SentryFields.number(SentryFields.QUALITY_SCORE) + ")", SentryFields.OP_PROMPT);

  /** Whether the alert fires above or below its threshold. */
  enum Direction { ABOVE, BELOW }

  private final String key;
  private final String title;
  private final double defaultThreshold;
  private final Direction direction;
  private final String aggregate;
  private final String op;

  AlertMetric(String key, String title, double defaultThreshold, Direction direction,
      String aggregate, String op) {
    this.key = key;
    this.title = title;
    this.defaultThreshold = defaultThreshold;
    this.direction = direction;
    this.aggregate = aggregate;
    this.op = op;
  }

  /** The option and configuration key: {@code failure-rate}, {@code quality-score}... */
  String key() {
    return key;
  }

  String title() {
    return title;
  }

  double defaultThreshold() {
    return defaultThreshold;
  }

  Direction direction() {
    return direction;
  }

  /** The aggregate function of Sentry's span search the alert evaluates. */
  String aggregate() {
    return aggregate;
  }

  /** The span operation whose spans the alert looks at. */
  String op() {
    return op;
  }

  /** Whether a value is allowed as threshold: rates 0..1, cost >= 0, quality 0..10. */
  boolean allows(double threshold) {
    return switch (this) {
      case FAILURE_RATE, HALLUCINATION_RATE -> threshold >= 0 && threshold <= 1;
      case COST_PER_CASE -> threshold >= 0 && threshold < 1e6;
      case QUALITY_SCORE -> threshold >= 0 && threshold <= 10;
    };
  }

  String allowed() {
    return switch (this) {
      case FAILURE_RATE, HALLUCINATION_RATE -> "a ratio from 0 to 1 (0.1 = 10 %), or off";
      case COST_PER_CASE -> "US dollars >= 0, or off";
      case QUALITY_SCORE -> "a score from 0 to 10, or off";
    };
  }

  /** The threshold as a person reads it: {@code 10 %}, {@code $0.10}, {@code 7.0}. */
  String format(double threshold) {
    return switch (this) {
      case FAILURE_RATE, HALLUCINATION_RATE ->
          String.format(Locale.ROOT, "%s %%", trim(threshold * 100));
      case COST_PER_CASE -> String.format(Locale.ROOT, "$%s", trim(threshold));
      case QUALITY_SCORE -> String.format(Locale.ROOT, "%.1f", threshold);
    };
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static AlertMetric byKey(String key) {
    for (AlertMetric m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    return null;
  }
}
