package io.github.evals4j.junit.reporting;

import io.github.evals4j.internal.Texts;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.cost.CallRole;
import io.github.evals4j.cost.PriceTable;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.junit.RunCollector;
import io.github.evals4j.junit.RunContext;
import io.github.evals4j.junit.RunOutcome;
import io.github.evals4j.junit.TestRecord;
import io.github.evals4j.junit.ci.CiEnvironment;
import io.github.evals4j.junit.prompt.JudgeCalls;

import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.ConsoleTable;
import io.github.evals4j.report.DatasetFailure;
import io.github.evals4j.report.LastRun;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import io.github.evals4j.report.ReportSettings;
import io.github.evals4j.report.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Feeds every test record of the run into a {@link RunAggregator} and, when the run ends, builds
 * the report (comparisons, gates, baseline), writes {@code report.json}, {@code report.md} and
 * {@code report.html} atomically, appends the Markdown to {@code $GITHUB_STEP_SUMMARY}, prints the
 * console table with one line per failed gate, and uploads the run report to Sentry when a DSN is
 * set. What is published (step summary, console, Sentry) is scrubbed of secrets; the local files
 * too with {@value ReportSettings#SCRUB}. Registered through {@code META-INF/services}; it never fails a test or the run: the build
 * fails on a gate through {@code ReportCli check} (see docs/gates.md).
 *
 * <p>So that {@code check} never judges an earlier run's report, the collector writes
 * {@value LastRun#FILE} into the report directory when the run starts and again when it ends
 * (reported, empty, or reports not written), and when the report cannot be built (a misconfigured
 * key found at the end of the run, an unreadable baseline) it writes a broken run's report naming
 * the error in place of the report. Tests whose cases could not be loaded ({@link CasesNotLoaded})
 * are listed in the report and fail their prompt version's {@code dataset} gate.
 *
 * <p>A test's checks and LLM calls count when the test is attributed to a prompt
 * ({@code @Prompt}, {@code Prompts.use}, a {@code PromptRef} argument); such a test also
 * contributes its own outcome as the check {@value #OUTCOME_CHECK}, so that a hard assertion
 * failing (or the application throwing) fails that case run. Without any attributed test, no
 * report is written.
 */
public final class ReportCollector implements RunCollector {

  /** The name of the check that carries a prompt-attributed test's own pass/fail outcome. */
  public static final String OUTCOME_CHECK = "test.outcome";

  private volatile RunContext run;
  private volatile ConfigValues config;
  private volatile ReportSettings settings;
  private volatile RunAggregator aggregator;
  private volatile RunReportUpload upload;
  private volatile LiveRuns live;
  private volatile ReplayModeSetting replayMode;
  private volatile Path reportDir;
  private volatile String startError;
  private volatile DatasetFailures datasetFailures;

  /** Created by the extension through {@link java.util.ServiceLoader}. */
  public ReportCollector() {}

  @Override
  public void runStarted(RunContext context) {
    this.run = context;
    replayMode = ReplayModeSetting.apply(context);
    try {
      ConfigValues values = new ConfigValues(context);
      ReportSettings s = values.report();
      reportDir = s.reportDir();
      if (!s.enabled()) {
        reportDir = null;
        return;
      }
      started(reportDir);
      datasetFailures = new DatasetFailures().open();
      // Parse the gate keys now: a malformed threshold is said at the start, not after every test ran.
      values.gates(List.of());
      aggregator = new RunAggregator(s.aggregation(), s.prices());
      config = values;
      settings = s;
      live = new LiveRuns(context::configurationParameter,
          p -> values.gates(List.of(p)), java.time.Clock.systemUTC());
      upload = RunReportUpload.of(context);
      upload.started();
    } catch (RuntimeException e) {
      // The report cannot be built: a broken run's report says why at the end of the run.
      startError = e.getMessage() == null ? e.toString() : e.getMessage();
      if (reportDir == null) {
        reportDir = Path.of(context.configurationParameter(ReportSettings.REPORT_DIR).map(String::strip)
            .filter(d -> !d.isEmpty()).orElse(io.github.evals4j.config.ConfigKeys.REPORT_DIR.defaultValue()));
        started(reportDir);
      }
      say("the run report is off: " + startError);
    }
  }

  /** {@value LastRun#FILE}: this run started (an earlier run's report is no longer the last one). */
  private static void started(Path dir) {
    try {
      LastRun.running(java.time.Instant.now()).write(dir);
    } catch (IOException | RuntimeException e) {
      say("cannot mark the run's start in " + dir + ": " + e);
    }
  }

  @Override
  public void testFinished(TestRecord record) {
    RunAggregator agg = aggregator;
    Attribution at = record.attribution();
    // A rubric's calibration counts for the run, whichever test recorded it.
    java.util.Set<CheckResult> calibrations = java.util.Collections.newSetFromMap(
        new java.util.IdentityHashMap<>());
    if (agg != null && record.status() != TestRecord.Status.SKIPPED) {
      for (CheckResult check : record.checks()) {
        if (agg.recordAgreement(check)) {
          calibrations.add(check);
        }
      }
    }
    if (agg == null || record.status() == TestRecord.Status.SKIPPED
        || PromptRef.UNSET.equals(at.prompt().id())) {
      record.llmCalls().forEach(JudgeCalls::take);
      return;
    }
    for (LlmCall call : record.llmCalls()) {
      agg.recordCall(at, call, JudgeCalls.take(call) ? CallRole.JUDGE : CallRole.APPLICATION);
    }
    for (CheckResult check : record.checks()) {
      if (!calibrations.contains(check)) {
        agg.recordCheck(at, check);
      }
    }
    if (record.status() != TestRecord.Status.ABORTED) {
      agg.recordCheck(at, outcome(record));
      LiveRuns l = live;
      if (l != null) {
        l.finished(at.prompt(), passed(record, agg), cost(record, agg));
      }
    }
  }

  /** What the run's prompt versions did so far, for {@link EarlyStop}; empty when reports are off. */
  Optional<LiveRuns> live() {
    return Optional.ofNullable(live);
  }

  /** Whether the invocation passed and none of its gating checks failed. */
  private static boolean passed(TestRecord record, RunAggregator agg) {
    Set<String> informational = agg.options().informationalChecks();
    return record.status() == TestRecord.Status.PASSED && record.checks().stream()
        .allMatch(c -> c.passed() || informational.contains(c.check()));
  }

  /** What the invocation's calls cost (application and judge), priced calls only. */
  private static double cost(TestRecord record, RunAggregator agg) {
    double sum = 0;
    for (LlmCall call : record.llmCalls()) {
      sum += agg.prices().costUsd(call).orElse(0);
    }
    return sum;
  }

  /** The test's outcome as a check: "at most 0 failures", outside the mean quality score. */
  private static CheckResult outcome(TestRecord record) {
    boolean passed = record.status() == TestRecord.Status.PASSED;
    return new CheckResult(OUTCOME_CHECK, passed, passed ? 0 : 1, 0, Direction.AT_MOST, List.of(),
        passed ? "" : record.name() + " failed: " + record.failure());
  }

  @Override
  public void runFinished(RunOutcome info) {
    JudgeCalls.clear();
    ReplayModeSetting r = replayMode;
    if (r != null) {
      r.restore();
    }
    LiveRuns l = live;
    live = null; // the run is over: nothing is decided or counted for it any more
    DatasetFailures d = datasetFailures;
    List<DatasetFailure> notLoaded = d == null ? List.of() : d.close();
    Path dir = reportDir;
    if (dir == null) {
      return; // reports are off
    }
    RunAggregator agg = aggregator;
    ReportSettings s = settings;
    String error = startError;
    if (error != null || agg == null || s == null) {
      write(Reports.broken(runInfo(info, PriceTable.empty()), "the run report could not be built: "
          + (error != null ? error : "the reporting did not start")), dir, Map.of(), true);
      return;
    }
    List<PromptStats> stats = agg.snapshot();
    if (stats.isEmpty() && notLoaded.isEmpty()) {
      mark(dir, new LastRun(LastRun.State.EMPTY, info.runId(), info.startedAt().toString(),
          info.finishedAt().toString(), ""));
      return;
    }
    Report report;
    try {
      Set<PromptRef> prompts = new LinkedHashSet<>();
      stats.forEach(p -> prompts.add(p.prompt()));
      notLoaded.forEach(f -> prompts.add(f.prompt()));
      GateSettings gates = config.gates(prompts);
      Optional<Report> baseline = s.baseline().map(ReportCollector::baseline);
      report = Reports.build(runInfo(info, agg.prices()), stats, baseline, gates, notLoaded);
      if (l != null) {
        report = report.withStopped(l.stopped(stats));
      }
    } catch (RuntimeException e) {
      report = Reports.broken(runInfo(info, agg.prices()), "the run report could not be built: "
          + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
    Map<String, String> env;
    boolean console;
    try {
      env = s.stepSummary() ? run.environment() : Map.of();
      console = s.console();
    } catch (RuntimeException e) {
      report = Reports.broken(report.run(), "the run report could not be built: " + e.getMessage());
      env = Map.of();
      console = true;
    }
    boolean written = write(report, dir, env, console);
    RunReportUpload u = upload;
    if (u != null && written && !report.broken()) {
      u.finished(report, dir);
    }
  }

  /** A baseline report, or why it cannot be one (the run's report is then broken). */
  private static Report baseline(Path file) {
    Report base = ReportJson.read(file);
    if (base.broken()) {
      throw new IllegalArgumentException("the baseline " + file + " is the report of a broken run: " + base.error());
    }
    return base;
  }

  /** Writes the reports and {@value LastRun#FILE}; whether the reports were written. */
  private boolean write(Report report, Path dir, Map<String, String> env, boolean console) {
    io.github.evals4j.report.RunInfo r = report.run();
    try {
      // The step summary, the console (a CI log) and Sentry get the published report; the local
      // files hold the text as it was unless evals4j.report.scrub=true.
      ReportSettings st = settings;
      boolean scrubFiles = st != null && st.scrubFiles();
      Reports.Written written = Reports.writeAll(scrubFiles ? Reports.published(report) : report, dir, env);
      mark(dir, new LastRun(LastRun.State.REPORTED, r.runId(), r.startedAt(), r.endedAt(), ""));
      if (report.broken()) {
        say("the run has no verdict: " + Texts.printable(report.error().lines().findFirst().orElse("")));
        say("the build fails at 'ReportCli check " + written.json() + "'");
      } else if (console) {
        print(ConsoleTable.render(Reports.published(report)));
        say("reports written to " + written.json().getParent()
            + (written.stepSummary().isPresent() ? " and appended to $GITHUB_STEP_SUMMARY" : ""));
        if (report.gateFailed()) {
          say(gateFailedLine(report, written.json()));
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      say("the reports could not be written to " + dir + ": " + e);
      mark(dir, new LastRun(LastRun.State.NOT_WRITTEN, r.runId(), r.startedAt(), r.endedAt(), e.toString()));
      return false;
    }
  }

  private static void mark(Path dir, LastRun last) {
    try {
      last.write(dir);
    } catch (IOException | RuntimeException e) {
      say("cannot write " + dir.resolve(LastRun.FILE) + ": " + e);
    }
  }

  /**
   * The console's closing gate line: true whether this run ends in {@code mvn test} (the build
   * still succeeds: nothing here fails it) or in {@code mvn verify} with the check step bound.
   */
  static String gateFailedLine(Report report, Path json) {
    long failed = report.gates().stream().filter(g -> g.failed()).count();
    return failed + " gate" + (failed == 1 ? "" : "s") + " failed (lines above); this run's tests "
        + "are not failed by it: the build fails only where 'ReportCli check " + json
        + "' runs (e.g. mvn verify with the evals4j-gates execution, see docs/gates.md)";
  }

  /** The report's run metadata from the extension's run and CI facts. */
  static io.github.evals4j.report.RunInfo runInfo(RunOutcome info, PriceTable prices) {
    CiEnvironment ci = info.ci();
    return new io.github.evals4j.report.RunInfo(info.runId(), ci.commitSha(), ci.branch(),
        ciName(ci), info.startedAt().toString(),
        info.finishedAt().toString(), prices.asOf().map(Object::toString).orElse(""),
        prices.sources());
  }

  /** The report schema's CI names ({@code github-actions}, {@code gitlab-ci}, ...), else the provider. */
  private static String ciName(CiEnvironment ci) {
    return switch (ci.provider()) {
      case "" -> "local";
      case "github" -> "github-actions";
      case "gitlab" -> "gitlab-ci";
      default -> ci.provider();
    };
  }

  private static void print(String table) {
    PrintStream err = System.err;
    table.lines().forEach(l -> err.println("[evals4j] " + Texts.printable(l)));
  }

  private static void say(String line) {
    System.err.println("[evals4j] " + Texts.printable(line));
  }

}
