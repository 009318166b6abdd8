package io.github.evals4j.report;

import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.Comparisons;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.gate.Gates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a run's {@link Report} and writes every output: {@code report.json}, {@code report.md}
 * (also appended to {@code $GITHUB_STEP_SUMMARY} when set) and {@code report.html}, each
 * atomically. Call it <em>before</em> failing the build on a gate, so the reports always exist.
 *
 * <pre>{@code
 * Report report = Reports.build(run, aggregator.snapshot(), Optional.of(ReportJson.read(baseline)),
 *     GateSettings.from(properties));
 * Reports.writeAll(report, Path.of("target", "evals4j"), System.getenv());
 * System.out.print(ConsoleTable.render(report));
 * }</pre>
 */
public final class Reports {

  /** The file names written in the report directory. */
  public static final String JSON = "report.json";
  public static final String MARKDOWN = "report.md";
  public static final String HTML = "report.html";

  /** The environment variable GitHub Actions sets to the step summary file. */
  public static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

  /** GitHub rejects a step summary over 1 MiB; ours stays well below, truncated if need be. */
  static final int MAX_STEP_SUMMARY_CHARS = 512 * 1024;

  private Reports() {}

  /**
   * The report of a run: comparisons within the run, comparisons with the baseline report (if
   * any) and every gate.
   */
  public static Report build(
      RunInfo run, List<PromptStats> stats, Optional<Report> baseline, GateSettings gates) {
    return build(run, stats, baseline, gates, List.of());
  }

  /**
   * The report of a run some of whose tests could not load their cases: each such test is listed
   * and fails its prompt version's {@value DatasetFailure#METRIC} gate, whatever the thresholds.
   */
  public static Report build(RunInfo run, List<PromptStats> stats, Optional<Report> baseline,
      GateSettings gates, List<DatasetFailure> datasetFailures) {
    List<PromptStats> base = baseline.map(Report::prompts).orElse(List.of());
    List<GateResult> results = new ArrayList<>(Gates.evaluate(stats, base, gates));
    for (DatasetFailure f : datasetFailures) {
      results.add(datasetGate(f));
    }
    // Each prompt id is compared with its own score-drop margin.
    Map<String, List<PromptStats>> byId = new LinkedHashMap<>();
    for (PromptStats s : stats) {
      byId.computeIfAbsent(s.prompt().id(), id -> new ArrayList<>()).add(s);
    }
    List<Comparison> withinRun = new ArrayList<>();
    List<Comparison> againstBaseline = new ArrayList<>();
    for (Map.Entry<String, List<PromptStats>> e : byId.entrySet()) {
      double margin = gates.forPrompt(e.getKey()).scoreDropMargin();
      withinRun.addAll(Comparisons.withinRun(e.getValue(), margin));
      againstBaseline.addAll(Comparisons.againstBaseline(base, e.getValue(), margin));
    }
    return new Report(Report.SCHEMA_VERSION, run, stats, withinRun, againstBaseline, results,
        List.of(), datasetFailures, "");
  }

  /**
   * The report of a run whose report could not be built (e.g. an unknown gate key, an unreadable
   * baseline): no figures, only {@code error}. Written in place of the report so that the build's
   * {@code check} fails with that line instead of judging an earlier run's report.
   */
  public static Report broken(RunInfo run, String error) {
    String why = error == null || error.isBlank() ? "the run report could not be built" : error.strip();
    return new Report(Report.SCHEMA_VERSION, run, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), why);
  }

  /** The failed gate of a test whose cases did not load. */
  static GateResult datasetGate(DatasetFailure f) {
    String test = f.test().isEmpty() ? "a test" : Texts.abbreviate(f.test(), 160);
    return new GateResult(f.prompt(), DatasetFailure.METRIC, GateStatus.FAILED, "not loaded",
        "every case loads", "", f.prompt().label() + ": " + DatasetFailure.METRIC + " failed: the cases of "
            + test + " did not load: " + Texts.abbreviate(f.message(), 400));
  }

  /** The files written by {@link #writeAll}. */
  public record Written(Path json, Path markdown, Path html, Optional<Path> stepSummary) {}

  /**
   * Writes {@code report.json}, {@code report.md} and {@code report.html} into {@code dir}
   * atomically, and appends the Markdown to the file named by {@code env}'s
   * {@value #STEP_SUMMARY} when set.
   */
  public static Written writeAll(Report report, Path dir, Map<String, String> env) throws IOException {
    Path json = dir.resolve(JSON);
    Path md = dir.resolve(MARKDOWN);
    Path html = dir.resolve(HTML);
    String markdown = MarkdownReport.render(report);
    AtomicFiles.write(json, ReportJson.toJson(report));
    AtomicFiles.write(md, markdown.getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(html, HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
    Optional<Path> summary = Optional.ofNullable(env.get(STEP_SUMMARY)).filter(s -> !s.isBlank()).map(Path::of);
    if (summary.isPresent()) {
      Files.writeString(summary.get(), stepSummary(markdown, dir.resolve(MARKDOWN)) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }
    return new Written(json, md, html, summary);
  }

  /** The Markdown, cut at a line boundary (and a whole code point) when it is too long for GitHub. */
  static String stepSummary(String markdown, Path full) {
    if (markdown.length() <= MAX_STEP_SUMMARY_CHARS) {
      return markdown;
    }
    int cut = markdown.lastIndexOf('\n', MAX_STEP_SUMMARY_CHARS);
    if (cut <= 0) {
      cut = MAX_STEP_SUMMARY_CHARS;
      if (Character.isHighSurrogate(markdown.charAt(cut - 1))) {
        cut--;
      }
    }
    return markdown.substring(0, cut) + "\n\n_(truncated for the step summary; the whole report is " + full.getFileName()
        + " in the report directory)_\n";
  }
}
