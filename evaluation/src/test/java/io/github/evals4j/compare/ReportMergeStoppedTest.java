package io.github.evals4j.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.Reports;
import io.github.evals4j.report.RunInfo;
import io.github.evals4j.report.Stopped;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Merged shards keep their skipped invocations: counts summed, distinct reasons joined. */
class ReportMergeStoppedTest {

  static final PromptRef P = new PromptRef("faq", "v1", "gpt-4o-mini");

  private static Report shard(String caseId, Stopped... stopped) {
    RunAggregator agg = new RunAggregator();
    agg.recordCheck(Attribution.of(P, caseId), CheckResult.of("ok", true, List.of(), ""));
    RunInfo run = new RunInfo("r1", "c0ffee", "main", "local", "", "", "", List.of());
    return Reports.build(run, agg.snapshot(), Optional.empty(), GateSettings.defaults())
        .withStopped(List.of(stopped));
  }

  @Test
  void should_sum_skipped_invocations_of_the_shards() {
    // GIVEN
    Report a = shard("c1", new Stopped(P, 3, "budget spent: $0.10 of $0.10"));
    Report b = shard("c2", new Stopped(P, 4, "budget spent: $0.10 of $0.10"));
    Report c = shard("c3", new Stopped(P, 1, "time budget spent: 600000 ms of 600000 ms"));
    Report d = shard("c4", new Stopped(P, 2, "budget spent: $0.10 of $0.10"));
    // WHEN
    Report merged = ReportMerge.merge(List.of(a, c, b, d), Optional.empty(), GateSettings.defaults());
    // THEN
    assertThat(merged.prompts().get(0).cases()).isEqualTo(4);
    assertThat(merged.stopped()).containsExactly(new Stopped(P, 10,
        "budget spent: $0.10 of $0.10; time budget spent: 600000 ms of 600000 ms"));
  }

  @Test
  void should_merge_reports_without_skipped_invocations_into_none() {
    // WHEN
    Report merged = ReportMerge.merge(List.of(shard("c1"), shard("c2")), Optional.empty(),
        GateSettings.defaults());
    // THEN
    assertThat(merged.stopped()).isEmpty();
  }
}
