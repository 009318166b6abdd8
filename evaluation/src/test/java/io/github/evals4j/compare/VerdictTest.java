package io.github.evals4j.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.DatasetFailure;
import io.github.evals4j.report.LastRun;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import io.github.evals4j.report.Reports;
import io.github.evals4j.report.RunInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} judges this run or fails: a report left by an earlier run, a run that wrote no
 * report, a broken run's report and an empty verdict each fail with one line. Before, {@code check}
 * judged whatever {@code report.json} was there, and passed a report with no prompt version.
 */
class VerdictTest {

  static final String T1 = "2026-11-23T17:00:00Z";
  static final String T2 = "2026-11-23T18:00:00Z";

  @TempDir Path dir;
  Path reports;
  Path file;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int check(String... options) {
    out.reset();
    err.reset();
    String[] args = new String[options.length + 2];
    args[0] = "check";
    args[1] = file.toString();
    System.arraycopy(options, 0, args, 2, options.length);
    return ReportCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of());
  }

  List<String> errLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** A passing report (19 of 20 runs) of run {@code id} started at {@code startedAt}. */
  Report passing(String id, String startedAt) throws Exception {
    reports = dir.resolve("evals4j");
    file = reports.resolve("report.json");
    Report r = Reports.build(new RunInfo(id, "abc", "main", "ci", startedAt, startedAt, "", List.of()),
        ReportCliTest.run(0, 20, Set.of(7)).snapshot(), Optional.empty(), GateSettings.defaults());
    Files.createDirectories(reports);
    Files.write(file, ReportJson.toJson(r));
    return r;
  }

  void lastRun(LastRun.State state, String runId, String startedAt, String detail) throws Exception {
    new LastRun(state, runId, startedAt, "", detail).write(reports);
  }

  @Test
  void should_judge_the_report_of_the_last_run() throws Exception {
    passing("run-1", T1);
    lastRun(LastRun.State.REPORTED, "run-1", T1, "");
    assertThat(check()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("evals4j: all ").contains(" judged gates passed");
  }

  @Test
  void should_fail_when_the_last_run_did_not_end() throws Exception {
    // GIVEN run-1's passing report, then a run that started and never ended (JVM killed)
    passing("run-1", T1);
    lastRun(LastRun.State.RUNNING, "", T2, "");
    // WHEN / THEN
    assertThat(check()).isEqualTo(ReportCli.USAGE);
    assertThat(errLines()).containsExactly("evals4j check: the run that started at " + T2
        + " did not end, so " + file + " is not its report (the test JVM crashed, was killed or timed out?)");
  }

  @Test
  void should_fail_when_the_report_is_from_an_earlier_run_than_the_last() throws Exception {
    // GIVEN the last run (run-2) says it reported, but report.json is run-1's (copied back, say)
    passing("run-1", T1);
    lastRun(LastRun.State.REPORTED, "run-2", T2, "");
    assertThat(check()).isEqualTo(ReportCli.USAGE);
    assertThat(errLines()).containsExactly("evals4j check: " + file + " is from an earlier run (run run-1 started at "
        + T1 + "), not from the last run, which started at " + T2 + " and left no report");
  }

  @Test
  void should_fail_when_the_last_run_could_not_write_its_report() throws Exception {
    passing("run-1", T1);
    lastRun(LastRun.State.NOT_WRITTEN, "run-2", T2, "java.nio.file.AccessDeniedException: report.json");
    assertThat(check()).isEqualTo(ReportCli.USAGE);
    assertThat(errLines()).singleElement().asString()
        .startsWith("evals4j check: the run that started at " + T2 + " could not write its report to ")
        .endsWith(": java.nio.file.AccessDeniedException: report.json");
  }

  @Test
  void should_fail_when_the_report_started_before_this_build() throws Exception {
    // GIVEN no last-run file (an older evals4j, a copied report) and a build that started after it
    passing("run-1", T1);
    // WHEN the build's start is given (Maven: ${maven.build.timestamp})
    int stale = check("--since", "2026-11-23T17:30:00Z");
    List<String> staleLines = errLines();
    int fresh = check("--since", "2026-11-23T16:59:59Z");
    // THEN
    assertThat(stale).isEqualTo(ReportCli.USAGE);
    assertThat(staleLines).containsExactly("evals4j check: " + file + " is from a run that started at " + T1
        + ", before this build (started at 2026-11-23T17:30:00Z): this build's tests wrote no report");
    assertThat(fresh).isZero();
  }

  @Test
  void should_ignore_a_last_run_from_before_this_build() throws Exception {
    // GIVEN a build that ran no test: report and last-run file are both an earlier build's
    passing("run-1", T1);
    lastRun(LastRun.State.REPORTED, "run-1", T1, "");
    // WHEN / THEN since epoch millis of 17:30
    long millis = java.time.Instant.parse("2026-11-23T17:30:00Z").toEpochMilli();
    assertThat(check("--since", Long.toString(millis))).isEqualTo(ReportCli.USAGE);
    assertThat(errLines()).singleElement().asString().contains("before this build (started at 2026-11-23T17:30:00Z)");
  }

  @Test
  void should_fail_with_the_error_of_a_broken_run() throws Exception {
    // GIVEN the collector could not build the report: an unknown gate key found at the end
    passing("run-1", T1);
    Report broken = Reports.broken(new RunInfo("run-2", "", "", "local", T2, T2, "", List.of()),
        "the run report could not be built: unknown gate key 'evals4j.gate.ticket-summary.min-passrate'");
    Files.write(file, ReportJson.toJson(broken));
    lastRun(LastRun.State.REPORTED, "run-2", T2, "");
    // WHEN / THEN
    assertThat(check()).isEqualTo(ReportCli.USAGE);
    assertThat(errLines()).containsExactly("evals4j check: the run has no verdict, its report could not be built:"
        + " the run report could not be built: unknown gate key 'evals4j.gate.ticket-summary.min-passrate' (" + file + ")");
  }

  @Test
  void should_fail_an_empty_verdict_unless_allowed() throws Exception {
    // GIVEN a valid report of a run without any prompt version
    passing("run-1", T1);
    Report empty = Reports.build(new RunInfo("run-2", "", "", "local", T2, T2, "", List.of()), List.of(),
        Optional.empty(), GateSettings.defaults());
    Files.write(file, ReportJson.toJson(empty));
    // WHEN
    int strict = check();
    List<String> strictLines = errLines();
    int allowed = check("--allow-empty");
    // THEN
    assertThat(strict).isEqualTo(ReportCli.REGRESSION);
    assertThat(strictLines).containsExactly("evals4j check: nothing was judged: " + file
        + " has no prompt version; an empty verdict fails (pass --allow-empty to accept it)");
    assertThat(allowed).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("evals4j: nothing was judged, accepted by --allow-empty: " + file + " has no prompt version\n");
  }

  @Test
  void should_not_pass_the_bare_report_of_the_issue() throws Exception {
    passing("run-1", T1);
    Files.writeString(file, "{\"schemaVersion\":1,\"run\":{}}");
    assertThat(check()).isEqualTo(ReportCli.USAGE);
    assertThat(errLines()).containsExactly("evals4j check: " + file + ": /run/runId: missing or null (required)");
  }

  @Test
  void should_fail_when_every_gate_is_off_or_unknown() throws Exception {
    passing("run-1", T1);
    Report ungated = Reports.build(new RunInfo("run-1", "", "", "local", T1, T1, "", List.of()),
        ReportCliTest.run(0, 3, Set.of()).snapshot(), Optional.empty(), GateSettings.from(Map.of(
            "evals4j.gate.min-pass-rate", "off", "evals4j.gate.max-hallucination-rate", "off",
            "evals4j.gate.max-cost-per-run", "off", "evals4j.gate.no-regression", "false")));
    Files.write(file, ReportJson.toJson(ungated));
    assertThat(check()).isEqualTo(ReportCli.REGRESSION);
    assertThat(errLines()).singleElement().asString()
        .startsWith("evals4j check: nothing was judged: no gate of the 1 prompt versions in " + file + " was judged");
  }

  @Test
  void should_fail_the_prompt_version_whose_cases_did_not_load() throws Exception {
    // GIVEN v2 passed its 20 runs' gates, but the cases of one of its tests did not load
    passing("run-1", T1);
    Report r = Reports.build(new RunInfo("run-1", "", "", "local", T1, T1, "", List.of()),
        ReportCliTest.run(0, 20, Set.of()).snapshot(), Optional.empty(), GateSettings.defaults(),
        List.of(new DatasetFailure(ReportCliTest.P, "SummaryEval.longDocuments",
            "malformed case at datasets/long.jsonl:7, column 31: Unexpected character ('o')")));
    Files.write(file, ReportJson.toJson(r));
    // WHEN / THEN
    assertThat(check()).isEqualTo(ReportCli.REGRESSION);
    assertThat(errLines()).containsExactly(
        "evals4j gate failed: summarize@v2/gpt-4o-mini: dataset failed: the cases of SummaryEval.longDocuments"
            + " did not load: malformed case at datasets/long.jsonl:7, column 31: Unexpected character ('o')",
        "evals4j: 1 of " + r.gates().size() + " gates failed (1 prompt versions, " + file + ")");
  }

  @Test
  void should_judge_nothing_when_the_last_run_had_no_prompt() throws Exception {
    passing("run-1", T1);
    lastRun(LastRun.State.EMPTY, "run-2", T2, "");
    assertThat(check()).isEqualTo(ReportCli.REGRESSION);
    assertThat(errLines()).containsExactly("evals4j check: nothing was judged: the run that started at " + T2
        + " had no test attributed to a @Prompt, so it wrote no report; an empty verdict fails"
        + " (pass --allow-empty to accept it)");
    assertThat(check("--allow-empty")).isZero();
  }

  @Test
  void should_say_which_build_found_no_report() throws Exception {
    reports = dir.resolve("evals4j");
    file = reports.resolve("report.json");
    assertThat(check("--since", T2)).isEqualTo(ReportCli.USAGE);
    assertThat(errLines()).containsExactly("evals4j check: no report at " + file + " from this build (started at "
        + T2 + ") (did the eval tests run with the evals4j extension and a @Prompt?)");
  }

  @Test
  void should_let_check_judge_the_directory_merge_wrote() throws Exception {
    // GIVEN a directory where a test run left its last-run file, then merge writes there
    passing("run-1", T1);
    Path shard = dir.resolve("shard.json");
    Files.copy(file, shard);
    lastRun(LastRun.State.REPORTED, "run-0", "2026-11-22T10:00:00Z", "");
    assertThat(ReportCli.run(new String[] {"merge", "--out", reports.toString(), shard.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of())).isZero();
    // WHEN / THEN the merged report is the last one written there
    assertThat(check()).isZero();
    assertThat(LastRun.read(reports)).hasValueSatisfying(l -> assertThat(l.runId()).isEqualTo("run-1"));
  }

  @Test
  void should_refuse_to_merge_or_approve_a_broken_run() throws Exception {
    passing("run-1", T1);
    Path broken = dir.resolve("broken.json");
    Files.write(broken, ReportJson.toJson(Reports.broken(
        new RunInfo("run-2", "", "", "local", T2, T2, "", List.of()), "unknown gate key 'x'")));
    String[][] commands = {
        {"merge", "--out", dir.resolve("m").toString(), file.toString(), broken.toString()},
        {"approve", broken.toString(), dir.resolve("baseline.json").toString()}};
    for (String[] command : commands) {
      err.reset();
      assertThat(ReportCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of())).isEqualTo(ReportCli.USAGE);
      assertThat(errLines()).singleElement().asString().contains(broken + " is the report of a broken run")
          .endsWith("unknown gate key 'x'");
    }
    assertThat(dir.resolve("baseline.json")).doesNotExist();
  }

  @Test
  void should_name_the_prompt_of_a_failed_dataset_in_every_report() throws Exception {
    Report r = Reports.build(new RunInfo("run-1", "", "", "local", T1, T1, "", List.of()), List.of(),
        Optional.empty(), GateSettings.defaults(), List.of(new DatasetFailure(
            PromptRef.of("classify", "v3"), "ClassifyEval.tickets", "dataset file not found: /data/tickets.jsonl")));
    assertThat(io.github.evals4j.report.ConsoleTable.render(r)).contains(
        "GATE FAILED classify@v3: dataset failed: the cases of ClassifyEval.tickets did not load:"
            + " dataset file not found: /data/tickets.jsonl");
    assertThat(io.github.evals4j.report.MarkdownReport.render(r)).contains("### Cases that did not load",
        "- ❌ classify@v3: ClassifyEval.tickets: dataset file not found: /data/tickets.jsonl");
    assertThat(io.github.evals4j.report.HtmlReport.render(r)).contains("<ul id=\"dataset-failures\">",
        "<li>classify@v3: ClassifyEval.tickets: dataset file not found: /data/tickets.jsonl</li>");
  }
}
