package io.github.evals4j.compare;

import io.github.evals4j.aggregate.CaseFix;
import io.github.evals4j.aggregate.CaseRegression;
import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.Comparisons;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.Verdict;
import io.github.evals4j.gate.Format;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.MarkdownReport;
import io.github.evals4j.report.Report;
import io.github.evals4j.stats.SampleSize;
import io.github.evals4j.secrets.TextScrubber;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The difference between a baseline {@code report.json} and a new one, as Markdown for a pull
 * request. A <em>regression</em> is a case that passed in the baseline and fails now, a case whose
 * quality score dropped by more than the margin, or a prompt version whose mean per-case pass rate
 * is significantly lower. Fixed cases (failed in the baseline, pass now) are listed too, so that a
 * change that fixes one case and breaks another reads as both. Pass rates and tests are those of
 * {@link Comparisons}: the mean per-case pass rate, recomputed from both reports' case outcomes.
 *
 * <pre>{@code
 * ReportDiff diff = ReportDiff.of(ReportJson.read(base), ReportJson.read(head), 0.2);
 * System.out.print(diff.markdown());
 * System.exit(diff.regressed() ? 1 : 0);
 * }</pre>
 *
 * @param markdown the diff
 * @param regressed whether anything regressed
 * @param comparisons the comparisons behind it
 */
public record ReportDiff(String markdown, boolean regressed, List<Comparison> comparisons) {

  /** Compares every prompt version of {@code head} with the same one in {@code base}. */
  public static ReportDiff of(Report base, Report head, double scoreDropMargin) {
    List<Comparison> comparisons = Comparisons.againstBaseline(base.prompts(), head.prompts(), scoreDropMargin);
    Map<PromptRef, PromptStats> before = new HashMap<>();
    for (PromptStats s : base.prompts()) {
      before.put(s.prompt(), s);
    }
    Map<PromptRef, PromptStats> after = new HashMap<>();
    for (PromptStats s : head.prompts()) {
      after.put(s.prompt(), s);
    }
    StringBuilder md = new StringBuilder("## evals4j: changes against the baseline\n\n");
    md.append("<sub>Pass rates are mean per-case pass rates (each case's share of passing runs, averaged over the"
        + " cases compared); Δ, p and the verdict are about that same quantity.</sub>\n\n");
    md.append("| prompt | mean per-case pass rate before → now | Δ | cases | p (test) | verdict | cost / case Δ | p95 Δ | regressed | fixed |\n");
    md.append("|---|---|--:|--:|--:|---|--:|--:|---|---|\n");
    boolean regressed = false;
    for (Comparison c : comparisons) {
      boolean worse = c.verdict() == Verdict.BASELINE_BETTER || c.regressedCases() > 0;
      regressed |= worse;
      md.append("| ").append(cell(c.candidate().label()))
          .append(" | ").append(Format.percent(c.baselinePassRate())).append(" → ").append(Format.percent(c.candidatePassRate()))
          .append(" | ").append(Format.points(c.passRateDelta()))
          .append(" | ").append(c.paired() ? c.candidateCases() + " paired" : c.candidateCases() + " vs " + c.baselineCases())
          .append(c.casesNotCompared() > 0 ? " (case limit: " + c.casesNotCompared() + " not compared)" : "")
          .append(" | ").append(String.format(Locale.ROOT, "%.3g (%s)", c.pValue(), c.test()))
          .append(" | ").append(verdict(c))
          .append(" | ").append(c.costPerCaseDeltaUsd().isPresent() ? Format.usdDelta(c.costPerCaseDeltaUsd().getAsDouble()) : "unknown")
          .append(" | ").append(c.p95LatencyDeltaMs().isPresent()
              ? String.format(Locale.ROOT, "%+.0f ms", c.p95LatencyDeltaMs().getAsDouble()) : "–")
          .append(" | ").append(c.regressedCases() == 0 ? "none" : "❌ " + c.regressedCases())
          .append(" | ").append(c.fixedCases() == 0 ? "none" : "✅ " + c.fixedCases())
          .append(" |\n");
    }
    for (PromptRef p : after.keySet().stream().sorted().toList()) {
      if (!before.containsKey(p)) {
        md.append("| ").append(cell(p.label())).append(" | new: ").append(Format.percent(after.get(p).passRate()))
            .append(" | | | | | | | | |\n");
      }
    }
    for (PromptRef p : before.keySet().stream().sorted().toList()) {
      if (!after.containsKey(p)) {
        md.append("| ").append(cell(p.label())).append(" | removed | | | | | | | | |\n");
      }
    }
    for (Comparison c : comparisons) {
      if (c.casesNotCompared() > 0) {
        md.append("\n⚠️ **").append(cell(c.candidate().label())).append("**: case limit reached, ")
            .append(c.casesNotCompared()).append(" cases not compared (only the first cases of each report were kept)\n");
      }
      if (c.regressedCases() > 0) {
        md.append("\n**").append(cell(c.candidate().label())).append("** regressed cases:\n\n");
        for (CaseRegression r : c.regressions()) {
          md.append("- ").append(cell(r.caseId())).append(": ")
              .append(r.kind().equals("now-fails")
                  ? "passed " + Format.percent(r.baselinePassRate()) + " of runs, now " + Format.percent(r.candidatePassRate())
                  : "quality score dropped by " + Format.score(r.scoreDrop()))
              .append('\n');
        }
        if (c.regressionsNotListed() > 0) {
          md.append("- ").append(c.regressionsNotListed()).append(" more regressed cases not shown\n");
        }
      }
      if (c.fixedCases() > 0) {
        md.append("\n**").append(cell(c.candidate().label())).append("** fixed cases:\n\n");
        for (CaseFix f : c.fixes()) {
          md.append("- ").append(cell(f.caseId())).append(": passed ").append(Format.percent(f.baselinePassRate()))
              .append(" of runs, now ").append(Format.percent(f.candidatePassRate())).append('\n');
        }
        if (c.fixesNotListed() > 0) {
          md.append("- ").append(c.fixesNotListed()).append(" more fixed cases not shown\n");
        }
      }
    }
    md.append(regressed ? "\n**Regression found.**\n" : "\nNo regression.\n");
    return new ReportDiff(md.toString(), regressed, comparisons);
  }

  private static String verdict(Comparison c) {
    switch (c.verdict()) {
      case BASELINE_BETTER: return "❌ worse";
      case CANDIDATE_BETTER: return "✅ better";
      default:
        return "not significant" + (c.moreCasesNeeded().isPresent()
            ? " (" + (c.moreCasesNeeded().getAsLong() > SampleSize.LIMIT ? SampleSize.describe(c.moreCasesNeeded().getAsLong())
                : "~" + c.moreCasesNeeded().getAsLong()) + " more cases)" : "");
    }
  }

  /**
   * A prompt or case name (they come from users' files) as a Markdown cell: scrubbed of secrets
   * (the diff is posted to pull requests) and escaped like every text of {@code report.md}.
   */
  static String cell(String s) {
    return MarkdownReport.escape(TextScrubber.DEFAULT.scrub(s));
  }
}
