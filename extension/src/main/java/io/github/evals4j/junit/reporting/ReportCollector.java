package io.github.evals4j.junit.reporting;

import io.github.evals4j.assertions.Texts;
import io.github.evals4j.aggregate.AggregationOptions;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.assertions.CheckResult;
import io.github.evals4j.assertions.Direction;
import io.github.evals4j.cost.CallRole;
import io.github.evals4j.cost.PriceTable;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.junit.RunCollector;
import io.github.evals4j.junit.RunContext;
import io.github.evals4j.junit.RunInfo;
import io.github.evals4j.junit.TestRecord;
import io.github.evals4j.junit.ci.CiEnvironment;
import io.github.evals4j.junit.prompt.JudgeCalls;

import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.ConsoleTable;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
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
 * fails on a gate through {@code ReportCli check} (see the README).
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
  private volatile ReportSettings settings;
  private volatile RunAggregator aggregator;
  private volatile RunReportUpload upload;
  private volatile LiveRuns live;
  private volatile ReplayModeSetting replayMode;

  /** Created by the extension through {@link java.util.ServiceLoader}. */
  public ReportCollector() {}

  @Override
  public void runStarted(RunContext context) {
    this.run = context;
    replayMode = ReplayModeSetting.apply(context);
    try {
      ReportSettings s = new ReportSettings(context);
      if (!s.enabled()) {
        return;
      }
      PriceTable prices = s.prices();
      aggregator = new RunAggregator(
          AggregationOptions.defaults().withInformational(s.informationalChecks()), prices);
      settings = s;
      live = new LiveRuns(context::configurationParameter,
          id -> s.gates(List.of(id)).forPrompt(id).minPassRate(), java.time.Clock.systemUTC()).open();
      upload = RunReportUpload.of(context);
      upload.started();
    } catch (RuntimeException e) {
      say("the run report is off: " + e.getMessage());
    }
  }

  @Override
  public void testFinished(TestRecord record) {
    RunAggregator agg = aggregator;
    Attribution at = record.attribution();
    if (agg == null || record.status() == TestRecord.Status.SKIPPED
        || PromptRef.UNSET.equals(at.prompt().id())) {
      record.llmCalls().forEach(JudgeCalls::take);
      return;
    }
    for (LlmCall call : record.llmCalls()) {
      agg.recordCall(at, call, JudgeCalls.take(call) ? CallRole.JUDGE : CallRole.APPLICATION);
    }
    for (CheckResult check : record.checks()) {
      agg.recordCheck(at, check);
    }
    if (record.status() != TestRecord.Status.ABORTED) {
      agg.recordCheck(at, outcome(record));
      LiveRuns l = live;
      if (l != null) {
        l.finished(at.prompt(), passed(record, agg), cost(record, agg));
      }
    }
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
  public void runFinished(RunInfo info) {
    JudgeCalls.clear();
    ReplayModeSetting r = replayMode;
    if (r != null) {
      r.restore();
    }
    LiveRuns l = live;
    if (l != null) {
      l.close();
    }
    RunAggregator agg = aggregator;
    ReportSettings s = settings;
    if (agg == null || s == null) {
      return;
    }
    List<PromptStats> stats = agg.snapshot();
    if (stats.isEmpty()) {
      return;
    }
    Report report;
    try {
      Set<String> ids = new LinkedHashSet<>();
      stats.forEach(p -> ids.add(p.prompt().id()));
      GateSettings gates = s.gates(ids);
      Optional<Report> baseline = s.baseline().map(ReportJson::read);
      report = Reports.build(runInfo(info, agg.prices()), stats, baseline, gates);
      if (l != null) {
        report = report.withStopped(l.stopped(stats));
      }
    } catch (RuntimeException e) {
      say("the run report could not be built: " + e.getMessage());
      return;
    }
    Path dir = s.dir();
    Map<String, String> env = s.stepSummary() ? run.environment() : Map.of();
    try {
      // The step summary, the console (a CI log) and Sentry get the published report; the local
      // files hold the text as it was unless evals4j.report.scrub=true.
      Reports.Written written = Reports.writeAll(s.scrubFiles() ? Reports.published(report) : report, dir, env);
      if (s.console()) {
        print(ConsoleTable.render(Reports.published(report)));
        say("reports written to " + written.json().getParent()
            + (written.stepSummary().isPresent() ? " and appended to $GITHUB_STEP_SUMMARY" : ""));
        if (report.gateFailed()) {
          say("a gate failed: the build fails at 'ReportCli check " + written.json() + "'");
        }
      }
    } catch (IOException | RuntimeException e) {
      say("the reports could not be written to " + dir + ": " + e);
    }
    RunReportUpload u = upload;
    if (u != null) {
      u.finished(report, dir);
    }
  }

  /** The report's run metadata from the extension's run and CI facts. */
  static io.github.evals4j.report.RunInfo runInfo(RunInfo info, PriceTable prices) {
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
