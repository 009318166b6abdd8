package io.github.evals4j.report;

import io.github.evals4j.aggregate.CaseFix;
import io.github.evals4j.aggregate.CaseRegression;
import io.github.evals4j.aggregate.CheckStats;
import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.CostStats;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.stats.SampleSize;
import io.github.evals4j.gate.Format;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.prompt.PromptRef;
import java.util.List;

/** The cell values every writer shows, so that the console, Markdown and HTML agree. */
final class Cells {

  private Cells() {}

  static String n(PromptStats s) {
    return s.runs() == s.cases() ? String.valueOf(s.cases()) : s.cases() + " (" + s.runs() + " runs)";
  }

  static String passRate(PromptStats s) {
    if (s.runs() == 0) {
      return "–";
    }
    return Format.percent(s.passRate()) + " [" + Format.percent(s.passRateInterval().lower()) + ", "
        + Format.percent(s.passRateInterval().upper()) + "]";
  }

  static String hallucination(PromptStats s) {
    return s.hallucinationRate().isPresent() ? Format.percent(s.hallucinationRate().getAsDouble()) : "–";
  }

  static String cost(CostStats c) {
    if (c.calls() == 0) {
      return "–";
    }
    return c.totalUsd().isPresent() ? Format.usd(c.totalUsd().getAsDouble())
        : "unknown (" + (c.calls() - c.pricedCalls()) + " unpriced)";
  }

  static String costPerCase(CostStats c) {
    if (c.calls() == 0) {
      return "–";
    }
    return c.perCaseUsd().isPresent() ? Format.usd(c.perCaseUsd().getAsDouble()) : "unknown";
  }

  static String p95(PromptStats s) {
    return s.latency().count() == 0 ? "–" : Format.millis(s.latency().p95Ms());
  }

  static String quality(PromptStats s) {
    return s.qualityScore().value().isPresent() ? Format.score(s.qualityScore().mean()) : "–";
  }

  /** A rubric's quality score on its scale with its interval: {@code 9.2 / 10 [8.7, 9.6]}. */
  static String rubricScore(io.github.evals4j.aggregate.QualityStats q) {
    if (!q.scored()) {
      return "unknown";
    }
    return String.format(java.util.Locale.ROOT, "%.1f / %s [%.1f, %.1f]", q.mean(),
        scaleTop(q.scaleMax()), q.interval().lower(), q.interval().upper());
  }

  static String scaleTop(double max) {
    return max == Math.rint(max) ? Long.toString((long) max)
        : String.format(java.util.Locale.ROOT, "%.2f", max);
  }

  /** Cases scored, and unknown ones: {@code 20} or {@code 19 (+1 unknown)}. */
  static String rubricCases(io.github.evals4j.aggregate.QualityStats q) {
    return q.cases() + (q.unknownCases() > 0 ? " (+" + q.unknownCases() + " unknown)" : "");
  }

