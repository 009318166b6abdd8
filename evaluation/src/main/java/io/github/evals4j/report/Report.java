package io.github.evals4j.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.github.evals4j.aggregate.CaseFix;
import io.github.evals4j.aggregate.CaseRegression;
import io.github.evals4j.aggregate.CaseStats;
import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.FailingExample;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.QualityStats;
import io.github.evals4j.aggregate.QualityComparison;
import io.github.evals4j.aggregate.CaseScore;
import io.github.evals4j.aggregate.RepeatStats;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.gate.GateResult;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one model of a run's results that every writer renders ({@code report.json},
 * {@code report.md}, {@code report.html}, the console table) and that {@code compare} and
 * {@code merge} read back. Its JSON form is described by the versioned JSON Schema shipped at
 * {@value #SCHEMA_RESOURCE}.
 *
 * <pre>{@code
 * Report report = Reports.build(run, aggregator.snapshot(), baseline, GateSettings.from(properties));
 * Reports.writeAll(report, Path.of("target/evals4j"), System.getenv());
 * }</pre>
 *
 * @param schemaVersion the version of the JSON schema this report follows ({@value #SCHEMA_VERSION})
 * @param run run metadata
 * @param prompts statistics per prompt id × version × model, sorted
 * @param comparisons versions and models of each prompt compared within this run
 * @param baselineComparisons each prompt version compared with itself in the baseline report
 * @param gates every gate of every prompt version
 * @param stopped prompt versions whose remaining invocations were skipped (early stop, budgets)
 * @param datasetFailures tests whose cases could not be loaded (each also fails a gate)
 * @param error why the run has no valid report (e.g. a misconfigured gate key), empty when it has
 *     one; a report with an error is never judged as passing
 */
public record Report(
    int schemaVersion,
    RunInfo run,
    List<PromptStats> prompts,
    List<Comparison> comparisons,
    List<Comparison> baselineComparisons,
    List<GateResult> gates,
    @JsonSetter(nulls = Nulls.AS_EMPTY) List<Stopped> stopped,
    @JsonSetter(nulls = Nulls.AS_EMPTY) List<DatasetFailure> datasetFailures,
    @JsonSetter(nulls = Nulls.AS_EMPTY) @JsonInclude(JsonInclude.Include.NON_EMPTY) String error) {

  /** The current schema version; bumped on any incompatible change. */
  public static final int SCHEMA_VERSION = 1;

  /** Where the JSON Schema of {@code report.json} is in the jar. */
  public static final String SCHEMA_RESOURCE = "/io/github/evals4j/report/report.schema.json";

  public Report {
    Objects.requireNonNull(run, "run");
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
    comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    baselineComparisons = baselineComparisons == null ? List.of() : List.copyOf(baselineComparisons);
    gates = gates == null ? List.of() : List.copyOf(gates);
    stopped = stopped == null ? List.of() : List.copyOf(stopped);
    datasetFailures = datasetFailures == null ? List.of() : List.copyOf(datasetFailures);
    error = error == null ? "" : error;
  }

  /** A report without dataset failures or error. */
  public Report(int schemaVersion, RunInfo run, List<PromptStats> prompts, List<Comparison> comparisons,
      List<Comparison> baselineComparisons, List<GateResult> gates, List<Stopped> stopped) {
    this(schemaVersion, run, prompts, comparisons, baselineComparisons, gates, stopped, List.of(), "");
  }

  /** This report with {@code stopped} as its skipped prompt versions. */
  public Report withStopped(List<Stopped> stopped) {
    return new Report(schemaVersion, run, prompts, comparisons, baselineComparisons, gates, stopped,
        datasetFailures, error);
  }

  /** Whether this is the report of a broken run (see {@link #error()}): it has no verdict. */
  public boolean broken() {
    return !error.isEmpty();
  }

  /**
   * This report with every free text passed through {@code f}: case ids, failing examples'
   * messages, output excerpts and evidence, gate lines, comparison summaries, skip reasons.
   * Numbers, prompt versions, check names and run metadata stay as they are.
   */
  Report mapText(UnaryOperator<String> f) {
    List<PromptStats> mapped = prompts.stream().map(s -> new PromptStats(s.prompt(), s.cases(),
        s.runs(), s.passedRuns(), s.passRate(), s.passRateInterval(), s.checks(), s.hallucination(),
        s.specificity(), s.qualityScore(), s.latency(), s.tokens(), s.applicationCost(),
        s.judgeCost(), repeats(s.repeats(), f),
        s.caseOutcomes().stream().map(c -> new CaseStats(f.apply(c.id()), c.runs(), c.passed(),
            c.meanScore(), c.runScores())).toList(),
        s.casesTruncated(), s.examples().stream().map(e -> example(e, f)).toList(),
        s.failedResults()).withQuality(s.quality().stream().map(q -> quality(q, f)).toList()))
        .toList();
    return new Report(schemaVersion, run, mapped, comparisons(comparisons, f),
        comparisons(baselineComparisons, f),
        gates.stream().map(g -> new GateResult(g.prompt(), g.metric(), g.status(), g.value(),
            g.threshold(), g.baseline(), f.apply(g.message()))).toList(),
        stopped.stream().map(st -> new Stopped(st.prompt(), st.skipped(), f.apply(st.reason()))).toList(),
        datasetFailures.stream().map(d -> new DatasetFailure(d.prompt(), f.apply(d.test()),
            f.apply(d.message()))).toList(),
        f.apply(error));
  }

  private static QualityStats quality(QualityStats q, UnaryOperator<String> f) {
    return new QualityStats(q.rubric(), q.scaleMin(), q.scaleMax(), q.verdicts(), q.judgeErrors(),
        q.cases(), q.unknownCases(), q.mean(), q.interval(), q.intervalMethod(),
        q.meanRepeatStdDev(), q.maxRepeatStdDev(), q.judgeSampleStdDev(), q.agreement(),
        q.caseScores().stream().map(c -> new CaseScore(f.apply(c.id()), c.scores(),
            c.judgeErrors())).toList(), q.casesTruncated());
  }

  private static RepeatStats repeats(RepeatStats r, UnaryOperator<String> f) {
    return new RepeatStats(r.maxRepeats(), r.passAtK(), r.passHatK(), r.unstableCases(),
        r.unstableCaseIds().stream().map(f).toList(), r.meanScoreStdDev(), r.maxScoreStdDev());
  }

  private static FailingExample example(FailingExample e, UnaryOperator<String> f) {
    return new FailingExample(f.apply(e.caseId()), e.repeat(), e.check(), f.apply(e.message()),
        f.apply(e.outputExcerpt()), e.evidence().stream().map(ev -> new Evidence(ev.start(),
            ev.end(), f.apply(ev.text()), ev.kind(), f.apply(ev.reason()))).toList(), e.occurrences());
  }

  private static List<Comparison> comparisons(List<Comparison> list, UnaryOperator<String> f) {
    return list.stream().map(c -> new Comparison(c.baseline(), c.candidate(), c.baselinePassRate(),
        c.candidatePassRate(), c.passRateDelta(), c.test(), c.pValue(), c.verdict(),
        c.moreCasesNeeded(), c.costPerCaseDeltaUsd(), c.p95LatencyDeltaMs(),
        c.regressions().stream().map(r -> new CaseRegression(f.apply(r.caseId()), r.kind(),
            r.baselinePassRate(), r.candidatePassRate(), r.scoreDrop())).toList(),
        f.apply(c.summary()), c.measure(), c.paired(), c.baselineCases(), c.candidateCases(),
        c.casesNotCompared(),
        c.fixes().stream().map(x -> new CaseFix(f.apply(x.caseId()), x.baselinePassRate(),
            x.candidatePassRate())).toList(),
        c.regressedCases(), c.fixedCases(), c.quality().stream().map(q -> new QualityComparison(
            q.rubric(), q.scaleMin(), q.scaleMax(), q.cases(), q.paired(), q.baselineMean(),
            q.candidateMean(), q.delta(), q.test(), q.pValue(), q.verdict(), f.apply(q.summary())))
            .toList())).toList();
  }

  /** Whether a gate failed. */
  public boolean gateFailed() {
    return gates.stream().anyMatch(GateResult::failed);
  }
}
