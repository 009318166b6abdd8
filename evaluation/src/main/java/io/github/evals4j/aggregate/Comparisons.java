package io.github.evals4j.aggregate;

import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.stats.FisherExact;
import io.github.evals4j.stats.McNemar;
import io.github.evals4j.stats.Permutation;
import io.github.evals4j.stats.SampleSize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Compares prompt versions.
 *
 * <p><b>What is compared.</b> The <em>mean per-case pass rate</em>: each case's share of passing
 * runs (its repeats), averaged over the cases. The headline difference, the effect size and the
 * test all describe this one quantity, so a verdict can never contradict its own headline. A case
 * is the unit because repeats of one case are not independent samples (they share the input):
 * counting runs as separate evidence would overstate the certainty, while reducing each case to
 * its majority outcome would throw information away and can point the other way (100 cases at 2
 * of 3 against 60 at 3 of 3 and 40 at 1 of 3 is +6.7 pp per case, yet 40 cases lose their
 * majority). With one run per case it is the plain pass rate.
 *
 * <p><b>The test</b> matches the design, two-sided, and a winner is declared only when p &lt; 0.05:
 *
 * <ul>
 *   <li>same cases in both versions (paired), one run each: McNemar's mid-p test on the cases that
 *       changed ({@code mcnemar-mid-p});
 *   <li>same cases, repeats: the sign-flip permutation test of the per-case differences, mid-p,
 *       exact while cheap, normal approximation beyond ({@code sign-flip-mid-p}); it is McNemar's
 *       test when every case ran once;
 *   <li>different cases, one run each: Fisher's exact test ({@code fisher});
 *   <li>different cases, repeats: the two-sample permutation test of the per-case pass rates,
 *       normal approximation ({@code permutation-z}).
 * </ul>
 *
 * <p>When not significant, the comparison says roughly how many more cases per version would be
 * needed ({@link SampleSize}: Connor's paired formula, or Fleiss' for independent groups, on the
 * same per-case values). Cases that flipped are listed both ways: regressions (passed in most
 * baseline runs, fail in most candidate runs, or a score drop beyond the margin) and fixes. When a
 * version reached the case limit ({@link AggregationOptions#maxListedCases()}), the comparison
 * covers the cases kept and says how many it left out.
 *
 * <pre>{@code
 * Comparison c = Comparisons.compare(v1Stats, v2Stats, 0.2);
 * System.out.println(c.summary());
 * // "summarize@v2 vs summarize@v1: mean per-case pass rate 66.7 % → 73.3 % (+6.7 pp, 100 paired
 * //  cases), summarize@v2 is better (p = 0.0460, sign-flip-mid-p)"
 * }</pre>
 */
public final class Comparisons {

  /** The significance level. */
  public static final double ALPHA = 0.05;

  /** What every comparison measures: the mean over cases of each case's pass rate. */
  public static final String MEASURE = "mean-case-pass-rate";

  /** Regressions and fixes listed per comparison at most (all are counted). */
  public static final int MAX_LISTED = 100;

  /** Largest common denominator of per-case rates used as is; beyond it they are rounded to it. */
  private static final long MAX_DENOMINATOR = 10_000;

  private Comparisons() {}

  /**
   * Compares {@code candidate} with {@code baseline}; a case whose mean quality score dropped by
   * more than {@code scoreDropMargin} is listed as a regression even when it still passes.
   */
  public static Comparison compare(PromptStats baseline, PromptStats candidate, double scoreDropMargin) {
    Map<String, CaseStats> before = byId(baseline.caseOutcomes());
    Map<String, CaseStats> after = byId(candidate.caseOutcomes());
    boolean paired = !before.isEmpty() && before.keySet().equals(after.keySet());
    boolean oneRunEach = before.values().stream().allMatch(c -> c.runs() == 1)
        && after.values().stream().allMatch(c -> c.runs() == 1);
    double[] q1 = rates(before.values());
    double[] q2 = rates(after.values());
    double rate1 = mean(q1);
    double rate2 = mean(q2);
    double delta = rate2 - rate1;
    String test;
    double p;
    OptionalLong needed;
    if (paired) {
      double[] d = new double[q1.length];
      int i = 0;
      for (Map.Entry<String, CaseStats> e : before.entrySet()) {
        d[i++] = after.get(e.getKey()).passRate() - e.getValue().passRate();
      }
      double meanSquare = 0;
      for (double x : d) {
        meanSquare += x * x;
      }
      meanSquare /= d.length;
      needed = SampleSize.paired(delta, meanSquare, meanSquare - delta * delta);
      if (oneRunEach) {
        long b = 0; // passed before, fails now
        long c = 0; // failed before, passes now
        for (double x : d) {
          b += x < 0 ? 1 : 0;
          c += x > 0 ? 1 : 0;
        }
        test = "mcnemar-mid-p";
        p = McNemar.midP(b, c);
      } else {
        test = "sign-flip-mid-p";
        p = Permutation.pairedMidP(scaledDifferences(before, after));
      }
    } else if (oneRunEach) {
      long pass1 = Math.round(rate1 * q1.length);
      long pass2 = Math.round(rate2 * q2.length);
      test = "fisher";
      p = FisherExact.twoSided(pass1, q1.length - pass1, pass2, q2.length - pass2);
      needed = SampleSize.perGroup(rate1, rate2);
    } else {
      test = "permutation-z";
      p = Permutation.twoSampleP(q1, q2);
      double[] pooled = new double[q1.length + q2.length];
      System.arraycopy(q1, 0, pooled, 0, q1.length);
      System.arraycopy(q2, 0, pooled, q1.length, q2.length);
      needed = SampleSize.twoGroups(delta, variance(pooled), variance(q1), variance(q2), ALPHA, 0.80);
    }
    Verdict verdict =
        p >= ALPHA || delta == 0
            ? Verdict.NOT_SIGNIFICANT
            : delta > 0 ? Verdict.CANDIDATE_BETTER : Verdict.BASELINE_BETTER;
    OptionalLong more = OptionalLong.empty();
    if (verdict == Verdict.NOT_SIGNIFICANT && needed.isPresent()) {
      long n = needed.getAsLong();
      more = OptionalLong.of(n > SampleSize.LIMIT ? n : Math.max(1, n - Math.min(q1.length, q2.length)));
    }
    OptionalDouble costDelta = delta(baseline.applicationCost().perCaseUsd(), candidate.applicationCost().perCaseUsd());
    OptionalDouble latencyDelta =
        baseline.latency().count() > 0 && candidate.latency().count() > 0
            ? OptionalDouble.of(candidate.latency().p95Ms() - baseline.latency().p95Ms())
            : OptionalDouble.empty();
    Changes changes = changes(before, after, scoreDropMargin);
    long notCompared = Math.max(baseline.casesNotListed(), candidate.casesNotListed());
    String summary = summary(baseline.prompt(), candidate.prompt(), rate1, rate2, paired, q1.length,
        q2.length, test, p, verdict, more, notCompared);
    return new Comparison(
        baseline.prompt(), candidate.prompt(), rate1, rate2, delta, test, p, verdict, more,
        costDelta, latencyDelta, changes.regressions, summary, MEASURE, paired, q1.length, q2.length,
        notCompared, changes.fixes, changes.regressed, changes.fixed, quality(baseline, candidate));
  }

  /** Every rubric both versions were graded on, compared on its scale. */
  static List<QualityComparison> quality(PromptStats baseline, PromptStats candidate) {
    List<QualityComparison> out = new ArrayList<>();
    for (QualityStats after : candidate.quality()) {
      Optional<QualityStats> before = baseline.quality(after.rubric());
      if (before.isPresent() && before.get().scored() && after.scored()) {
        out.add(compareQuality(baseline.prompt(), candidate.prompt(), before.get(), after));
      }
    }
    return out;
  }

  /** Scores are compared to a thousandth of a point: the exact test works on integers. */
  private static final double SCORE_UNIT = 1000;

  /** One rubric of two versions: paired sign-flip test over the common cases, else two-sample. */
  static QualityComparison compareQuality(PromptRef base, PromptRef cand, QualityStats before,
      QualityStats after) {
    Map<String, Double> b = caseMeans(before);
    Map<String, Double> a = caseMeans(after);
    double sumB = 0;
    double sumA = 0;
    List<Long> diffs = new ArrayList<>();
    for (Map.Entry<String, Double> e : b.entrySet()) {
      Double other = a.get(e.getKey());
      if (other != null) {
        sumB += e.getValue();
        sumA += other;
        diffs.add(Math.round(other * SCORE_UNIT) - Math.round(e.getValue() * SCORE_UNIT));
      }
    }
    boolean paired = !diffs.isEmpty();
    double meanB;
    double meanA;
    String test;
    double p;
    long cases;
    if (paired) {
      cases = diffs.size();
      meanB = sumB / cases;
      meanA = sumA / cases;
      long[] d = new long[diffs.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = diffs.get(i);
      }
      test = "sign-flip-mid-p";
      p = Permutation.pairedMidP(d);
    } else {
      double[] x = b.values().stream().mapToDouble(Double::doubleValue).toArray();
      double[] y = a.values().stream().mapToDouble(Double::doubleValue).toArray();
      cases = x.length + y.length;
      meanB = mean(x);
      meanA = mean(y);
      test = "permutation-z";
      p = Permutation.twoSampleP(x, y);
    }
    double delta = meanA - meanB;
    Verdict verdict = p >= ALPHA || Math.abs(delta) < 1e-12 ? Verdict.NOT_SIGNIFICANT
        : delta > 0 ? Verdict.CANDIDATE_BETTER : Verdict.BASELINE_BETTER;
    String scale = " / " + QualityEvidence.num(after.scaleMax());
    String summary = String.format(Locale.ROOT,
        "%s vs %s: %s %.2f%s \u2192 %.2f%s (%+.2f, %d %s cases), %s (p = %.4f, %s)",
        cand.label(), base.label(), before.rubric(), meanB, scale, meanA, scale, delta, cases,
        paired ? "paired" : "unpaired",
        verdict == Verdict.NOT_SIGNIFICANT ? "not significant"
            : (verdict == Verdict.CANDIDATE_BETTER ? cand.label() : base.label()) + " scores higher",
        p, test);
    return new QualityComparison(before.rubric(), after.scaleMin(), after.scaleMax(), cases, paired,
        meanB, meanA, delta, test, p, verdict, summary);
  }

  private static Map<String, Double> caseMeans(QualityStats q) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (CaseScore c : q.caseScores()) {
      if (c.scores().count() > 0) {
        m.put(c.id(), c.scores().mean());
      }
    }
    return m;
  }

  /**
   * Within one run, per prompt id: every version compared with the first version run on the same
   * model (v2 and v3 against v1, each on its model), then every model compared with the first
   * model on the same version (gpt-4o against gpt-4o-mini, each on its version). Pairs never mix
   * a version change with a model change, so each verdict has one cause.
   */
  public static List<Comparison> withinRun(List<PromptStats> stats, double scoreDropMargin) {
    Map<String, List<PromptStats>> byId = new LinkedHashMap<>();
    List<PromptStats> sorted = new ArrayList<>(stats);
    sorted.sort((a, b) -> a.prompt().compareTo(b.prompt()));
    for (PromptStats s : sorted) {
      byId.computeIfAbsent(s.prompt().id(), k -> new ArrayList<>()).add(s);
    }
    List<Comparison> out = new ArrayList<>();
    for (List<PromptStats> group : byId.values()) {
      Map<String, PromptStats> firstVersionOfModel = new HashMap<>();
      Map<String, PromptStats> firstModelOfVersion = new HashMap<>();
      List<Comparison> models = new ArrayList<>();
      for (PromptStats s : group) { // ordered by version, then model
        PromptStats base = firstVersionOfModel.putIfAbsent(s.prompt().model(), s);
        if (base != null) {
          out.add(compare(base, s, scoreDropMargin));
        }
        PromptStats other = firstModelOfVersion.putIfAbsent(s.prompt().version(), s);
        if (other != null) {
          models.add(compare(other, s, scoreDropMargin));
        }
      }
      out.addAll(models);
    }
    return out;
  }

  /** Each prompt version of {@code current} compared with the same prompt version of {@code baseline}. */
  public static List<Comparison> againstBaseline(
      List<PromptStats> baseline, List<PromptStats> current, double scoreDropMargin) {
    Map<PromptRef, PromptStats> old = new HashMap<>();
    for (PromptStats s : baseline) {
      old.put(s.prompt(), s);
    }
    List<Comparison> out = new ArrayList<>();
    for (PromptStats s : current) {
      Optional.ofNullable(old.get(s.prompt())).ifPresent(b -> out.add(compare(b, s, scoreDropMargin)));
    }
    return out;
  }

  private record Changes(
      List<CaseRegression> regressions, List<CaseFix> fixes, long regressed, long fixed) {}

  private static Changes changes(Map<String, CaseStats> before, Map<String, CaseStats> after, double margin) {
    List<CaseRegression> regressions = new ArrayList<>();
    List<CaseFix> fixes = new ArrayList<>();
    long regressed = 0;
    long fixed = 0;
    for (Map.Entry<String, CaseStats> e : after.entrySet()) {
      CaseStats was = before.get(e.getKey());
      if (was == null) {
        continue;
      }
      CaseStats is = e.getValue();
      double drop = 0;
      if (was.meanScore().count() > 0 && is.meanScore().count() > 0) {
        drop = was.meanScore().mean() - is.meanScore().mean();
      }
      String kind = null;
      if (was.passedMostly() && !is.passedMostly()) {
        kind = "now-fails";
      } else if (drop > margin) {
        kind = "score-drop";
      }
      if (kind != null) {
        regressed++;
        if (regressions.size() < MAX_LISTED) {
          regressions.add(new CaseRegression(e.getKey(), kind, was.passRate(), is.passRate(), Math.max(0, drop)));
        }
      }
      if (!was.passedMostly() && is.passedMostly()) {
        fixed++;
        if (fixes.size() < MAX_LISTED) {
          fixes.add(new CaseFix(e.getKey(), was.passRate(), is.passRate()));
        }
      }
    }
    return new Changes(regressions, fixes, regressed, fixed);
  }

  /** The per-case differences as integers over a common denominator of the cases' run counts. */
  private static long[] scaledDifferences(Map<String, CaseStats> before, Map<String, CaseStats> after) {
    long denominator = 1;
    for (Map.Entry<String, CaseStats> e : before.entrySet()) {
      denominator = lcm(lcm(denominator, e.getValue().runs()), after.get(e.getKey()).runs());
      if (denominator > MAX_DENOMINATOR) {
        denominator = MAX_DENOMINATOR; // rounded: only for unusual mixes of repeat counts
        break;
      }
    }
    long[] d = new long[before.size()];
    int i = 0;
    for (Map.Entry<String, CaseStats> e : before.entrySet()) {
      d[i++] = Math.round((after.get(e.getKey()).passRate() - e.getValue().passRate()) * denominator);
    }
    return d;
  }

  private static long lcm(long a, long b) {
    long x = a;
    long y = b;
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return a / x * b;
  }

  private static double[] rates(Iterable<CaseStats> cases) {
    List<Double> out = new ArrayList<>();
    for (CaseStats c : cases) {
      out.add(c.passRate());
    }
    double[] q = new double[out.size()];
    for (int i = 0; i < q.length; i++) {
      q[i] = out.get(i);
    }
    return q;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }

  /** The population variance (the spread the observed values have, not an estimate). */
  private static double variance(double[] values) {
    double m = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - m) * (v - m);
    }
    return values.length == 0 ? 0 : sum / values.length;
  }

  private static String summary(
      PromptRef base, PromptRef cand, double rate1, double rate2, boolean paired, int n1, int n2,
      String test, double p, Verdict v, OptionalLong more, long notCompared) {
    String cases = paired ? n1 + " paired case" + (n1 == 1 ? "" : "s") : n2 + " vs " + n1 + " cases";
    String what = cand.label() + " vs " + base.label() + ": mean per-case pass rate "
        + percent(rate1) + " \u2192 " + percent(rate2)
        + " (" + String.format(Locale.ROOT, "%+.1f pp", (rate2 - rate1) * 100) + ", " + cases + "), ";
    String pText = String.format(Locale.ROOT, "p = %.3g, %s", p, test);
    String verdict;
    switch (v) {
      case CANDIDATE_BETTER:
        verdict = cand.label() + " is better (" + pText + ")";
        break;
      case BASELINE_BETTER:
        verdict = base.label() + " is better (" + pText + ")";
        break;
      default:
        verdict = "not significant (" + pText + ")"
            + (more.isPresent()
                ? ", " + (more.getAsLong() > SampleSize.LIMIT ? SampleSize.describe(more.getAsLong())
                    : "~" + more.getAsLong()) + " more cases per version needed"
                : ", no difference observed");
    }
    String limit = notCompared > 0
        ? "; case limit reached: " + notCompared + " case" + (notCompared == 1 ? "" : "s")
            + " not compared" : "";
    return what + verdict + limit;
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f %%", rate * 100);
  }

  private static OptionalDouble delta(OptionalDouble before, OptionalDouble after) {
    return before.isPresent() && after.isPresent()
        ? OptionalDouble.of(after.getAsDouble() - before.getAsDouble())
        : OptionalDouble.empty();
  }

  private static Map<String, CaseStats> byId(List<CaseStats> cases) {
    Map<String, CaseStats> map = new LinkedHashMap<>();
    for (CaseStats c : cases) {
      if (c.runs() > 0) {
        map.put(c.id(), c);
      }
    }
    return map;
  }
}
