package io.github.evals4j.judge;

import io.github.evals4j.aggregate.Agreement;
import io.github.evals4j.aggregate.QualityEvidence;
import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.check.Direction;
import io.github.evals4j.recording.Recording;
import java.util.OptionalDouble;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.prompt.PromptRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How far a judge agrees with people: run a model-graded check over outputs that humans labelled,
 * then compare. Pass/fail agreement is reported as accuracy and Cohen's kappa (agreement beyond
 * chance: 0 is chance, 1 is perfect); score agreement as Spearman's rank correlation. A judge you
 * gate CI on should be calibrated first, and {@link Result#gate(double)} makes a minimum kappa a
 * gate of its own. Judge errors are left out of the figures and counted.
 *
 * <pre>{@code
 * Calibration.Result r = Calibration.of(JudgeChecks.rubric(judge, criteria), List.of(
 *     new Calibration.Labelled("Refund sent today; expect it in 3 days.", true, 9),
 *     new Calibration.Labelled("We are looking into it.", false, 3)));
 * assertThat(r.gate(0.6).failed()).isFalse();
 * }</pre>
 */
public final class Calibration {

  private Calibration() {}

  /**
   * One output and the human verdict on it.
   *
   * @param output the output the judge grades
   * @param humanPass whether people found it acceptable
   * @param humanScore the people's score on any scale, {@link Double#NaN} when only pass/fail
   */
  public record Labelled(String output, boolean humanPass, double humanScore) {
    public Labelled {
      Objects.requireNonNull(output, "output");
    }

    /** A pass/fail label without a score. */
    public static Labelled of(String output, boolean humanPass) {
      return new Labelled(output, humanPass, Double.NaN);
    }
  }

  /**
   * The agreement of a check with human labels.
   *
   * @param check the check's name
   * @param compared the labelled outputs with a verdict (judge errors left out)
   * @param judgeErrors how many labelled outputs got a judge error instead
   * @param accuracy the share of outputs where judge and people agree on pass/fail
   * @param kappa Cohen's kappa of the pass/fail verdicts, NaN when undefined (everyone agreed
   *     on one class, so chance agreement is 1)
   * @param spearman Spearman's rank correlation of judge and human scores, NaN without scores
   */
  public record Result(String check, int compared, int judgeErrors, double accuracy, double kappa,
      double spearman) {

    /**
     * A gate {@code min-judge-agreement}: kappa at least {@code minKappa}; unknown (never a pass)
     * when kappa is undefined or nothing was compared.
     */
    public GateResult gate(double minKappa) {
      PromptRef p = new PromptRef(check, "calibration", PromptRef.UNSET);
      String threshold = "\u2265 " + fmt(minKappa);
      if (compared == 0 || Double.isNaN(kappa)) {
        return new GateResult(p, "min-judge-agreement", GateStatus.UNKNOWN, "unknown", threshold,
            "", p.label() + ": min-judge-agreement unknown: Cohen's kappa is undefined ("
                + compared + " compared, " + judgeErrors + " judge errors)");
      }
      boolean ok = kappa >= minKappa;
      return new GateResult(p, "min-judge-agreement", ok ? GateStatus.PASSED : GateStatus.FAILED,
          fmt(kappa), threshold, "", p.label() + ": min-judge-agreement " + (ok ? "passed" : "failed")
              + ": Cohen's kappa " + fmt(kappa) + (ok ? " \u2265 " : " < ") + fmt(minKappa)
              + " (accuracy " + fmt(accuracy) + " over " + compared + " labelled outputs, "
              + judgeErrors + " judge errors)");
    }

    private static String fmt(double v) {
      return String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * These figures as a check result named {@code <check>.calibration} that carries them (see
     * {@link QualityEvidence#agreement}): neither a pass nor a fail of any output, so it always
     * passes; the run report shows the figures next to the rubric {@code check}.
     */
    public CheckResult toCheckResult() {
      Agreement a = new Agreement(compared + judgeErrors, compared, judgeErrors,
          Double.isNaN(accuracy) ? 0 : accuracy,
          Double.isNaN(kappa) ? OptionalDouble.empty() : OptionalDouble.of(kappa),
          Double.isNaN(spearman) ? OptionalDouble.empty() : OptionalDouble.of(spearman));
      String message = check + " calibration: accuracy " + fmt(accuracy) + ", Cohen's kappa "
          + fmt(kappa) + ", Spearman " + fmt(spearman) + " over " + compared
          + " labelled outputs (" + judgeErrors + " judge errors left out)";
      return new CheckResult(check + RunAggregator.CALIBRATION_SUFFIX, true,
          Double.isNaN(kappa) ? Double.NaN : kappa, Double.NaN, Direction.NONE,
          List.of(QualityEvidence.agreement(a)), message);
    }

    /**
     * Records these figures for the run report (through {@link Recording#check}): under the JUnit
     * extension, the report shows them next to the rubric {@code check} in every prompt version,
     * and {@code min-judge-agreement} gates on them. Returns this result.
     */
    public Result record() {
      Recording.check(toCheckResult());
      return this;
    }
  }

  /** Runs {@code check} on every labelled output and compares its verdicts with the labels. */
  public static Result of(Check check, List<Labelled> labelled) {
    Objects.requireNonNull(check, "check");
    List<Boolean> judgePass = new ArrayList<>();
    List<Boolean> humanPass = new ArrayList<>();
    List<double[]> scores = new ArrayList<>();
    int errors = 0;
    for (Labelled l : labelled) {
      CheckResult r = check.evaluate(l.output());
      if (JudgeErrors.isJudgeError(r)) {
        errors++;
        continue;
      }
      judgePass.add(r.passed());
      humanPass.add(l.humanPass());
      if (!Double.isNaN(l.humanScore()) && Double.isFinite(r.score())) {
        scores.add(new double[] {r.score(), l.humanScore()});
      }
    }
    boolean[] j = new boolean[judgePass.size()];
    boolean[] h = new boolean[j.length];
    for (int i = 0; i < j.length; i++) {
      j[i] = judgePass.get(i);
      h[i] = humanPass.get(i);
    }
    double[] js = new double[scores.size()];
    double[] hs = new double[scores.size()];
    for (int i = 0; i < js.length; i++) {
      js[i] = scores.get(i)[0];
      hs[i] = scores.get(i)[1];
    }
    return new Result(check.name(), j.length, errors, accuracy(j, h), cohensKappa(j, h),
        js.length < 2 ? Double.NaN : spearman(js, hs));
  }

  /** The share of positions where {@code a} and {@code b} agree; NaN when empty. */
  public static double accuracy(boolean[] a, boolean[] b) {
    same(a.length, b.length);
    if (a.length == 0) {
      return Double.NaN;
    }
    int agree = 0;
    for (int i = 0; i < a.length; i++) {
      agree += a[i] == b[i] ? 1 : 0;
    }
    return (double) agree / a.length;
  }

  /**
   * Cohen's kappa of two raters' pass/fail verdicts: {@code (po - pe) / (1 - pe)}, with {@code po}
   * the observed agreement and {@code pe} the agreement expected by chance from each rater's pass
   * share; NaN when empty or when {@code pe} is 1.
   */
  public static double cohensKappa(boolean[] a, boolean[] b) {
    same(a.length, b.length);
    int n = a.length;
    if (n == 0) {
      return Double.NaN;
    }
    long agree = 0;
    long aYes = 0;
    long bYes = 0;
    for (int i = 0; i < n; i++) {
      agree += a[i] == b[i] ? 1 : 0;
      aYes += a[i] ? 1 : 0;
      bYes += b[i] ? 1 : 0;
    }
    // In integer counts: kappa = (n*agree - E) / (n*n - E), E = aYes*bYes + aNo*bNo (exact).
    long expected = aYes * bYes + (n - aYes) * (n - bYes);
    long denominator = (long) n * n - expected;
    return denominator == 0 ? Double.NaN : (double) ((long) n * agree - expected) / denominator;
  }

  /**
   * Spearman's rank correlation: the Pearson correlation of the ranks, ties given their average
   * rank (as {@code scipy.stats.spearmanr}); NaN when fewer than two pairs or a constant side.
   * O(n log n).
   */
  public static double spearman(double[] a, double[] b) {
    same(a.length, b.length);
    if (a.length < 2) {
      return Double.NaN;
    }
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < ra.length; i++) {
      ma += ra[i];
      mb += rb[i];
    }
    ma /= ra.length;
    mb /= rb.length;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < ra.length; i++) {
      sab += (ra[i] - ma) * (rb[i] - mb);
      saa += (ra[i] - ma) * (ra[i] - ma);
      sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
  }

  static double[] ranks(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
    double[] ranks = new double[values.length];
    for (int i = 0; i < order.length; ) {
      int j = i;
      while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

  private static void same(int a, int b) {
    if (a != b) {
      throw new IllegalArgumentException("the two raters rated " + a + " and " + b + " items");
    }
  }
}
