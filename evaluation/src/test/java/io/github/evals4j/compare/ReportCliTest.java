package io.github.evals4j.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import io.github.evals4j.report.Reports;
import io.github.evals4j.report.RunInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCliTest {

  static final PromptRef P = new PromptRef("summarize", "v2", "gpt-4o-mini");

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Cases 0..n-1; the ones in {@code failing} fail; every call costs $0.00027 and takes 100 ms. */
  static RunAggregator run(int from, int to, Set<Integer> failing) {
    RunAggregator run = new RunAggregator();
    for (int i = from; i < to; i++) {
      Attribution at = Attribution.of(P, "case-" + i);
      run.recordCheck(at, CheckResult.of("json.valid", !failing.contains(i), List.of(), ""));
      run.recordCall(at, LlmCall.builder("openai", "gpt-4o-mini").inputTokens(1000).outputTokens(200)
          .latency(Duration.ofMillis(100)).build());
    }
    return run;
  }

  Path write(String name, RunAggregator run) throws Exception {
    Report r = Reports.build(new RunInfo("run-1", "abc", "main", "ci", "2026-11-23T17:00:00Z", "2026-11-23T17:01:00Z",
        "2025-10-31", List.of()), run.snapshot(), Optional.empty(), GateSettings.defaults());
    Path file = dir.resolve(name);
    Files.write(file, ReportJson.toJson(r));
    return file;
  }

  int cli(String... args) {
    return ReportCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of());
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void should_dispatch_sentry_provision_with_its_own_flags() {
    // --dry-run is a flag without a value, which the report commands' parser would refuse
    int code = cli("sentry-provision", "--org", "acme", "--project", "evals", "--prompts",
        "summarize", "--dry-run");

    assertThat(code).isZero();
    assertThat(stdout()).contains("POST /api/0/organizations/acme/projects/evals/detectors/",
        "would have 5 created");
  }

  @Test
  void should_exit_one_and_list_case_when_a_case_regressed() throws Exception {
    // GIVEN 20 cases; case-7 passed before and fails now
    Path base = write("base.json", run(0, 20, Set.of()));
    Path head = write("head.json", run(0, 20, Set.of(7)));
    // WHEN
    int code = cli("compare", base.toString(), head.toString(), "--out", dir.resolve("diff.md").toString());
    // THEN 100 % -> 95 %, McNemar mid-p(1, 0) = 2 · (½ − ½·½) = 0.5; Connor's paired n for 1
    // discordant case in 20: (1.96·√.05 + 0.8416·√(.05 − .0025))² / .0025 = 154.6 -> 155, 20 ran -> 135 more
    assertThat(code).isEqualTo(ReportCli.REGRESSION);
    assertThat(stdout()).contains("mean per-case pass rate").contains(
        "| summarize@v2/gpt-4o-mini | 100.0 % → 95.0 % | -5.0 pp | 20 paired | 0.500 (mcnemar-mid-p)"
            + " | not significant (~135 more cases) |")
        .contains("- case-7: passed 100.0 % of runs, now 0.0 %")
        .endsWith("**Regression found.**\n");
    assertThat(dir.resolve("diff.md")).hasContent(stdout());
  }

  @Test
  void should_list_fixed_case_beside_regressed_one_when_the_rate_does_not_move() throws Exception {
    // GIVEN case-12 failed before and passes now, case-5 passed before and fails now
    Path base = write("base.json", run(0, 20, Set.of(12)));
    Path head = write("head.json", run(0, 20, Set.of(5)));
    // WHEN
    int code = cli("compare", base.toString(), head.toString());
    // THEN +0.0 pp, McNemar mid-p(1, 1) = 1 − P(X = 1)/2 = 0.75, one regressed and one fixed
    assertThat(code).isEqualTo(ReportCli.REGRESSION);
    assertThat(stdout()).contains("| 95.0 % → 95.0 % | +0.0 pp | 20 paired | 0.750 (mcnemar-mid-p) |")
        .contains("| ❌ 1 | ✅ 1 |")
        .contains("**summarize@v2/gpt-4o-mini** regressed cases:\n\n- case-5: passed 100.0 % of runs, now 0.0 %\n")
        .contains("**summarize@v2/gpt-4o-mini** fixed cases:\n\n- case-12: passed 0.0 % of runs, now 100.0 %\n");
  }

  @Test
  void should_exit_zero_when_nothing_regressed() throws Exception {
    Path base = write("base.json", run(0, 20, Set.of(3)));
    Path head = write("head.json", run(0, 20, Set.of()));
    assertThat(cli("compare", base.toString(), head.toString())).isZero();
    assertThat(stdout()).contains("95.0 % → 100.0 % | +5.0 pp").endsWith("No regression.\n");
  }

  @Test
  void should_equal_one_run_when_shards_are_merged() throws Exception {
    // GIVEN two shards of 10 cases each and the same 20 cases in one run
    Path s1 = write("s1.json", run(0, 10, Set.of(2)));
    Path s2 = write("s2.json", run(10, 20, Set.of(15)));
    Report whole = ReportJson.read(write("whole.json", run(0, 20, Set.of(2, 15))));
    // WHEN
    int code = cli("merge", "--out", dir.resolve("merged").toString(), s1.toString(), s2.toString());
    // THEN 18/20 = 90 % passes the default gate; cost 20 × $0.00027 = $0.0054 < $0.10
    assertThat(code).isZero();
    Report merged = ReportJson.read(dir.resolve("merged/report.json"));
    assertThat(merged.prompts()).hasSize(1);
    assertThat(merged.prompts().get(0).runs()).isEqualTo(20);
    assertThat(merged.prompts().get(0).passedRuns()).isEqualTo(18);
    assertThat(merged.prompts().get(0).passRateInterval()).isEqualTo(whole.prompts().get(0).passRateInterval());
    assertThat(merged.prompts().get(0).latency()).isEqualTo(whole.prompts().get(0).latency());
    assertThat(merged.prompts().get(0).applicationCost().totalUsd().getAsDouble())
        .isCloseTo(0.0054, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(merged.gates()).isEqualTo(whole.gates());
    assertThat(dir.resolve("merged/report.md")).exists();
    assertThat(dir.resolve("merged/report.html")).exists();
    assertThat(stdout()).contains("summarize  v2       gpt-4o-mini  20  90.0 % [69.9 %, 97.2 %]");
  }

  @Test
  void should_exit_one_when_merged_gate_fails() throws Exception {
    Path s1 = write("s1.json", run(0, 10, Set.of(1, 2, 3)));
    Path s2 = write("s2.json", run(10, 20, Set.of()));
    assertThat(cli("merge", "--out", dir.resolve("m").toString(), s1.toString(), s2.toString())).isEqualTo(1);
    assertThat(stdout()).contains("GATE FAILED summarize@v2/gpt-4o-mini: min-pass-rate failed: pass rate 85.0 % < 90.0 %");
  }

  @Test
  void should_copy_report_over_baseline_when_approved() throws Exception {
    Path report = write("report.json", run(0, 3, Set.of()));
    Path baseline = dir.resolve("baselines/evals4j-baseline.json");
    assertThat(cli("approve", report.toString(), baseline.toString())).isZero();
    assertThat(baseline).hasSameBinaryContentAs(report);
  }

  @Test
  void should_exit_two_with_usage_when_input_is_wrong() throws Exception {
    Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": 1, \"run\": 5}");
    assertThat(cli()).isEqualTo(ReportCli.USAGE);
    assertThat(cli("frobnicate")).isEqualTo(ReportCli.USAGE);
    assertThat(cli("compare", "only-one.json")).isEqualTo(ReportCli.USAGE);
    assertThat(cli("compare", "missing.json", "missing2.json")).isEqualTo(ReportCli.USAGE);
    assertThat(cli("compare", dir.resolve("bad.json").toString(), dir.resolve("bad.json").toString()))
        .isEqualTo(ReportCli.USAGE);
    assertThat(cli("merge", "--out")).isEqualTo(ReportCli.USAGE);
    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(errors).contains("evals4j: unknown command 'frobnicate'")
        .contains("no such report file: missing.json")
        .contains("bad.json: /run: found an integer where an object is expected")
        .contains("usage: evals4j compare");
  }

  /** A case id from a dataset: a secret, a URL, a mention, a screen-clearing escape, new lines with workflow commands. */
  static final String HOSTILE_ID = "DB_PASSWORD=CorrectHorse42 see https://evil.example @octocat"
      + " \u001B[2J\n::add-mask::x\r\n::error::pwned";

  @Test
  void should_print_a_regressed_case_id_scrubbed_escaped_and_on_one_line_in_the_diff() throws Exception {
    // GIVEN the hostile case passed in the baseline and fails now
    RunAggregator before = new RunAggregator();
    RunAggregator after = new RunAggregator();
    for (int i = 0; i < 5; i++) {
      String id = i == 0 ? HOSTILE_ID : "case-" + i;
      before.recordCheck(Attribution.of(P, id), CheckResult.of("json.valid", true, List.of(), ""));
      after.recordCheck(Attribution.of(P, id), CheckResult.of("json.valid", i != 0, List.of(), ""));
    }

    // WHEN
    int code = cli("compare", write("base.json", before).toString(), write("head.json", after).toString(),
        "--out", dir.resolve("diff.md").toString());

    // THEN the diff (a pull request comment) shows the case, with nothing it could do
    assertThat(code).isEqualTo(ReportCli.REGRESSION);
    assertThat(stdout()).doesNotContain("CorrectHorse42", "https://evil", "@octocat", "\u001B", "\r")
        .contains("- DB\\_PASSWORD=\\[redacted\\] see https:&#8203;//evil.example @&#8203;octocat \\\\u001B\\[2J"
            + " \\\\u003A:add-mask::x \\\\u003A:error::pwned: passed 100.0 % of runs, now 0.0 %");
    assertThat(stdout().lines()).noneMatch(l -> l.stripLeading().startsWith("::"));
  }

  @Test
  void should_print_each_failed_gate_of_an_untrusted_report_scrubbed_on_one_line() throws Exception {
    // GIVEN a report file (a CI shard's, say) whose failed gate line quotes the hostile case id
    Path file = write("report.json", run(0, 10, Set.of(1, 2, 3)));
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
    for (com.fasterxml.jackson.databind.JsonNode gate : tree.path("gates")) {
      if (gate.path("status").asText().equalsIgnoreCase("failed")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) gate).put("message", "case '" + HOSTILE_ID + "' failed");
      }
    }
    json.writeValue(file.toFile(), tree);

    // WHEN
    int code = cli("check", file.toString());

    // THEN
    String printed = err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(ReportCli.REGRESSION);
    assertThat(printed).contains("evals4j gate failed: case 'DB_PASSWORD=[redacted] see https://evil.example"
        + " @octocat \\u001B[2J\\n::add-mask::x\\r\\n::error::pwned' failed")
        .doesNotContain("CorrectHorse42", "\u001B", "\r");
    assertThat(printed.lines()).noneMatch(l -> l.stripLeading().startsWith("::"));
  }
}