  /** Spread across repeats and judge samples: {@code sd 0.3 (max 0.9)}, or "–". */
  static String rubricSpread(io.github.evals4j.aggregate.QualityStats q) {
    StringBuilder b = new StringBuilder();
    if (q.maxRepeatStdDev() > 0 || q.meanRepeatStdDev() > 0) {
      b.append(String.format(java.util.Locale.ROOT, "repeats sd %.2f (max %.2f)",
          q.meanRepeatStdDev(), q.maxRepeatStdDev()));
    }
    if (q.judgeSampleStdDev().count() > 0) {
      b.append(b.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT,
          "samples sd %.2f", q.judgeSampleStdDev().mean()));
    }
    return b.length() == 0 ? "–" : b.toString();
  }

  /** Judge errors of a rubric: {@code 0} or {@code 2 of 40 runs}. */
  static String judgeErrors(io.github.evals4j.aggregate.QualityStats q) {
    return q.judgeErrors() == 0 ? "0"
        : q.judgeErrors() + " of " + (q.judgeErrors() + q.verdicts()) + " runs";
  }

  /** A rubric's calibration: {@code κ 0.78, accuracy 90.0 %, ρ 0.85 (n 40)}, or "not calibrated". */
  static String agreement(io.github.evals4j.aggregate.QualityStats q) {
    io.github.evals4j.aggregate.Agreement a = q.agreement();
    if (a == null) {
      return "not calibrated";
    }
    return "\u03ba " + (a.kappa().isPresent() ? Format.score(a.kappa().getAsDouble()) : "undefined")
        + ", accuracy " + Format.percent(a.accuracy()) + ", \u03c1 "
        + (a.spearman().isPresent() ? Format.score(a.spearman().getAsDouble()) : "undefined")
        + " (n " + a.judged() + (a.judgeErrors() > 0 ? ", " + a.judgeErrors() + " judge errors" : "")
        + ")";
  }

  /** The note under the quality tables. */
  static final String QUALITY_NOTE = "Quality: mean over cases of each case's mean rubric score, on"
      + " the rubric's scale, with a 95 % Student-t interval over the cases. Judge errors are"
      + " neither scores nor zeros: counted apart; a case with judge errors only is unknown."
      + " Agreement: the judge against human labels (Cohen's kappa, accuracy, Spearman's rho).";

  /** pass / FAIL / unknown for the gates of {@code p}; reference for a reference version. */
  static String gate(PromptRef p, List<GateResult> gates) {
    boolean any = false;
    boolean unknown = false;
    for (GateResult g : gates) {
      if (g.prompt().equals(p)) {
        if (g.metric().equals(io.github.evals4j.gate.Gates.REFERENCE)) {
          return "reference";
        }
        any = true;
        if (g.status() == GateStatus.FAILED) {
          return "FAIL";
        }
        unknown |= g.status() == GateStatus.UNKNOWN;
      }
    }
    return !any ? "–" : unknown ? "unknown" : "pass";
  }

  /** What every comparison measures, in one sentence for the reader. */
  static final String MEASURE_NOTE = "Comparisons measure the mean per-case pass rate (each case's share of"
      + " passing runs, averaged over the cases compared); headline, effect and test all use it.";

  /** The mean score of a check, "–" when it is pass/fail only (the pass rate says it all). */
  static String checkScore(CheckStats c) {
    return c.scale().equals(CheckStats.PASS_FAIL) ? "–" : Format.score(c.meanScore().mean());
  }

  /** What a check's score is and which way is better. */
  static String scoreMeaning(CheckStats c) {
    String better;
    switch (c.direction()) {
      case "AT_LEAST": better = "higher is better"; break;
      case "AT_MOST": better = "lower is better"; break;
      case "NONE": better = "no threshold"; break;
      case CheckStats.MIXED: better = "mixed directions"; break;
      default: better = "direction unknown";
    }
    switch (c.scale()) {
      case CheckStats.PASS_FAIL: return "pass/fail (1/0): see pass rate";
      case CheckStats.UNIT: return "0\u20131 score, " + better;
      case CheckStats.VALUE: return "a count or measure (e.g. tokens), " + better;
      default: return better;
    }
  }

  /** The verdict of a comparison in a few words. */
  static String verdict(Comparison c) {
    switch (c.verdict()) {
      case CANDIDATE_BETTER: return c.candidate().label() + " better";
      case BASELINE_BETTER: return c.baseline().label() + " better";
      default:
        return "not significant" + (c.moreCasesNeeded().isPresent()
            ? " (" + moreCases(c.moreCasesNeeded().getAsLong()) + " more cases per version needed)" : "");
    }
  }

  /** "~277", or "more than 1000000000" beyond the sample-size limit. */
  static String moreCases(long n) {
    return n > SampleSize.LIMIT ? SampleSize.describe(n) : "~" + n;
  }

  /** The cases compared: "4 paired" or "5 vs 4". */
  static String cases(Comparison c) {
    return c.paired() ? c.candidateCases() + " paired" : c.candidateCases() + " vs " + c.baselineCases();
  }

  /** "2 regressed (d, e)" with at most {@code max} ids, "+N more" for the rest; ids as given. */
  static String regressed(Comparison c, int max, java.util.function.UnaryOperator<String> escape) {
    StringBuilder ids = new StringBuilder();
    int shown = 0;
    for (CaseRegression r : c.regressions()) {
      if (shown == max) {
        break;
      }
      ids.append(shown++ == 0 ? "" : ", ").append(escape.apply(Text.name(r.caseId())));
    }
    return c.regressedCases() + " regressed" + listed(ids, c.regressedCases() - shown);
  }

  /** "1 fixed (t-12)", as {@link #regressed}. */
  static String fixed(Comparison c, int max, java.util.function.UnaryOperator<String> escape) {
    StringBuilder ids = new StringBuilder();
    int shown = 0;
    for (CaseFix f : c.fixes()) {
      if (shown == max) {
        break;
      }
      ids.append(shown++ == 0 ? "" : ", ").append(escape.apply(Text.name(f.caseId())));
    }
    return c.fixedCases() + " fixed" + listed(ids, c.fixedCases() - shown);
  }

  private static String listed(StringBuilder ids, long more) {
    if (ids.length() == 0) {
      return "";
    }
    return " (" + ids + (more > 0 ? ", +" + more + " more not shown" : "") + ")";
  }

  /** The case-limit warning of a prompt version, empty when the limit was not reached. */
  static String caseLimit(PromptStats s) {
    if (!s.casesTruncated()) {
      return "";
    }
    return "case limit reached: outcomes kept for " + s.caseOutcomes().size() + " of " + s.cases()
        + " cases; comparisons, regressions and per-case gates see only those";
  }

  /** "N more failing results not shown", empty when every failing result has an example. */
  static String notShown(PromptStats s) {
    long n = s.failedResultsNotShown();
    return n == 0 ? "" : n + " more failing result" + (n == 1 ? "" : "s") + " not shown"
        + " (one example per case and check, a capped number per version)";
  }
}
