package io.github.evals4j.report;

import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.gate.GateResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The table printed at the end of a run: prompt, version, model, n, pass rate [95 % CI], cost,
 * p95 latency, gate; then a line per prompt version that reached the case limit, per comparison
 * (what it measures, the verdict, regressed and fixed cases), per skipped version and per failed
 * gate.
 *
 * <pre>
 * prompt     version  model        n           pass rate [95 % CI]     cost      p95     gate
 * summarize  v1       gpt-4o-mini  4 (8 runs)  62.5 % [30.6 %, 86.3 %]  $0.00216  700 ms  FAIL
 * </pre>
 */
public final class ConsoleTable {

  private static final int MAX_CELL = 40;

  private ConsoleTable() {}

  /** The table as text, lines ending in {@code \n}. */
  public static String render(Report report) {
    if (report.broken()) {
      return "evals4j report\nNO VERDICT: " + Text.console(report.error(), 600) + "\n";
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"prompt", "version", "model", "n", "pass rate [95 % CI]", "cost", "p95", "gate"});
    for (PromptStats s : report.prompts()) {
      rows.add(new String[] {
        Text.console(s.prompt().id(), MAX_CELL), Text.console(s.prompt().version(), MAX_CELL),
        Text.console(s.prompt().model(), MAX_CELL), Cells.n(s), Cells.passRate(s),
        Cells.cost(s.applicationCost()), Cells.p95(s), Cells.gate(s.prompt(), report.gates())
      });
    }
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].codePointCount(0, row[i].length()));
      }
    }
    StringBuilder out = new StringBuilder("evals4j report\n");
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(width[i] - row[i].codePointCount(0, row[i].length()) + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    for (PromptStats s : report.prompts()) {
      if (s.casesTruncated()) {
        out.append("CASE LIMIT ").append(Text.console(s.prompt().label() + ": " + Cells.caseLimit(s), 400)).append('\n');
      }
    }
    for (PromptStats s : report.prompts()) {
      for (io.github.evals4j.aggregate.QualityStats q : s.quality()) {
        out.append("QUALITY ").append(Text.console(s.prompt().label() + " " + q.rubric(), 120))
            .append(": ").append(Cells.rubricScore(q)).append(" (95 % CI, ")
            .append(Cells.rubricCases(q)).append(" cases), spread ").append(Cells.rubricSpread(q))
            .append(", judge errors ").append(Cells.judgeErrors(q)).append(", agreement ")
            .append(Cells.agreement(q)).append(", judge cost ").append(Cells.cost(s.judgeCost()))
            .append('\n');
      }
    }
    for (List<Comparison> list : List.of(report.comparisons(), report.baselineComparisons())) {
      for (Comparison c : list) {
        out.append(list == report.comparisons() ? "COMPARED " : "VS BASELINE ")
            .append(Text.console(c.summary(), 400)).append("; ")
            .append(Text.console(Cells.regressed(c, 5, id -> id) + ", " + Cells.fixed(c, 5, id -> id), 400))
            .append('\n');
        for (io.github.evals4j.aggregate.QualityComparison q : c.quality()) {
          out.append(list == report.comparisons() ? "COMPARED QUALITY " : "VS BASELINE QUALITY ")
              .append(Text.console(q.summary(), 400)).append('\n');
        }
      }
    }
    for (Stopped st : report.stopped()) {
      out.append("SKIPPED ").append(st.skipped()).append(' ')
          .append(Text.console(st.prompt().label() + ": " + st.reason(), 400)).append('\n');
    }
    for (GateResult g : report.gates()) {
      if (g.failed()) {
        out.append("GATE FAILED ").append(Text.console(g.message(), 400)).append('\n');
      }
    }
    return out.toString();
  }
}
