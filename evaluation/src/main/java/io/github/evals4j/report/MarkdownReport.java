package io.github.evals4j.report;

import io.github.evals4j.aggregate.CaseFix;
import io.github.evals4j.aggregate.CaseRegression;
import io.github.evals4j.aggregate.CheckStats;
import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.FailingExample;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.aggregate.RepeatStats;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.gate.Format;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateStatus;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code report.md}: the report as a GitHub-flavoured Markdown summary for a pull request or a CI
 * step summary. Every piece of text from a prompt, a case or an LLM is escaped, so an output can
 * neither break a table nor inject HTML or links.
 */
public final class MarkdownReport {

  private MarkdownReport() {}

  /**
   * {@code text} (a case id, a prompt name, an LLM output) escaped as every text of the report is,
   * for a table cell or a list item of other Markdown meant for GitHub: one line, controls shown
   * as escapes, no HTML, table, link, emphasis or code syntax, and no autolink, mention, issue
   * reference or math.
   */
  public static String escape(String text) {
    return Text.md(text);
  }

  /** The Markdown text. */
  public static String render(Report report) {
    StringBuilder md = new StringBuilder();
    md.append("## evals4j report\n\n");
    RunInfo run = report.run();
    md.append(runLine(run)).append("\n\n");
    if (report.broken()) {
      md.append("**❌ This run has no verdict: its report could not be built.**\n\n")
          .append(Text.md(report.error())).append("\n");
      return md.toString();
    }
    md.append("| prompt | version | model | n | pass rate [95 % CI] | hallucination | quality (0–1, higher is better) | cost / case | cost | p95 | gate |\n");
    md.append("|---|---|---|--:|---|--:|--:|--:|--:|--:|---|\n");
    for (PromptStats s : report.prompts()) {
      md.append("| ").append(Text.md(Text.name(s.prompt().id())))
          .append(" | ").append(Text.md(Text.name(s.prompt().version())))
          .append(" | ").append(Text.md(Text.name(s.prompt().model())))
          .append(" | ").append(Cells.n(s))
          .append(" | ").append(Cells.passRate(s))
          .append(" | ").append(Cells.hallucination(s))
          .append(" | ").append(Cells.quality(s))
          .append(" | ").append(Cells.costPerCase(s.applicationCost()))
          .append(" | ").append(Cells.cost(s.applicationCost()))
          .append(" | ").append(Cells.p95(s))
          .append(" | ").append(gateMark(Cells.gate(s.prompt(), report.gates())))
          .append(" |\n");
    }
    quality(md, report);
    for (PromptStats s : report.prompts()) {
      if (s.casesTruncated()) {
        md.append("\n⚠️ ").append(Text.md(s.prompt().label())).append(": ").append(Cells.caseLimit(s)).append('\n');
      }
    }
    List<GateResult> failed = report.gates().stream().filter(GateResult::failed).collect(Collectors.toList());
    List<GateResult> unknown = report.gates().stream().filter(g -> g.status() == GateStatus.UNKNOWN)
        .collect(Collectors.toList());
    md.append("\n### Gates\n\n");
    if (failed.isEmpty()) {
      md.append("All ").append(report.gates().size()).append(" gates passed or were not applicable.\n");
    } else {
      md.append("**").append(failed.size()).append(" failed:**\n\n");
      for (GateResult g : failed) {
        md.append("- ❌ ").append(Text.md(g.message())).append('\n');
      }
    }
    for (GateResult g : unknown) {
      md.append("- ⚠️ ").append(Text.md(g.message())).append('\n');
    }
    if (!report.datasetFailures().isEmpty()) {
      md.append("\n### Cases that did not load\n\n");
      for (DatasetFailure f : report.datasetFailures()) {
        md.append("- ❌ ").append(Text.md(f.prompt().label())).append(": ").append(Text.md(f.test()))
            .append(": ").append(Text.md(Texts.abbreviate(f.message(), 400))).append('\n');
      }
    }
    if (!report.stopped().isEmpty()) {
      md.append("\n### Skipped invocations\n\n");
      for (Stopped st : report.stopped()) {
        md.append("- ⏹ ").append(Text.md(st.prompt().label())).append(": ").append(st.skipped())
            .append(st.skipped() == 1 ? " invocation" : " invocations").append(" skipped, ")
            .append(Text.md(st.reason())).append('\n');
      }
    }
    comparisons(md, "Comparisons within this run", report.comparisons());
    comparisons(md, "Against the baseline", report.baselineComparisons());
    for (PromptStats s : report.prompts()) {
      details(md, s);
    }
    md.append("\n<sub>Costs use list prices");
    if (!run.pricesAsOf().isEmpty()) {
      md.append(" as of ").append(Text.md(run.pricesAsOf()));
    }
    md.append("; unknown means a model had no price (never counted as $0).</sub>\n");
    return md.toString();
  }

