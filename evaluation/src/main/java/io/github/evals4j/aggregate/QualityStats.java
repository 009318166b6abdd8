package io.github.evals4j.aggregate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.evals4j.stats.Interval;
import io.github.evals4j.stats.MeanInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality score of one rubric (a model-graded check with a scale, see {@link QualityEvidence})
 * for one prompt version, on the rubric's own scale: "quality 9.2 / 10 [8.7, 9.6]".
 *
 * <p>A case is the unit: each case's score is the mean of its runs' scores (its repeats), and
 * {@code mean} is the mean of those case scores, with a 95 % Student-t interval over the cases
 * ({@value #INTERVAL_METHOD}), clamped to the scale. Repeats of one case share their input, so
 * counting them as separate evidence would overstate the certainty. Judge errors are neither
 * scores nor zeros: they are counted apart, and a case whose every run was a judge error is
 * <em>unknown</em>, left out of the mean.
 *
 * @param rubric the rubric's check name
 * @param scaleMin the lowest score of its scale
 * @param scaleMax the highest score of its scale
 * @param verdicts how many scores the judge gave (runs with a verdict)
 * @param judgeErrors how many runs had a judge error instead of a score
 * @param cases cases with at least one score
 * @param unknownCases cases with judge errors only: no score, left out of the mean
 * @param mean the mean of the case scores, 0 when no case has a score
 * @param interval the 95 % interval of {@code mean} ({@value #INTERVAL_METHOD}); the whole scale
 *     with fewer than two cases
 * @param intervalMethod how {@code interval} was computed: {@value #INTERVAL_METHOD}
 * @param meanRepeatStdDev the mean over cases with two or more scored runs of the standard
 *     deviation of their scores across repeats (0 without repeats)
 * @param maxRepeatStdDev the largest such standard deviation
 * @param judgeSampleStdDev the mean standard deviation of the judge's samples behind each score,
 *     for rubrics asked several times per run ({@code samples(n)}); no value otherwise
 * @param agreement the rubric's calibration against human labels, {@code null} when it has none
 * @param caseScores the scores per case (the first {@link AggregationOptions#maxListedCases()})
 * @param casesTruncated whether cases beyond that limit were left out of {@code caseScores} (their
 *     scores still count in {@code verdicts}, but not in {@code mean})
 */
public record QualityStats(
    String rubric,
    double scaleMin,
    double scaleMax,
    long verdicts,
    long judgeErrors,
    long cases,
    long unknownCases,
    double mean,
    Interval interval,
    String intervalMethod,
    double meanRepeatStdDev,
    double maxRepeatStdDev,
    Mean judgeSampleStdDev,
    @JsonInclude(JsonInclude.Include.NON_NULL) Agreement agreement,
    List<CaseScore> caseScores,
    boolean casesTruncated) {

  /** The interval method: Student's t over the per-case mean scores, 95 %. */
  public static final String INTERVAL_METHOD = "student-t-95-over-cases";

  public QualityStats {
    caseScores = caseScores == null ? List.of() : List.copyOf(caseScores);
    judgeSampleStdDev = judgeSampleStdDev == null ? Mean.NONE : judgeSampleStdDev;
    intervalMethod = intervalMethod == null ? INTERVAL_METHOD : intervalMethod;
  }

  /** Whether any case has a score. */
  public boolean scored() {
    return cases > 0;
  }

  /**
   * This rubric's mean on a ten-point scale ({@code mean × 10 / scaleMax}): the same number on
   * the default 1–10 scale, 8 for 4 on a 1–5 scale. What Sentry receives as
   * {@code eval.quality_score}, so that one alert threshold (e.g. "below 7.0") fits every rubric.
   */
  public double outOf10() {
    return scaleMax > 0 ? mean * 10 / scaleMax : mean;
  }

  /** The mean of {@link #outOf10()} over the scored rubrics, empty when none is scored. */
  public static java.util.OptionalDouble outOf10(List<QualityStats> rubrics) {
    double sum = 0;
    int n = 0;
    for (QualityStats q : rubrics) {
      if (q.scored()) {
        sum += q.outOf10();
        n++;
      }
    }
    return n == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(sum / n);
  }

  /** This rubric's statistics with {@code a} as its calibration. */
  public QualityStats withAgreement(Agreement a) {
    return new QualityStats(rubric, scaleMin, scaleMax, verdicts, judgeErrors, cases, unknownCases,
        mean, interval, intervalMethod, meanRepeatStdDev, maxRepeatStdDev, judgeSampleStdDev, a,
        caseScores, casesTruncated);
  }

  /** The statistics of a rubric from its per-case scores. */
  static QualityStats of(String rubric, double min, double max, long verdicts, long judgeErrors,
      List<CaseScore> caseScores, boolean truncated, Mean sampleSd, Agreement agreement) {
    long cases = 0;
    long unknown = 0;
    double sum = 0;
    double sumSq = 0;
    double sdSum = 0;
    double sdMax = 0;
    long sdCases = 0;
    for (CaseScore c : caseScores) {
      if (c.scores().count() == 0) {
        if (c.judgeErrors() > 0) {
          unknown++;
        }
        continue;
      }
      double m = c.scores().mean();
      cases++;
      sum += m;
      sumSq += m * m;
      if (c.scores().count() >= 2) {
        double sd = c.scores().stdDev();
        sdSum += sd;
        sdMax = Math.max(sdMax, sd);
        sdCases++;
      }
    }
    double mean = cases == 0 ? 0 : sum / cases;
    double sd = cases < 2 ? 0 : Math.sqrt(Math.max(0, (sumSq - cases * mean * mean) / (cases - 1)));
    Interval ci = MeanInterval.studentT95(cases, mean, sd, min, max);
    return new QualityStats(rubric, min, max, verdicts, judgeErrors, cases, unknown, mean, ci,
        INTERVAL_METHOD, sdCases == 0 ? 0 : sdSum / sdCases, sdMax, sampleSd, agreement,
        caseScores, truncated);
  }

  /** Two partial results of one rubric (e.g. CI shards): case scores of the same case add up. */
  static QualityStats merge(QualityStats a, QualityStats b, int maxListedCases) {
    Map<String, CaseScore> cases = new LinkedHashMap<>();
    for (CaseScore c : a.caseScores) {
      cases.put(c.id(), c);
    }
    for (CaseScore c : b.caseScores) {
      cases.merge(c.id(), c, CaseScore::plus);
    }
    List<CaseScore> list = new ArrayList<>(cases.values());
    boolean truncated = a.casesTruncated || b.casesTruncated || list.size() > maxListedCases;
    if (list.size() > maxListedCases) {
      list = list.subList(0, maxListedCases);
    }
    Agreement agreement = a.agreement == null ? b.agreement
        : b.agreement == null || a.agreement.labelled() >= b.agreement.labelled() ? a.agreement
        : b.agreement;
    return of(a.rubric, Math.min(a.scaleMin, b.scaleMin), Math.max(a.scaleMax, b.scaleMax),
        a.verdicts + b.verdicts, a.judgeErrors + b.judgeErrors, list, truncated,
        a.judgeSampleStdDev.plus(b.judgeSampleStdDev), agreement);
  }
}
