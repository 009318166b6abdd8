package io.github.evals4j.stats;

/**
 * Whether a pass-rate gate's verdict is already settled, so that an evaluation can stop paying
 * for cases that can no longer change the answer.
 *
 * <p>The verdict is settled when the whole Wilson interval lies on one side of the threshold.
 * Looking again after every case is a sequential test, and repeated looks at a 95 % interval
 * would stop wrongly more often than 5 % of the time; the default therefore uses a 99.9 % interval
 * (z = 3.29), which keeps the overall error small for the few hundred looks of a typical suite
 * (a Bonferroni-style bound, conservative rather than exact).
 *
 * <pre>{@code
 * if (EarlyStopping.passRate(passed, runs, 0.90) != EarlyStopping.Verdict.UNSETTLED) stop();
 * }</pre>
 */
public final class EarlyStopping {

  /** z for a two-sided 99.9 % interval. */
  public static final double Z_999 = 3.2905267314919255;

  /** The state of a pass-rate gate. */
  public enum Verdict {
    /** The pass rate is above the threshold whatever the remaining cases do (within the interval). */
    PASSES,
    /** The pass rate is below the threshold whatever the remaining cases do (within the interval). */
    FAILS,
    /** More cases are needed. */
    UNSETTLED
  }

  private EarlyStopping() {}

  /** The verdict of a minimum pass rate after {@code passed} of {@code runs}, at 99.9 %. */
  public static Verdict passRate(long passed, long runs, double minPassRate) {
    return passRate(passed, runs, minPassRate, Z_999);
  }

  /** The verdict of a minimum pass rate with the Wilson interval at normal quantile {@code z}. */
  public static Verdict passRate(long passed, long runs, double minPassRate, double z) {
    Interval ci = Proportions.wilson(passed, runs, z);
    if (runs == 0) {
      return Verdict.UNSETTLED;
    }
    if (ci.lower() >= minPassRate) {
      return Verdict.PASSES;
    }
    if (ci.upper() < minPassRate) {
      return Verdict.FAILS;
    }
    return Verdict.UNSETTLED;
  }
}
