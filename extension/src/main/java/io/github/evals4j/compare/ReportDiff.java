package io.github.evals4j.compare;

import io.github.evals4j.aggregate.CaseRegression;
import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.Comparisons;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.Verdict;
import io.github.evals4j.gate.Format;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.MarkdownReport;
import io.github.evals4j.report.Report;
import io.github.evals4j.secrets.TextScrubber;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The difference between a baseline {@code report.json} and a new one, as Markdown for a pull
 * request. A <em>regression</em> is a case that passed in the baseline and fails now, a case whose
 * quality score dropped by more than the margin, or a prompt version whose pass rate is
 * significantly lower.
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
    md.append("| prompt | pass rate before → now | Δ | p | verdict | cost / case Δ | p95 Δ | regressions |\n");
    md.append("|---|---|--:|--:|---|--:|--:|---|\n");
    boolean regressed = false;
    for (Comparison c : comparisons) {
      boolean worse = c.verdict() == Verdict.BASELINE_BETTER || !c.regressions().isEmpty();
      regressed |= worse;
      md.append("| ").append(cell(c.candidate().label()))
          .append(" | ").append(Format.percent(c.baselinePassRate())).append(" → ").append(Format.percent(c.candidatePassRate()))
          .append(" | ").append(Format.points(c.passRateDelta()))
          .append(" | ").append(String.format(Locale.ROOT, "%.3g", c.pValue()))
          .append(" | ").append(verdict(c))
          .append(" | ").append(c.costPerCaseDeltaUsd().isPresent() ? Format.usdDelta(c.costPerCaseDeltaUsd().getAsDouble()) : "unknown")
          .append(" | ").append(c.p95LatencyDeltaMs().isPresent()
              ? String.format(Locale.ROOT, "%+.0f ms", c.p95LatencyDeltaMs().getAsDouble()) : "–")
          .append(" | ").append(c.regressions().isEmpty() ? "none" : "❌ " + c.regressions().size())
          .append(" |\n");
    }
    for (PromptRef p : after.keySet().stream().sorted().toList()) {
      if (!before.containsKey(p)) {
        md.append("| ").append(cell(p.label())).append(" | new: ").append(Format.percent(after.get(p).passRate()))
            .append(" | | | | | | |\n");
      }
    }
    for (PromptRef p : before.keySet().stream().sorted().toList()) {
      if (!after.containsKey(p)) {
        md.append("| ").append(cell(p.label())).append(" | removed | | | | | | |\n");
      }
    }
    for (Comparison c : comparisons) {
      if (c.regressions().isEmpty()) {
        continue;
      }
      md.append("\n**").append(cell(c.candidate().label())).append("** regressed cases:\n\n");
      for (CaseRegression r : c.regressions()) {
        md.append("- ").append(cell(r.caseId())).append(": ")
            .append(r.kind().equals("now-fails")
                ? "passed " + Format.percent(r.baselinePassRate()) + " of runs, now " + Format.percent(r.candidatePassRate())
                : "quality score dropped by " + Format.score(r.scoreDrop()))
            .append('\n');
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
        return "not significant" + (c.moreCasesNeeded().isPresent() ? " (~" + c.moreCasesNeeded().getAsLong() + " more cases)" : "");
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
