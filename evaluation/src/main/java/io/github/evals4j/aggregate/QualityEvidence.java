package io.github.evals4j.aggregate;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Evidence;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How a model-graded check tells the aggregation what its score means: zero-width pieces of
 * evidence of fixed kinds, so that the one result shape ({@link CheckResult}) carries them without
 * a new field. {@code evals4j-judge} attaches them; anything else may too.
 *
 * <ul>
 *   <li>{@value #SCALE}: the result is a quality score on the scale {@code min..max} (a rubric):
 *       the report shows its mean per prompt version on that scale, and {@code min-quality-score}
 *       gates on it. A judge error (name {@code <rubric>.judge-error}) that carries it is counted
 *       as that rubric's judge error;
 *   <li>{@value #SAMPLES}: the standard deviation of the judge's repeated verdicts (samples) behind
 *       the score;
 *   <li>{@value #AGREEMENT}: a calibration of the rubric named by the result's check name against
 *       human labels (accuracy, Cohen's kappa, Spearman's rho), shown next to that rubric.
 * </ul>
 *
 * <pre>{@code
 * new CheckResult("helpfulness", true, 8, 7, Direction.AT_LEAST,
 *     List.of(QualityEvidence.scale(1, 10)), "helpfulness: score 8 / 10");
 * }</pre>
 */
public final class QualityEvidence {

  /** The kind of the evidence that names a rubric's scale. */
  public static final String SCALE = "quality-scale";
  /** The kind of the evidence that gives the spread of the judge's samples. */
  public static final String SAMPLES = "quality-samples";
  /** The kind of the evidence that carries a calibration's agreement figures. */
  public static final String AGREEMENT = "judge-agreement";

  private static final int MAX_FIELD = 64;

  private QualityEvidence() {}

  /** The evidence that the score is on the scale {@code min..max}. */
  public static Evidence scale(double min, double max) {
    if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("scale must be min < max: " + min + ".." + max);
    }
    return new Evidence(0, 0, num(min) + ".." + num(max), SCALE,
        "quality score on the scale " + num(min) + "\u2013" + num(max));
  }

  /** The evidence that the score is the mean of {@code n} samples with standard deviation {@code sd}. */
  public static Evidence samples(int n, double sd) {
    return new Evidence(0, 0, n + ";" + sd, SAMPLES,
        "mean of " + n + " judge samples, standard deviation " + num(sd));
  }

  /** The evidence of a calibration of a rubric against human labels. */
  public static Evidence agreement(Agreement a) {
    String text = "labelled=" + a.labelled() + ";judged=" + a.judged() + ";errors=" + a.judgeErrors()
        + ";accuracy=" + a.accuracy() + ";kappa=" + opt(a.kappa()) + ";spearman="
        + opt(a.spearman());
    return new Evidence(0, 0, text, AGREEMENT, "judge agreement with human labels");
  }

  /**
   * A rubric result's score on a ten-point scale ({@code score × 10 / max} of its scale): empty
   * for a result without a scale, a judge error or a score that is not a number.
   */
  public static OptionalDouble outOf10(CheckResult r) {
    double[] scale = scaleOf(r);
    if (scale == null || !Double.isFinite(r.score()) || r.check().endsWith("." + GroupAccumulator.JUDGE_ERROR)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(scale[1] > 0 ? r.score() * 10 / scale[1] : r.score());
  }

  /** The scale {@code {min, max}} a result names, or {@code null}. */
  static double[] scaleOf(CheckResult r) {
    for (Evidence e : r.evidence()) {
      if (SCALE.equals(e.kind())) {
        String t = e.text();
        int dots = t.indexOf("..");
        if (dots <= 0 || t.length() > MAX_FIELD) {
          return null;
        }
        try {
          double min = Double.parseDouble(t.substring(0, dots));
          double max = Double.parseDouble(t.substring(dots + 2));
          return min < max && Double.isFinite(min) && Double.isFinite(max)
              ? new double[] {min, max} : null;
        } catch (NumberFormatException ex) {
          return null;
        }
      }
    }
    return null;
  }

  /** The standard deviation of the samples a result names, if any. */
  static OptionalDouble samplesStdDevOf(CheckResult r) {
    for (Evidence e : r.evidence()) {
      if (SAMPLES.equals(e.kind()) && e.text().length() <= MAX_FIELD) {
        int semi = e.text().indexOf(';');
        try {
          double sd = Double.parseDouble(e.text().substring(semi + 1));
          return Double.isFinite(sd) && sd >= 0 ? OptionalDouble.of(sd) : OptionalDouble.empty();
        } catch (NumberFormatException ex) {
          return OptionalDouble.empty();
        }
      }
    }
    return OptionalDouble.empty();
  }

  /** The agreement figures a result carries, or {@code null} (malformed figures included). */
  public static Agreement agreementOf(CheckResult r) {
    for (Evidence e : r.evidence()) {
      if (AGREEMENT.equals(e.kind()) && e.text().length() <= 8 * MAX_FIELD) {
        try {
          long labelled = -1;
          long judged = -1;
          long errors = -1;
          double accuracy = Double.NaN;
          double kappa = Double.NaN;
          double spearman = Double.NaN;
          for (String field : e.text().split(";", 8)) {
            int eq = field.indexOf('=');
            String key = eq < 0 ? field : field.substring(0, eq);
            String value = eq < 0 ? "" : field.substring(eq + 1);
            switch (key) {
              case "labelled" -> labelled = Long.parseLong(value);
              case "judged" -> judged = Long.parseLong(value);
              case "errors" -> errors = Long.parseLong(value);
              case "accuracy" -> accuracy = Double.parseDouble(value);
              case "kappa" -> kappa = Double.parseDouble(value);
              case "spearman" -> spearman = Double.parseDouble(value);
              default -> { }
            }
          }
          return new Agreement(labelled, judged, errors, accuracy,
              Double.isNaN(kappa) ? OptionalDouble.empty() : OptionalDouble.of(kappa),
              Double.isNaN(spearman) ? OptionalDouble.empty() : OptionalDouble.of(spearman));
        } catch (IllegalArgumentException ex) {
          return null;
        }
      }
    }
    return null;
  }

  /** The rubric a result belongs to: its name, without the judge error suffix. */
  /**
   * Whether {@code r} is a judge error ({@code <rubric>.judge-error}): the judge could not grade
   * the output, which is neither a pass nor a fail of the rubric.
   */
  public static boolean isJudgeError(CheckResult r) {
    for (Evidence e : r.evidence()) {
      if (GroupAccumulator.JUDGE_ERROR.equals(e.kind())) {
        return true;
      }
    }
    return false;
  }

  /** The rubric a result belongs to: its name, without the {@code .judge-error} suffix. */
  public static String rubricOf(CheckResult r) {
    String name = r.check();
    String suffix = "." + GroupAccumulator.JUDGE_ERROR;
    return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
  }

  private static String opt(OptionalDouble d) {
    return d.isPresent() ? Double.toString(d.getAsDouble()) : "NaN"; // full precision
  }
}