  private static String runLine(RunInfo run) {
    StringBuilder s = new StringBuilder();
    if (!run.runId().isEmpty()) {
      s.append("Run ").append(Text.md(run.runId())).append(" · ");
    }
    if (!run.commit().isEmpty()) {
      s.append("commit ").append(Text.md(abbreviateCommit(run.commit()))).append(" · ");
    }
    if (!run.branch().isEmpty()) {
      s.append("branch ").append(Text.md(run.branch())).append(" · ");
    }
    s.append(Text.md(run.ci()));
    if (!run.startedAt().isEmpty()) {
      s.append(" · ").append(Text.md(run.startedAt())).append(" → ").append(Text.md(run.endedAt()));
    }
    return s.toString();
  }

  private static String abbreviateCommit(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  private static String gateMark(String gate) {
    switch (gate) {
      case "FAIL": return "❌ fail";
      case "pass": return "✅ pass";
      case "unknown": return "⚠️ unknown";
      default: return gate;
    }
  }

  /** Quality scores per prompt version and rubric, when rubrics graded the run. */
  private static void quality(StringBuilder md, Report report) {
    if (report.prompts().stream().allMatch(s -> s.quality().isEmpty())) {
      return;
    }
    md.append("\n### Quality scores (model-graded)\n\n");
    md.append("| prompt | version | model | rubric | quality [95 % CI] | cases | spread | judge errors | judge agreement | judge cost |\n");
    md.append("|---|---|---|---|---|--:|---|--:|---|--:|\n");
    for (PromptStats s : report.prompts()) {
      for (io.github.evals4j.aggregate.QualityStats q : s.quality()) {
        md.append("| ").append(Text.md(Text.name(s.prompt().id())))
            .append(" | ").append(Text.md(Text.name(s.prompt().version())))
            .append(" | ").append(Text.md(Text.name(s.prompt().model())))
            .append(" | ").append(Text.md(Text.name(q.rubric())))
            .append(" | ").append(Cells.rubricScore(q))
            .append(" | ").append(Cells.rubricCases(q))
            .append(" | ").append(Cells.rubricSpread(q))
            .append(" | ").append(Cells.judgeErrors(q))
            .append(" | ").append(Cells.agreement(q))
            .append(" | ").append(Cells.cost(s.judgeCost()))
            .append(" |\n");
      }
    }
    md.append("\n<sub>").append(Cells.QUALITY_NOTE).append("</sub>\n");
  }

  private static void comparisons(StringBuilder md, String title, List<Comparison> comparisons) {
    if (comparisons.isEmpty()) {
      return;
    }
    md.append("\n### ").append(title).append("\n\n<sub>").append(Cells.MEASURE_NOTE).append("</sub>\n\n");
    for (Comparison c : comparisons) {
      md.append("- ").append(Text.md(c.summary()));
      c.costPerCaseDeltaUsd().ifPresent(d -> md.append(" · cost / case ").append(Format.usdDelta(d)));
      c.p95LatencyDeltaMs().ifPresent(d -> md.append(String.format(Locale.ROOT, " · p95 %+.0f ms", d)));
      md.append(" · ").append(c.regressedCases()).append(" regressed, ").append(c.fixedCases()).append(" fixed");
      md.append('\n');
      for (io.github.evals4j.aggregate.QualityComparison q : c.quality()) {
        md.append("  - quality: ").append(Text.md(q.summary())).append('\n');
      }
      for (CaseRegression r : c.regressions()) {
        md.append("  - regressed: case ").append(Text.md(Text.name(r.caseId()))).append(": ")
            .append(r.kind().equals("now-fails")
                ? "passed " + Format.percent(r.baselinePassRate()) + " → " + Format.percent(r.candidatePassRate())
                : "score dropped by " + Format.score(r.scoreDrop()))
            .append('\n');
      }
      if (c.regressionsNotListed() > 0) {
        md.append("  - ").append(c.regressionsNotListed()).append(" more regressed cases not shown\n");
      }
      for (CaseFix f : c.fixes()) {
        md.append("  - fixed: case ").append(Text.md(Text.name(f.caseId()))).append(": passed ")
            .append(Format.percent(f.baselinePassRate())).append(" → ").append(Format.percent(f.candidatePassRate()))
            .append('\n');
      }
      if (c.fixesNotListed() > 0) {
        md.append("  - ").append(c.fixesNotListed()).append(" more fixed cases not shown\n");
      }
    }
  }

  private static void details(StringBuilder md, PromptStats s) {
    md.append("\n<details><summary>").append(Text.md(s.prompt().label())).append(": checks, repeats, examples</summary>\n\n");
    if (s.casesTruncated()) {
      md.append("⚠️ ").append(Cells.caseLimit(s)).append("\n\n");
    }
    md.append("| check | pass rate | results | mean score | score is | |\n|---|--:|--:|--:|---|---|\n");
    for (CheckStats c : s.checks()) {
      md.append("| ").append(Text.md(c.name())).append(" | ").append(Format.percent(c.passRate()))
          .append(" | ").append(c.results()).append(" | ").append(Cells.checkScore(c))
          .append(" | ").append(Cells.scoreMeaning(c))
          .append(" | ").append(c.informational() ? "informational" : "").append(" |\n");
    }
    RepeatStats r = s.repeats();
    if (r.maxRepeats() > 1) {
      md.append("\nRepeats: up to ").append(r.maxRepeats()).append(" per case");
      for (int k = 0; k < r.passAtK().size(); k++) {
        md.append(String.format(Locale.ROOT, " · pass@%d %s, pass^%d %s", k + 1,
            Format.percent(r.passAtK().get(k)), k + 1, Format.percent(r.passHatK().get(k))));
      }
      md.append(String.format(Locale.ROOT, " · score spread across repeats: mean sd %.3f, max %.3f",
          r.meanScoreStdDev(), r.maxScoreStdDev()));
      md.append(" · ").append(r.unstableCases()).append(" unstable case").append(r.unstableCases() == 1 ? "" : "s");
      if (!r.unstableCaseIds().isEmpty()) {
        md.append(": ").append(r.unstableCaseIds().stream().map(id -> Text.md(Text.name(id))).collect(Collectors.joining(", ")));
      }
      md.append('\n');
    }
    md.append(String.format(Locale.ROOT, "%nTokens: %d in (%d cached), %d out over %d calls",
        s.tokens().inputTokens(), s.tokens().cachedInputTokens(), s.tokens().outputTokens(), s.tokens().calls()));
    if (s.tokens().replayedCalls() > 0) {
      md.append(" (").append(s.tokens().replayedCalls()).append(" replayed, ")
          .append(s.tokens().calls() - s.tokens().replayedCalls()).append(" live)");
    }
    md.append(" · latency p50 ").append(Format.millis(s.latency().p50Ms())).append(", p95 ")
        .append(Format.millis(s.latency().p95Ms())).append(", p99 ").append(Format.millis(s.latency().p99Ms()));
    if (s.judgeCost().calls() > 0) {
      md.append(" · judge cost ").append(Cells.cost(s.judgeCost()));
    }
    md.append('\n');
    if (!s.examples().isEmpty()) {
      md.append("\nFailing examples:\n\n");
      for (FailingExample e : s.examples()) {
        md.append("- case ").append(Text.md(Text.name(e.caseId()))).append(" #").append(e.repeat()).append(", ")
            .append(Text.md(e.check()))
            .append(e.occurrences() > 1 ? " (failed in " + e.occurrences() + " runs, first shown)" : "").append(":\n");
        Text.mdPreBlock(md, e.message(), "  ");
        for (Evidence ev : e.evidence()) {
          md.append("  - ").append(Text.md(ev.kind())).append(" at ").append(ev.start()).append("..")
              .append(ev.end()).append(": \u201C").append(Text.md(ev.text())).append("\u201D ")
              .append(Text.md(ev.reason())).append('\n');
        }
        if (!e.outputExcerpt().isEmpty()) {
          md.append("  - output: \u201C").append(Text.md(e.outputExcerpt())).append("\u201D\n");
        }
      }
    }
    if (s.failedResultsNotShown() > 0) {
      md.append('\n').append(Cells.notShown(s)).append(".\n");
    }
    md.append("\n</details>\n");
  }
}
