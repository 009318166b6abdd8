package io.github.evals4j.compare;

import io.github.evals4j.aggregate.AggregationOptions;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.Reports;
import io.github.evals4j.report.RunInfo;
import io.github.evals4j.report.Stopped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the reports of CI shards into one: the statistics of the same prompt version add up
 * (counters, latency sketches, case outcomes), comparisons and gates are computed again on the
 * whole.
 *
 * <pre>{@code
 * Report all = ReportMerge.merge(List.of(shard1, shard2), Optional.empty(), GateSettings.defaults());
 * }</pre>
 */
public final class ReportMerge {

  private ReportMerge() {}

  /** The merged report; run metadata: first start, last end, values shared by all shards. */
  public static Report merge(List<Report> shards, Optional<Report> baseline, GateSettings gates) {
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge: no report given");
    }
    AggregationOptions o = AggregationOptions.defaults();
    TreeMap<PromptRef, PromptStats> merged = new TreeMap<>();
    for (Report r : shards) {
      for (PromptStats s : r.prompts()) {
        merged.merge(s.prompt(), s, (a, b) -> PromptStats.merge(a, b, o.maxExamples(), o.maxListedCases()));
      }
    }
    RunInfo first = shards.get(0).run();
    String start = first.startedAt();
    String end = first.endedAt();
    Set<String> sources = new LinkedHashSet<>();
    for (Report r : shards) {
      RunInfo run = r.run();
      if (!run.startedAt().isEmpty() && (start.isEmpty() || run.startedAt().compareTo(start) < 0)) {
        start = run.startedAt();
      }
      if (run.endedAt().compareTo(end) > 0) {
        end = run.endedAt();
      }
      sources.addAll(run.priceSources());
    }
    RunInfo run = new RunInfo(
        shared(shards, RunInfo::runId), shared(shards, RunInfo::commit), shared(shards, RunInfo::branch),
        first.ci(), start, end, shared(shards, RunInfo::pricesAsOf), new ArrayList<>(sources));
    return Reports.build(run, new ArrayList<>(merged.values()), baseline, gates)
        .withStopped(stopped(shards));
  }

  /** Skipped invocations per prompt version summed over the shards, their distinct reasons joined. */
  private static List<Stopped> stopped(List<Report> shards) {
    TreeMap<PromptRef, Stopped> out = new TreeMap<>();
    for (Report r : shards) {
      for (Stopped s : r.stopped()) {
        out.merge(s.prompt(), s, (a, b) -> new Stopped(a.prompt(), a.skipped() + b.skipped(),
            List.of(a.reason().split("; ")).contains(b.reason()) ? a.reason()
                : a.reason() + "; " + b.reason()));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String shared(List<Report> shards, java.util.function.Function<RunInfo, String> field) {
    Set<String> values = new LinkedHashSet<>();
    for (Report r : shards) {
      values.add(field.apply(r.run()));
    }
    return values.size() == 1 ? values.iterator().next() : String.join(",", values);
  }
}
