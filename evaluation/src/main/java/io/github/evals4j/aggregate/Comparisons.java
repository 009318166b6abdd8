package io.github.evals4j.aggregate;

import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.stats.FisherExact;
import io.github.evals4j.stats.McNemar;
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
 * <p>Significance is tested on per-case outcomes (a case passes when most of its repeats pass),
 * because repeats of one case are not independent samples: McNemar's mid-p test when both versions
 * ran exactly the same cases (paired), Fisher's exact test otherwise. A winner is declared only
 * when p < 0.05; otherwise the comparison says the difference is not significant and how many
 * more cases per version would roughly be needed ({@link SampleSize}).
 *
 * <pre>{@code
 * Comparison c = Comparisons.compare(v1Stats, v2Stats, 0.2);
 * System.out.println(c.summary()); // "summarize@v2 vs v1: +12.0 pp, not significant (p = 0.21), ~150 more cases needed"
 * }</pre>
 */
public final class Comparisons {

  /** The significance level. */
  public static final double ALPHA = 0.05;

  /** Regressions listed per comparison at most. */
  static final int MAX_REGRESSIONS = 100;

  private Comparisons() {}

  /**
   * Compares {@code candidate} with {@code baseline}; a case whose mean quality score dropped by
   * more than {@code scoreDropMargin} is listed as a regression even when it still passes.
   */
  public static Comparison compare(PromptStats baseline, PromptStats candidate, double scoreDropMargin) {
    Map<String, CaseStats> before = byId(baseline.caseOutcomes());
    Map<String, CaseStats> after = byId(candidate.caseOutcomes());
    boolean paired =
        !before.isEmpty() && before.keySet().equals(after.keySet())
            && !baseline.casesTruncated() && !candidate.casesTruncated();
    String test;
    double p;
    long n1 = before.size();
    long n2 = after.size();
    long pass1 = before.values().stream().filter(CaseStats::passedMostly).count();
    long pass2 = after.values().stream().filter(CaseStats::passedMostly).count();
    if (paired) {
      long b = 0; // passed before, fails now
      long c = 0; // failed before, passes now
      for (Map.Entry<String, CaseStats> e : before.entrySet()) {
        boolean was = e.getValue().passedMostly();
        boolean is = after.get(e.getKey()).passedMostly();
        if (was && !is) {
          b++;
        } else if (!was && is) {
          c++;
        }
      }
      test = "mcnemar-mid-p";
      p = McNemar.midP(b, c);
    } else {
      test = "fisher";
      p = FisherExact.twoSided(pass1, n1 - pass1, pass2, n2 - pass2);
    }
    double rate1 = n1 == 0 ? 0 : (double) pass1 / n1;
    double rate2 = n2 == 0 ? 0 : (double) pass2 / n2;
    Verdict verdict =
        p >= ALPHA || rate1 == rate2
            ? Verdict.NOT_SIGNIFICANT
            : rate2 > rate1 ? Verdict.CANDIDATE_BETTER : Verdict.BASELINE_BETTER;
    OptionalLong more = OptionalLong.empty();
    if (verdict == Verdict.NOT_SIGNIFICANT) {
      OptionalLong needed = SampleSize.perGroup(rate1, rate2);
      if (needed.isPresent()) {
        more = OptionalLong.of(Math.max(1, needed.getAsLong() - Math.min(n1, n2)));
      }
    }
    OptionalDouble costDelta = delta(baseline.applicationCost().perCaseUsd(), candidate.applicationCost().perCaseUsd());
    OptionalDouble latencyDelta =
        baseline.latency().count() > 0 && candidate.latency().count() > 0
            ? OptionalDouble.of(candidate.latency().p95Ms() - baseline.latency().p95Ms())
            : OptionalDouble.empty();
    List<CaseRegression> regressions = regressions(before, after, scoreDropMargin);
    double deltaRate = candidate.passRate() - baseline.passRate();
    return new Comparison(
        baseline.prompt(), candidate.prompt(), baseline.passRate(), candidate.passRate(), deltaRate,
        test, p, verdict, more, costDelta, latencyDelta, regressions,
        summary(baseline.prompt(), candidate.prompt(), deltaRate, p, verdict, more));
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

  private static List<CaseRegression> regressions(
      Map<String, CaseStats> before, Map<String, CaseStats> after, double margin) {
    List<CaseRegression> out = new ArrayList<>();
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
      if (kind != null && out.size() < MAX_REGRESSIONS) {
        out.add(new CaseRegression(e.getKey(), kind, was.passRate(), is.passRate(), Math.max(0, drop)));
      }
    }
    return out;
  }

  private static String summary(
      PromptRef base, PromptRef cand, double delta, double p, Verdict v, OptionalLong more) {
    String what = cand.label() + " vs " + base.label() + ": "
        + String.format(Locale.ROOT, "%+.1f pp", delta * 100) + ", ";
    String pText = String.format(Locale.ROOT, "p = %.3g", p);
    switch (v) {
      case CANDIDATE_BETTER:
        return what + cand.label() + " is better (" + pText + ")";
      case BASELINE_BETTER:
        return what + base.label() + " is better (" + pText + ")";
      default:
        return what + "not significant (" + pText + ")"
            + (more.isPresent() ? ", ~" + more.getAsLong() + " more cases per version needed"
                : ", no difference observed");
    }
  }

  private static OptionalDouble delta(OptionalDouble before, OptionalDouble after) {
    return before.isPresent() && after.isPresent()
        ? OptionalDouble.of(after.getAsDouble() - before.getAsDouble())
        : OptionalDouble.empty();
  }

  private static Map<String, CaseStats> byId(List<CaseStats> cases) {
    Map<String, CaseStats> map = new LinkedHashMap<>();
    for (CaseStats c : cases) {
      map.put(c.id(), c);
    }
    return map;
  }
}
