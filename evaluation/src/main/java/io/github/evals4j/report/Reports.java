package io.github.evals4j.report;

import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.Comparisons;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.gate.Gates;
import io.github.evals4j.secrets.TextScrubber;
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
 * and {@code report.html} into the report directory, each atomically, and the Markdown appended
 * to {@code $GITHUB_STEP_SUMMARY} when set. What is published (the step summary) is the
 * {@linkplain #published published} report: its texts scrubbed of secrets and e-mail addresses;
 * the local files hold the report given. Call it <em>before</em> failing the build on a gate, so
 * the reports always exist.
 *
 * <pre>{@code
 * Report report = Reports.build(run, aggregator.snapshot(), Optional.of(ReportJson.read(baseline)),
 *     GateSettings.from(properties));
 * Reports.writeAll(report, Path.of("target", "evals4j"), System.getenv());
 * System.out.print(ConsoleTable.render(Reports.published(report)));
 * }</pre>
 */
public final class Reports {

  /** The file names written in the report directory. */
  public static final String JSON = "report.json";
  public static final String MARKDOWN = "report.md";
  public static final String HTML = "report.html";

  /** The environment variable GitHub Actions sets to the step summary file. */
  public static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

  /**
   * GitHub refuses a step's summary over 1 MiB of UTF-8 (whatever wrote to it in that step): ours
   * takes at most half of that, and never more than what is left.
   */
  static final int MAX_STEP_SUMMARY_BYTES = 512 * 1024;
  static final int GITHUB_STEP_SUMMARY_LIMIT = 1024 * 1024;

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
   * The report as it may leave the machine (CI step summary and log, Sentry, a pull request
   * comment): case ids, failing examples, gate lines and every other free text scrubbed of
   * secrets and e-mail addresses ({@link TextScrubber}).
   */
  public static Report published(Report report) {
    return report.mapText(TextScrubber.DEFAULT::scrub);
  }

  /**
   * Writes {@code report.json}, {@code report.md} and {@code report.html} of {@code report} into
   * {@code dir} atomically, and appends the Markdown of the {@linkplain #published published}
   * report to the file named by {@code env}'s {@value #STEP_SUMMARY} when set.
   */
  public static Written writeAll(Report report, Path dir, Map<String, String> env) throws IOException {
    Path json = dir.resolve(JSON);
    Path md = dir.resolve(MARKDOWN);
    Path html = dir.resolve(HTML);
    AtomicFiles.write(json, ReportJson.toJson(report));
    AtomicFiles.write(md, MarkdownReport.render(report).getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(html, HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
    Optional<Path> summary = Optional.ofNullable(env.get(STEP_SUMMARY)).filter(s -> !s.isBlank()).map(Path::of);
    if (summary.isPresent()) {
      long written = Files.exists(summary.get()) ? Files.size(summary.get()) : 0;
      int budget = (int) Math.max(0, Math.min(MAX_STEP_SUMMARY_BYTES, GITHUB_STEP_SUMMARY_LIMIT - written - 1));
      String text = stepSummary(MarkdownReport.render(published(report)), md, budget);
      if (!text.isEmpty()) {
        Files.writeString(summary.get(), text + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      }
    }
    return new Written(json, md, html, summary);
  }

  /**
   * The Markdown in at most {@code maxBytes} bytes of UTF-8: whole when it fits, else cut at a
   * line (a whole code point when a line is longer than the budget), the HTML blocks it leaves
   * open ({@code <details>}, {@code <pre>}) closed, and a line saying where the whole report is.
   * Empty when not even that line fits.
   */
  static String stepSummary(String markdown, Path full, int maxBytes) {
    if (utf8Length(markdown, markdown.length()) <= maxBytes) {
      return markdown;
    }
    String note = "\n\n_(truncated for the step summary; the whole report is " + full.getFileName()
        + " in the report directory)_\n";
    // room for the note and for closing every <details> and <pre> left open
    int room = maxBytes - utf8Length(note, note.length()) - 64;
    if (room <= 0) {
      return "";
    }
    int fits = 0;
    int bytes = 0;
    while (fits < markdown.length()) {
      int cp = markdown.codePointAt(fits);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > room) {
        break;
      }
      bytes += size;
      fits += Character.charCount(cp);
    }
    int cut = markdown.lastIndexOf('\n', fits - 1) + 1;
    if (cut <= 0) {
      cut = fits;
    }
    String kept = markdown.substring(0, cut);
    StringBuilder out = new StringBuilder(kept);
    if (count(kept, "<pre>") > count(kept, "</pre>")) {
      out.append("</pre>\n");
    }
    for (int open = count(kept, "<details>") - count(kept, "</details>"); open > 0; open--) {
      out.append("\n</details>\n");
    }
    return out.append(note).toString();
  }

  /** Bytes of the UTF-8 encoding of {@code s[0, end)} (a lone surrogate counts as '?', 1 byte). */
  static int utf8Length(String s, int end) {
    int bytes = 0;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static int count(String s, String tag) {
    int n = 0;
    for (int i = s.indexOf(tag); i >= 0; i = s.indexOf(tag, i + tag.length())) {
      n++;
    }
    return n;
  }
}
