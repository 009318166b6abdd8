package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.Verdict;
import io.github.evals4j.compare.ReportCli;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.report.LastRun;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The whole wiring through the real Launcher (session listeners included): two prompt versions
 * over the same dataset cases produce report.json/.md/.html with hand-computed numbers, the gate
 * verdict reaches the CLI, and the run report reaches a local Sentry endpoint (WireMock) intact,
 * schema-valid and without the corpus's secrets.
 */
class RunReportTest {

  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());

  @TempDir
  Path dir;

  private final List<String> failures = new java.util.ArrayList<>();

  private CollectorsAndSessionTest.Remembering run(Map<String, String> params,
      Map<String, String> env, Class<?>... classes) {
    return run(0, params, env, classes);
  }

  private CollectorsAndSessionTest.Remembering run(int expectedFailures, Map<String, String> params,
      Map<String, String> env, Class<?>... classes) {
    CollectorsAndSessionTest.Remembering collector = new CollectorsAndSessionTest.Remembering();
    try (LauncherSession session = LauncherFactory.openSession()) {
      session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, env);
      session.getStore().put(NAMESPACE, RunState.COLLECTORS_KEY, List.of(collector));
      LauncherDiscoveryRequestBuilder request = request();
      for (Class<?> c : classes) {
        request.selectors(selectClass(c));
      }
      request.configurationParameter("evals4j.report.dir", dir.resolve("evals4j").toString());
      params.forEach(request::configurationParameter);
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      session.getLauncher().execute(request.build(), summary);
      assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(expectedFailures);
      summary.getSummary().getFailures().forEach(f -> failures.add(f.getException().getMessage()));
    }
    return collector;
  }

  private static PromptStats prompt(Report report, String version) {
    return report.prompts().stream().filter(p -> p.prompt().version().equals(version))
        .findFirst().orElseThrow();
  }

  @Test
  void should_write_reports_with_hand_computed_numbers_for_two_versions() throws Exception {
    Path summary = dir.resolve("step-summary.md");
    try (StdErr err = StdErr.capture()) {
      // WHEN
      run(Map.of(), Map.of("GITHUB_ACTIONS", "true", "GITHUB_RUN_ID", "77", "GITHUB_SHA", "c0ffee",
          "GITHUB_REF_NAME", "feature/x", "GITHUB_STEP_SUMMARY", summary.toString()),
          PromptFixtures.Summaries.class);

      // THEN report.json
      Report report = ReportJson.read(dir.resolve("evals4j/report.json"));
      assertThat(report.run().runId()).isEqualTo("github-77");
      assertThat(report.run().commit()).isEqualTo("c0ffee");
      assertThat(report.run().branch()).isEqualTo("feature/x");
      assertThat(report.run().ci()).isEqualTo("github-actions");
      JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(dir.resolve("evals4j/report.json").toFile());
      assertThat(com.networknt.schema.SchemaRegistry.withDefaultDialect(
              com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
          .getSchema(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ReportJson.schema()))
          .validate(json)).as("report.json against its shipped schema").isEmpty();
      assertThat(report.run().pricesAsOf()).isEqualTo("2026-10-24");
      assertThat(report.prompts()).extracting(p -> p.prompt().label())
          .containsExactly("summarize@v1/gpt-4o-mini", "summarize@v2/gpt-4o-mini");
      PromptStats v1 = prompt(report, "v1");
      assertThat(v1.cases()).isEqualTo(4);
      assertThat(v1.runs()).isEqualTo(8);
      assertThat(v1.passedRuns()).isEqualTo(5);
      assertThat(v1.passRate()).isEqualTo(0.625);
      // Wilson 95 % for 5/8, by hand: (0.625 + z²/16 ± z·sqrt(0.625·0.375/8 + z²/256)) / (1 + z²/8)
      assertThat(v1.passRateInterval().lower()).isCloseTo(0.3057, within(1e-4));
      assertThat(v1.passRateInterval().upper()).isCloseTo(0.8632, within(1e-4));
      // 8 calls × (1,000 × $0.15 + 200 × $0.60) / 1M = $0.00216; per case $0.00054
      assertThat(v1.applicationCost().totalUsd().getAsDouble()).isCloseTo(0.00216, within(1e-12));
      assertThat(v1.applicationCost().perCaseUsd().getAsDouble()).isCloseTo(0.00054, within(1e-12));
      assertThat(v1.tokens().inputTokens()).isEqualTo(8000);
      assertThat(v1.tokens().outputTokens()).isEqualTo(1600);
      assertThat(v1.latency().count()).isEqualTo(8);
      assertThat(v1.latency().p95Ms()).isCloseTo(200, within(2.0));
      // repeats: pass@1 = (1+1+0+½)/4, pass@2 = (1+1+0+1)/4, pass^2 = (1+1+0+0)/4; c4 unstable
      assertThat(v1.repeats().maxRepeats()).isEqualTo(2);
      assertThat(v1.repeats().passAtK()).containsExactly(0.625, 0.75);
      assertThat(v1.repeats().passHatK().get(1)).isEqualTo(0.5);
      assertThat(v1.repeats().unstableCaseIds()).containsExactly("c4");
      assertThat(v1.checks()).extracting(c -> c.name())
          .containsExactly("answer.correct", "test.outcome");
      assertThat(v1.examples()).extracting(e -> e.caseId()).containsOnly("c3", "c4");
      PromptStats v2 = prompt(report, "v2");
      assertThat(v2.runs()).isEqualTo(8);
      assertThat(v2.passRate()).isEqualTo(1.0);
      // v2 vs v1, paired on the same cases, 2 runs each: per-case differences in runs 0, 0, +2
      // (c3), +1 (c4); T = 3, and of the 4 sign patterns of (2, 1) two reach |T| = 3: mid-p =
      // 2/4 · ½ = 0.25: not significant
      assertThat(report.comparisons()).singleElement().satisfies(c -> {
        assertThat(c.test()).isEqualTo("sign-flip-mid-p");
        assertThat(c.pValue()).isCloseTo(0.25, within(1e-9));
        assertThat(c.verdict()).isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(c.passRateDelta()).isEqualTo(0.375);
      });
      // default gates: v1's 62.5 % < 90 % fails; cost $0.00216 ≤ $0.10 passes
      assertThat(report.gates()).filteredOn(GateResult::failed).singleElement().satisfies(g -> {
        assertThat(g.prompt().version()).isEqualTo("v1");
        assertThat(g.metric()).isEqualTo("min-pass-rate");
        assertThat(g.value()).isEqualTo("62.5 %");
      });
      assertThat(report.gates()).filteredOn(g -> g.prompt().version().equals("v2"))
          .extracting(GateResult::status).doesNotContain(GateStatus.FAILED);

      // THEN the other outputs, the step summary and the console
      assertThat(dir.resolve("evals4j/report.md")).content().contains("summarize");
      assertThat(dir.resolve("evals4j/report.html")).content().contains("<svg");
      // the step summary is the same Markdown, but for the lines that quote case c3's secrets:
      // those are scrubbed there (GitHub publishes it) and kept in the local file
      List<String> local = Files.readString(dir.resolve("evals4j/report.md")).lines().toList();
      List<String> published = Files.readString(summary).lines().toList();
      assertThat(published).hasSize(local.size() + 1);
      for (int i = 0; i < local.size(); i++) {
        String line = local.get(i);
        if (PromptFixtures.SECRETS.stream().anyMatch(line::contains)) {
          assertThat(published.get(i)).doesNotContain(PromptFixtures.SECRETS.toArray(new String[0]))
              .containsAnyOf("[email&#93;", "\\[email\\]");
        } else {
          assertThat(published.get(i)).isEqualTo(line);
        }
      }
      assertThat(local).anyMatch(l -> l.contains("ann.lee@example.com"));
      assertThat(err.all()).contains("[evals4j] summarize  v1", "62.5 % [30.6 %, 86.3 %]",
          "GATE FAILED summarize@v1/gpt-4o-mini: min-pass-rate failed: pass rate 62.5 % < 90.0 %");
    }
  }

  @Test
  void should_fail_the_check_command_on_a_failed_gate_and_pass_it_otherwise() {
    try (StdErr ignored = StdErr.capture()) {
      // GIVEN a run with default gates (v1 fails) and one with a lower bar
      run(Map.of(), Map.of(), PromptFixtures.Summaries.class);
      Path failing = dir.resolve("evals4j/report.json");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();

      // WHEN
      int code = ReportCli.run(new String[] {"check", failing.toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of());

      // THEN
      assertThat(code).isEqualTo(ReportCli.REGRESSION);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains(
          "evals4j gate failed: summarize@v1/gpt-4o-mini: min-pass-rate failed: pass rate 62.5 % < 90.0 %",
          "1 of ");

      // WHEN the bar is lowered for this prompt
      run(Map.of("evals4j.gate.summarize.min-pass-rate", "0.6"), Map.of(),
          PromptFixtures.Summaries.class);
      ByteArrayOutputStream out2 = new ByteArrayOutputStream();
      int passing = ReportCli.run(new String[] {"check", failing.toString()},
          new PrintStream(out2, true, StandardCharsets.UTF_8),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(),
          Map.of());

      // THEN
      assertThat(passing).isZero();
      assertThat(out2.toString(StandardCharsets.UTF_8)).contains("judged gates passed");
      assertThat(ReportCli.run(new String[] {"check", dir.resolve("missing.json").toString()},
          new PrintStream(out), new PrintStream(err), Map.of(), Map.of()))
          .isEqualTo(ReportCli.USAGE);
    }
  }

  @Test
  void should_list_a_case_that_regressed_against_the_baseline() {
    try (StdErr ignored = StdErr.capture()) {
      // GIVEN a baseline where v1 passed everything (v2's run, approved as v1's baseline)
      run(Map.of(), Map.of(), PromptFixtures.Summaries.class);
      Report first = ReportJson.read(dir.resolve("evals4j/report.json"));
      PromptStats v2 = prompt(first, "v2");
      PromptStats asV1 = new PromptStats(prompt(first, "v1").prompt(), v2.cases(), v2.runs(),
          v2.passedRuns(), v2.passRate(), v2.passRateInterval(), v2.checks(), v2.hallucination(),
          v2.specificity(), v2.qualityScore(), v2.latency(), v2.tokens(), v2.applicationCost(),
          v2.judgeCost(), v2.repeats(), v2.caseOutcomes(), v2.casesTruncated(), v2.examples(), v2.failedResults());
      Path baseline = dir.resolve("baseline.json");
      writeReport(baseline, new Report(first.schemaVersion(), first.run(), List.of(asV1),
          List.of(), List.of(), List.of(), List.of()));

      // WHEN
      run(Map.of("evals4j.baseline", baseline.toString()), Map.of(),
          PromptFixtures.Summaries.class);

      // THEN c3 (and c4, passing only half) now fail where the baseline passed
      Report report = ReportJson.read(dir.resolve("evals4j/report.json"));
      assertThat(report.baselineComparisons()).singleElement().satisfies((Comparison c) ->
          assertThat(c.regressions()).extracting(r -> r.caseId()).containsExactlyInAnyOrder("c3", "c4"));
      assertThat(report.gates()).filteredOn(g -> g.metric().equals("no-regression")
          && g.prompt().version().equals("v1")).singleElement().satisfies(g -> {
            assertThat(g.status()).isEqualTo(GateStatus.FAILED);
            assertThat(g.baseline()).isEqualTo("pass rate 100.0 %");
          });
    }
  }

  private static void writeReport(Path file, Report report) {
    try {
      io.github.evals4j.report.AtomicFiles.write(file, ReportJson.toJson(report));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void should_attribute_every_test_by_annotation_runtime_call_argument_and_repeat() {
    // WHEN
    CollectorsAndSessionTest.Remembering records =
        run(Map.of(), Map.of(), PromptFixtures.Attributed.class);

    // THEN
    Map<String, List<String>> byTest = new HashMap<>();
    for (TestRecord r : records.records) {
      Attribution a = r.attribution();
      byTest.computeIfAbsent(r.name(), k -> new java.util.ArrayList<>())
          .add(a.prompt().label() + " " + a.caseId() + " #" + a.repeat());
    }
    assertThat(byTest.get("PromptFixtures.Attributed.fromClass"))
        .containsExactly("classify@v1 PromptFixtures.Attributed.fromClass #0");
    assertThat(byTest.get("PromptFixtures.Attributed.fromMethod"))
        .containsExactly("classify@v3/claude-sonnet-4 PromptFixtures.Attributed.fromMethod #0");
    assertThat(byTest.get("PromptFixtures.Attributed.atRunTime"))
        .containsExactly("classify@v2/gpt-4o case-42 #0");
    assertThat(byTest.get("PromptFixtures.Attributed.repeated")).containsExactlyInAnyOrder(
        "classify@v1 PromptFixtures.Attributed.repeated #0",
        "classify@v1 PromptFixtures.Attributed.repeated #1",
        "classify@v1 PromptFixtures.Attributed.repeated #2");
    assertThat(byTest.get("PromptFixtures.Attributed.byArgument")).containsExactlyInAnyOrder(
        "classify@v1/gpt-4o-mini k1 #0", "classify@v1/gpt-4o k1 #0");
    assertThat(byTest.get("PromptFixtures.Attributed.byPlainArguments")).containsExactlyInAnyOrder(
        "classify@v1/gpt-4o refund #0", "classify@v1/gpt-4o shipping #0",
        "classify@v2/gpt-4o refund #0", "classify@v2/gpt-4o shipping #0");
    assertThat(byTest.get("PromptFixtures.Attributed.Inner.inherited"))
        .containsExactly("classify@v1 PromptFixtures.Attributed.Inner.inherited #0");
  }

  @Test
  void should_report_informational_checks_without_failing_runs() {
    try (StdErr ignored = StdErr.capture()) {
      // WHEN "tone" fails every run but is informational
      run(Map.of("evals4j.checks.informational", "tone, other"), Map.of(),
          PromptFixtures.WithTone.class);
      PromptStats informational = ReportJson.read(dir.resolve("evals4j/report.json")).prompts().get(0);
      // WHEN it is not
      run(Map.of(), Map.of(), PromptFixtures.WithTone.class);
      PromptStats gating = ReportJson.read(dir.resolve("evals4j/report.json")).prompts().get(0);

      // THEN
      assertThat(informational.runs()).isEqualTo(4);
      assertThat(informational.passRate()).isEqualTo(1.0);
      assertThat(informational.checks()).filteredOn(c -> c.name().equals("tone")).singleElement()
          .satisfies(c -> {
            assertThat(c.informational()).isTrue();
            assertThat(c.passed()).isZero();
          });
      assertThat(gating.passRate()).isZero();
    }
  }

  @Test
  void should_give_the_same_numbers_when_tests_run_in_parallel() {
    try (StdErr ignored = StdErr.capture()) {
      // WHEN
      run(Map.of("junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.default", "concurrent",
          "junit.jupiter.execution.parallel.config.strategy", "fixed",
          "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"), Map.of(),
          PromptFixtures.Summaries.class);

      // THEN
      Report report = ReportJson.read(dir.resolve("evals4j/report.json"));
      PromptStats v1 = prompt(report, "v1");
      assertThat(v1.runs()).isEqualTo(8);
      assertThat(v1.passedRuns()).isEqualTo(5);
      assertThat(v1.caseOutcomes()).extracting(c -> c.id() + " " + c.passed() + "/" + c.runs())
          .containsExactlyInAnyOrder("c1 2/2", "c2 2/2", "c3 0/2", "c4 1/2");
      assertThat(v1.tokens().calls()).isEqualTo(8);
      assertThat(prompt(report, "v2").passedRuns()).isEqualTo(8);
    }
  }

  @Test
  void should_report_an_unknown_model_cost_as_unknown_and_price_it_from_a_prices_file()
      throws Exception {
    try (StdErr ignored = StdErr.capture()) {
      // WHEN the model is not in the bundled table
      run(Map.of(), Map.of(), PromptFixtures.UnknownModel.class);
      Report unknown = ReportJson.read(dir.resolve("evals4j/report.json"));

      // THEN its cost is unknown, not 0, and so is the cost gate
      assertThat(unknown.prompts().get(0).applicationCost().totalUsd()).isEmpty();
      assertThat(unknown.prompts().get(0).applicationCost().unpricedModels())
          .containsExactly("acme-llm-7");
      assertThat(unknown.gates()).filteredOn(g -> g.metric().equals("max-cost-per-run"))
          .singleElement().extracting(GateResult::status).isEqualTo(GateStatus.UNKNOWN);

      // WHEN a prices file names it: $1 per M input, $2 per M output
      Path prices = dir.resolve("prices.csv");
      Files.writeString(prices, "model,provider,input,cached_input,output\nacme-llm-7,acme,1.0,,2.0\n");
      run(Map.of("evals4j.price-file", prices.toString()), Map.of(),
          PromptFixtures.UnknownModel.class);
      Report priced = ReportJson.read(dir.resolve("evals4j/report.json"));

      // THEN 2 calls × (1M × $1 + 0.5M × $2) = $4, over the $0.10 default: the gate fails
      assertThat(priced.prompts().get(0).applicationCost().totalUsd().getAsDouble())
          .isCloseTo(4.0, within(1e-9));
      assertThat(priced.gates()).filteredOn(g -> g.metric().equals("max-cost-per-run"))
          .singleElement().satisfies(g -> {
            assertThat(g.status()).isEqualTo(GateStatus.FAILED);
            assertThat(g.value()).isEqualTo("$4.00");
          });
      assertThat(priced.run().priceSources()).contains("prices.csv");
    }
  }

  @Test
  void should_write_a_broken_report_naming_a_malformed_gate_key() {
    try (StdErr err = StdErr.capture()) {
      // WHEN
      run(Map.of("evals4j.gate.summarize.min-pass-rate", "ninety"), Map.of(),
          PromptFixtures.Summaries.class);

      // THEN the report says why it has no figures (and check fails on it: VerdictTest)
      Report broken = ReportJson.read(dir.resolve("evals4j/report.json"));
      assertThat(broken.broken()).isTrue();
      assertThat(broken.prompts()).isEmpty();
      assertThat(broken.error()).contains("the run report could not be built:",
          "evals4j.gate.summarize.min-pass-rate", "ninety");
      assertThat(err.all()).contains("[evals4j] the run has no verdict: the run report could not be built:",
          "evals4j.gate.summarize.min-pass-rate", "ninety");
    }
  }

  @Test
  void should_repeat_every_dataset_case_by_the_repeats_parameter() {
    try (StdErr ignored = StdErr.capture()) {
      // WHEN the annotation says 2 and the parameter 3: the annotation wins
      CollectorsAndSessionTest.Remembering records = run(Map.of("evals4j.repeats", "3"), Map.of(),
          PromptFixtures.Repeats.class);

      // THEN
      assertThat(records.records).filteredOn(r -> r.name().endsWith(".byParameter"))
          .extracting(r -> r.attribution().caseId() + "#" + r.attribution().repeat())
          .containsExactlyInAnyOrder("c1#0", "c1#1", "c1#2", "c2#0", "c2#1", "c2#2");
      assertThat(records.records).filteredOn(r -> r.name().endsWith(".byAnnotation"))
          .extracting(r -> r.attribution().caseId() + "#" + r.attribution().repeat())
          .containsExactlyInAnyOrder("c1#0", "c1#1", "c2#0", "c2#1");
    }
  }

  @Test
  void should_take_gates_from_the_annotation_unless_a_property_sets_them() {
    try (StdErr ignored = StdErr.capture()) {
      // WHEN the annotation lowers the bar to 60 %
      run(Map.of(), Map.of(), PromptFixtures.GatedSummaries.class);
      Report annotated = ReportJson.read(dir.resolve("evals4j/report.json"));
      // WHEN a property of the same key (the annotation's gates are those of its version) raises it
      run(Map.of("evals4j.gate.summarize@v1.min-pass-rate", "0.95"), Map.of(),
          PromptFixtures.GatedSummaries.class);
      Report property = ReportJson.read(dir.resolve("evals4j/report.json"));

      // THEN
      assertThat(annotated.gates()).filteredOn(g -> g.metric().equals("min-pass-rate")
          && g.prompt().version().equals("v1")).singleElement().satisfies(g -> {
            assertThat(g.status()).isEqualTo(GateStatus.PASSED);
            assertThat(g.threshold()).isEqualTo("≥ 60.0 %");
          });
      assertThat(property.gates()).filteredOn(g -> g.metric().equals("min-pass-rate")
          && g.prompt().version().equals("v1")).singleElement().satisfies(g -> {
            assertThat(g.status()).isEqualTo(GateStatus.FAILED);
            assertThat(g.threshold()).isEqualTo("≥ 95.0 %");
          });
    }
  }

  @Test
  void should_fail_a_test_whose_annotation_declares_an_unknown_gate() {
    try (StdErr ignored = StdErr.capture()) {
      // WHEN
      run(1, Map.of(), Map.of(), PromptFixtures.BadGate.class);

      // THEN
      assertThat(failures).singleElement().asString().contains(
          "@Prompt(id = \"broken\", version = \"v1\", gates = \"min-pass=0.5\")",
          "PromptFixtures$BadGate", "unknown gate 'min-pass'; closest gate: 'min-pass-rate'",
          "allowed: min-pass-rate");
    }
  }

  @Test
  void should_write_no_report_but_mark_the_run_empty_when_no_test_is_attributed_to_a_prompt() {
    try (StdErr ignored = StdErr.capture()) {
      // WHEN
      run(Map.of(), Map.of(), PromptFixtures.Plain.class);

      // THEN
      assertThat(dir.resolve("evals4j/report.json")).doesNotExist();
      assertThat(LastRun.read(dir.resolve("evals4j"))).hasValueSatisfying(
          last -> assertThat(last.state()).isEqualTo(LastRun.State.EMPTY));
    }
  }
}
