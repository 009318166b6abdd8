package io.github.evals4j.compare;

import io.github.evals4j.aggregate.AggregationOptions;
import io.github.evals4j.aggregate.CostStats;
import io.github.evals4j.aggregate.LatencyStats;
import io.github.evals4j.aggregate.Mean;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.Rate;
import io.github.evals4j.aggregate.RepeatStats;
import io.github.evals4j.aggregate.TokenStats;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.DatasetFailure;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.Reports;
import io.github.evals4j.report.RunInfo;
import io.github.evals4j.report.Stopped;
import io.github.evals4j.stats.Proportions;
import io.github.evals4j.stats.QuantileSketch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
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

  /**
   * The merged report; run metadata: first start, last end, values shared by all shards. Every
   * figure derived from counts (pass rates, intervals, totals, latency quantiles, costs per case,
   * pass@k) is computed again from the shards' counts, never copied from a shard.
   *
   * @throws IllegalArgumentException when a shard is a broken run's report or cannot be merged
   *     with the others (e.g. latency sketches of another accuracy)
   */
  public static Report merge(List<Report> shards, Optional<Report> baseline, GateSettings gates) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= shards.size(); i++) {
      names.add("shard " + i);
    }
    return merge(shards, names, baseline, gates);
  }

  /** {@link #merge(List, Optional, GateSettings)} naming each shard (its file) in errors. */
  static Report merge(List<Report> shards, List<String> names, Optional<Report> baseline, GateSettings gates) {
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge: no report given");
    }
    AggregationOptions o = AggregationOptions.defaults();
    TreeMap<PromptRef, PromptStats> merged = new TreeMap<>();
    List<DatasetFailure> datasetFailures = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      Report r = shards.get(i);
      if (r.broken()) {
        throw new IllegalArgumentException(names.get(i) + " is the report of a broken run, it has nothing to merge: "
            + r.error());
      }
      for (int j = 0; j < r.prompts().size(); j++) {
        PromptStats s = r.prompts().get(j);
        // Merging into an empty start recomputes a shard's derived figures even when it is alone.
        PromptStats into = merged.getOrDefault(s.prompt(), empty(s));
        try {
          merged.put(s.prompt(), PromptStats.merge(into, s, o.maxExamples(), o.maxListedCases()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(names.get(i) + ": /prompts/" + j + " (" + s.prompt().label()
              + ") cannot be merged with the shards before it: " + e.getMessage(), e);
        }
      }
      for (DatasetFailure f : r.datasetFailures()) {
        if (!datasetFailures.contains(f)) {
          datasetFailures.add(f);
        }
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
    return Reports.build(run, new ArrayList<>(merged.values()), baseline, gates, datasetFailures)
        .withStopped(stopped(shards));
  }

  /** Nothing measured yet for {@code like}'s prompt version (its sketch's accuracy). */
  private static PromptStats empty(PromptStats like) {
    QuantileSketch.State sketch = new QuantileSketch(like.latency().sketch().relativeAccuracy()).state();
    CostStats noCost = new CostStats(0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(), List.of());
    return new PromptStats(like.prompt(), 0, 0, 0, 0, Proportions.wilson(0, 0), List.of(), Rate.NONE,
        Mean.NONE, Mean.NONE, new LatencyStats(0, 0, 0, 0, 0, 0, sketch), TokenStats.NONE, noCost, noCost,
        new RepeatStats(0, List.of(), List.of(), 0, List.of(), 0, 0), List.of(), false, List.of(), 0);
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
