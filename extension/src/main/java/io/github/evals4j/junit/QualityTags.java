package io.github.evals4j.junit;

import io.github.evals4j.aggregate.QualityEvidence;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.report.SentryFields;
import io.sentry.IScopes;
import io.sentry.ITransaction;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A test's rubric scores on its transaction: the quality score (ten-point scale, mean of the
 * test's rubric results) as the measurement, data and searchable tag
 * {@value SentryFields#QUALITY_SCORE}, and the number of judge errors as data, so that a Sentry
 * alert "quality score below 7.0" can watch the case transactions. Kept apart from
 * {@link TestState} (one call there).
 */
final class QualityTags {

  private QualityTags() {}

  /** Sets the quality fields of a test whose checks graded a rubric; nothing otherwise. */
  static void apply(IScopes scopes, ITransaction transaction, List<CheckResult> checks) {
    double sum = 0;
    int n = 0;
    int errors = 0;
    for (CheckResult c : checks) {
      OptionalDouble q = QualityEvidence.outOf10(c);
      if (q.isPresent()) {
        sum += q.getAsDouble();
        n++;
      } else if (c.check().endsWith(".judge-error")
          && c.evidence().stream().anyMatch(e -> QualityEvidence.SCALE.equals(e.kind()))) {
        errors++;
      }
    }
    if (errors > 0) {
      transaction.setData(SentryFields.JUDGE_ERRORS, errors);
    }
    if (n == 0) {
      return;
    }
    double score = sum / n;
    transaction.setMeasurement(SentryFields.QUALITY_SCORE, score);
    transaction.setData(SentryFields.QUALITY_SCORE, score);
    scopes.setTag(SentryFields.QUALITY_SCORE, SentryFields.qualityTag(score));
  }
}
