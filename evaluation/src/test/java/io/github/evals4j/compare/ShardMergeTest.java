package io.github.evals4j.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.aggregate.LatencyStats;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.report.DatasetFailure;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import io.github.evals4j.report.Reports;
import io.github.evals4j.report.RunInfo;
import io.github.evals4j.stats.QuantileSketch;
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

/** {@code merge} on shards that cannot be merged, and on shards that lost cases. */
class ShardMergeTest {

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  static final RunInfo RUN = new RunInfo("run-1", "abc", "main", "ci", "2026-11-23T17:00:00Z",
      "2026-11-23T17:01:00Z", "2025-10-31", List.of());

  Path write(String name, Report r) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, ReportJson.toJson(r));
    return file;
  }

  int merge(Path... shards) {
    String[] args = new String[shards.length + 3];
    args[0] = "merge";
    args[1] = "--out";
    args[2] = dir.resolve("merged").toString();
    for (int i = 0; i < shards.length; i++) {
      args[i + 3] = shards[i].toString();
    }
    return ReportCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of());
  }

  @Test
  void should_name_the_shard_whose_latency_sketch_has_another_accuracy() throws Exception {
    // GIVEN shard 2's latencies were sketched at 2 % (consistent in itself), shard 1's at 1 %
    Path s1 = write("s1.json", Reports.build(RUN, ReportCliTest.run(0, 10, Set.of()).snapshot(),
        Optional.empty(), GateSettings.defaults()));
    PromptStats p = ReportCliTest.run(10, 20, Set.of()).snapshot().get(0);
    QuantileSketch coarse = new QuantileSketch(0.02);
    for (int i = 0; i < 10; i++) {
      coarse.add(100);
    }
    PromptStats other = new PromptStats(p.prompt(), p.cases(), p.runs(), p.passedRuns(), p.passRate(),
        p.passRateInterval(), p.checks(), p.hallucination(), p.specificity(), p.qualityScore(),
        new LatencyStats(10, coarse.mean(), coarse.quantile(0.5), coarse.quantile(0.95), coarse.quantile(0.99),
            coarse.max(), coarse.state()),
        p.tokens(), p.applicationCost(), p.judgeCost(), p.repeats(), p.caseOutcomes(), p.casesTruncated(),
        p.examples(), p.failedResults());
    Path s2 = write("s2.json", Reports.build(RUN, List.of(other), Optional.empty(), GateSettings.defaults()));
    // WHEN
    int code = merge(s1, s2);
    // THEN
    assertThat(code).isEqualTo(ReportCli.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly("evals4j merge: " + s2
        + ": /prompts/0 (summarize@v2/gpt-4o-mini) cannot be merged with the shards before it:"
        + " cannot merge sketches of accuracy 0.01 and 0.02");
    assertThat(dir.resolve("merged")).doesNotExist();
  }

  @Test
  void should_keep_every_shards_dataset_failures_and_fail_their_gates() throws Exception {
    // GIVEN shard 2 could not load one test's cases
    Path s1 = write("s1.json", Reports.build(RUN, ReportCliTest.run(0, 10, Set.of()).snapshot(),
        Optional.empty(), GateSettings.defaults()));
    DatasetFailure lost = new DatasetFailure(ReportCliTest.P, "SummaryEval.part2",
        "dataset file not found: /ci/part2.jsonl");
    Path s2 = write("s2.json", Reports.build(RUN, ReportCliTest.run(10, 20, Set.of()).snapshot(),
        Optional.empty(), GateSettings.defaults(), List.of(lost)));
    // WHEN
    int code = merge(s1, s2);
    // THEN the merged 20 runs pass every threshold, and still the version fails
    assertThat(code).isEqualTo(ReportCli.REGRESSION);
    Report merged = ReportJson.read(dir.resolve("merged/report.json"));
    assertThat(merged.prompts().get(0).runs()).isEqualTo(20);
    assertThat(merged.datasetFailures()).containsExactly(lost);
    assertThat(merged.gates()).filteredOn(g -> g.failed()).extracting(g -> g.metric()).containsExactly("dataset");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(
        "GATE FAILED summarize@v2/gpt-4o-mini: dataset failed: the cases of SummaryEval.part2 did not load");
  }
}
