package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.compare.ReportCli;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.junit.dataset.DatasetSource;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.report.LastRun;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The verdict of a whole run through the real Launcher (its session and execution listeners
 * included) and the {@code check} command: a run whose report cannot be built fails the check
 * instead of leaving the previous run's report to be judged, and a test whose dataset does not
 * load is in every report and fails its prompt version's gate.
 */
class VerdictRunTest {

  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());

  @TempDir Path dir;

  /** summarize@v3: four cases that pass; two more tests whose cases do not load. */
  @Evals4j
  @Prompt(id = "summarize", version = "v3", model = "gpt-4o-mini")
  static class Datasets {
    @ParameterizedTest
    @DatasetSource("datasets/summaries.jsonl")
    void loads(EvalCase c) {
      Checks.evaluate(Check.of("answer.correct", out -> CheckResult.of("answer.correct", true, List.of(), "")),
          "Summary: " + c.input("text"));
    }

    @ParameterizedTest
    @DatasetSource("datasets/broken.jsonl")
    void malformed(EvalCase c) {}

    @ParameterizedTest
    @DatasetSource(files = "no/such/dataset.jsonl")
    void missing(EvalCase c) {}
  }

  /** summarize@v3: four cases that pass, nothing else. */
  @Evals4j
  @Prompt(id = "summarize", version = "v3", model = "gpt-4o-mini")
  static class Passing {
    @ParameterizedTest
    @DatasetSource("datasets/summaries.jsonl")
    void loads(EvalCase c) {
      new Datasets().loads(c);
    }
  }

  /** classify@v1: its only test's dataset is malformed, so it has no figures at all. */
  @Evals4j
  @Prompt(id = "classify", version = "v1")
  static class OnlyBroken {
    @ParameterizedTest
    @DatasetSource("datasets/broken.jsonl")
    void tickets(EvalCase c) {}
  }

  private long run(Map<String, String> params, Class<?>... classes) {
    try (LauncherSession session = LauncherFactory.openSession()) {
      session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, Map.of());
      LauncherDiscoveryRequestBuilder request = request();
      for (Class<?> c : classes) {
        request.selectors(selectClass(c));
      }
      request.configurationParameter("evals4j.report.dir", dir.resolve("evals4j").toString());
      params.forEach(request::configurationParameter);
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      session.getLauncher().execute(request.build(), summary);
      return summary.getSummary().getTotalFailureCount();
    }
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int check(String... options) {
    out.reset();
    err.reset();
    String[] args = new String[options.length + 2];
    args[0] = "check";
    args[1] = dir.resolve("evals4j/report.json").toString();
    System.arraycopy(options, 0, args, 2, options.length);
    return ReportCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of());
  }

  @Test
  void should_fail_check_instead_of_judging_the_previous_report_when_this_run_cannot_build_its_report()
      throws Exception {
    try (StdErr ignored = StdErr.capture()) {
      // GIVEN a run whose report passes the check
      run(Map.of(), Passing.class);
      assertThat(check()).isZero();
      Files.delete(dir.resolve("evals4j/last-run.json")); // even without it: the report is replaced
      String previous = Files.readString(dir.resolve("evals4j/report.json"));
      // WHEN the next run's report cannot be built at its end (its baseline is not a report;
      // unknown keys are said at the start and no longer break the report)
      Path badBaseline = dir.resolve("bad-baseline.json");
      Files.writeString(badBaseline, "not a report");
      System.setProperty("evals4j.baseline", badBaseline.toString());
      try {
        run(Map.of(), Passing.class);
      } finally {
        System.clearProperty("evals4j.baseline");
      }
      // THEN the previous report is gone, replaced by the broken run's, and check says why
      assertThat(Files.readString(dir.resolve("evals4j/report.json"))).isNotEqualTo(previous);
      assertThat(check()).isEqualTo(ReportCli.USAGE);
      assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
          .startsWith("evals4j check: the run has no verdict, its report could not be built:"
              + " the run report could not be built: ")
          .contains("bad-baseline.json");
      assertThat(Files.readString(dir.resolve("evals4j/report.md"))).contains("This run has no verdict");
      assertThat(Files.readString(dir.resolve("evals4j/report.html"))).contains("This run has no verdict");
      assertSchemaValid(dir.resolve("evals4j/report.json"));
    }
  }

  @Test
  void should_mark_every_report_and_fail_the_gate_when_a_dataset_does_not_load() throws Exception {
    try (StdErr stderr = StdErr.capture()) {
      // WHEN
      long failedTests = run(Map.of(), Datasets.class, OnlyBroken.class);

      // THEN JUnit fails the three templates; the report knows which prompt lost its cases
      assertThat(failedTests).isEqualTo(3);
      Report report = ReportJson.read(dir.resolve("evals4j/report.json"));
      assertThat(report.prompts()).extracting(p -> p.prompt().label() + " " + p.runs())
          .containsExactly("summarize@v3/gpt-4o-mini 4");
      assertThat(report.datasetFailures()).extracting(f -> f.prompt().label() + " " + f.test())
          .containsExactlyInAnyOrder("summarize@v3/gpt-4o-mini VerdictRunTest.Datasets.malformed",
              "summarize@v3/gpt-4o-mini VerdictRunTest.Datasets.missing", "classify@v1 VerdictRunTest.OnlyBroken.tickets");
      assertThat(report.datasetFailures()).filteredOn(f -> f.test().endsWith(".malformed")).singleElement()
          .satisfies(f -> assertThat(f.message()).startsWith("malformed case at datasets/broken.jsonl:2"));
      assertThat(report.datasetFailures()).filteredOn(f -> f.test().endsWith(".missing")).singleElement()
          .satisfies(f -> assertThat(f.message()).startsWith("dataset file not found: ").endsWith("dataset.jsonl"));
      assertThat(report.gates()).filteredOn(GateResult::failed).extracting(g -> g.prompt().label() + " " + g.metric())
          .containsExactlyInAnyOrder("summarize@v3/gpt-4o-mini dataset", "summarize@v3/gpt-4o-mini dataset",
              "classify@v1 dataset");
      assertSchemaValid(dir.resolve("evals4j/report.json"));
      assertThat(Files.readString(dir.resolve("evals4j/report.md"))).contains("### Cases that did not load",
          "VerdictRunTest.OnlyBroken.tickets: malformed case at datasets/broken.jsonl:2");
      assertThat(Files.readString(dir.resolve("evals4j/report.html"))).contains("<ul id=\"dataset-failures\">",
          "VerdictRunTest.Datasets.missing: dataset file not found:");
      assertThat(stderr.all()).contains("[evals4j] GATE FAILED summarize@v3/gpt-4o-mini: dataset failed:"
          + " the cases of VerdictRunTest.Datasets.malformed did not load: malformed case at datasets/broken.jsonl:2");
      // and the build fails on it, one line per prompt version test whose cases did not load
      assertThat(check()).isEqualTo(ReportCli.REGRESSION);
      assertThat(err.toString(StandardCharsets.UTF_8).lines())
          .filteredOn(l -> l.startsWith("evals4j gate failed: ")).hasSize(3);
    }
  }

  @Test
  void should_judge_nothing_when_no_test_has_a_prompt() throws Exception {
    try (StdErr ignored = StdErr.capture()) {
      // GIVEN a run that reported, then a run of tests without any @Prompt
      run(Map.of(), Passing.class);
      assertThat(check()).isZero();
      run(Map.of(), PromptFixtures.Plain.class);
      // WHEN / THEN the earlier report is not this run's verdict
      assertThat(LastRun.read(dir.resolve("evals4j"))).hasValueSatisfying(
          l -> assertThat(l.state()).isEqualTo(LastRun.State.EMPTY));
      assertThat(check()).isEqualTo(ReportCli.REGRESSION);
      assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("evals4j check: nothing was judged: the run that started at ");
      assertThat(check("--allow-empty")).isZero();
    }
  }

  private static void assertSchemaValid(Path file) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode json = mapper.readTree(file.toFile());
    assertThat(com.networknt.schema.SchemaRegistry.withDefaultDialect(
            com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
        .getSchema(mapper.readTree(ReportJson.schema()))
        .validate(json)).as("report.json against its shipped schema").isEmpty();
  }
}
