package io.github.evals4j.junit.reporting;

import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.config.ConfigKeys;
import io.github.evals4j.gate.Format;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.Stopped;
import io.github.evals4j.stats.EarlyStopping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What each prompt version of the running run has done so far (runs, passes, cost, time), and
 * whether its remaining invocations should be skipped: its pass-rate gate is statistically settled
 * ({@code evals4j.early-stop=true}) or its cost or time budget is spent. One test invocation
 * attributed to a prompt version counts as one run here.
 *
 * <p>Run-scoped: held by the run's {@link ReportCollector}, which {@link EarlyStop} finds in the
 * launcher session's store (no static state, so nested or parallel sessions never mix).
 */
final class LiveRuns {

  static final String EARLY_STOP = ConfigKeys.EARLY_STOP.name();
  static final String BUDGET = ConfigKeys.BUDGET_PREFIX;
  static final String MAX_COST = ConfigKeys.BUDGET_MAX_COST_USD.leaf();
  static final String MAX_DURATION = ConfigKeys.BUDGET_MAX_DURATION.leaf();

  private final Function<String, Optional<String>> parameters;
  private final Function<PromptRef, GateSettings> gates;
  private final boolean earlyStop;
  private final Clock clock;
  private final Map<String, Version> versions = new ConcurrentHashMap<>();
  private final Map<String, Limits> limits = new ConcurrentHashMap<>();

  LiveRuns(Function<String, Optional<String>> parameters,
      Function<PromptRef, GateSettings> gates, Clock clock) {
    this.parameters = parameters;
    this.gates = gates;
    this.clock = clock;
    this.earlyStop = parameters.apply(EARLY_STOP).map(String::strip).filter(v -> !v.isEmpty())
        .map(v -> {
          if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
          }
          throw new IllegalArgumentException("configuration parameter '" + EARLY_STOP
              + "' has the value '" + v + "'; allowed: true or false");
        }).orElse(false);
  }

  /** Why the next invocation of {@code prompt} should not run, if it should not. */
  Optional<String> stopReason(PromptRef prompt) {
    Version v = version(prompt);
    String reason = v.stopReason;
    if (reason == null) {
      reason = decide(prompt, v);
      if (reason != null) {
        v.stopReason = reason;
      }
    }
    return Optional.ofNullable(reason);
  }

  /** Counts an invocation skipped for {@code reason}. */
  void skipped(PromptRef prompt) {
    Version v = version(prompt);
    synchronized (v) {
      v.skipped++;
    }
  }

  /** Counts a finished invocation: whether it passed and what its calls cost (NaN: unknown). */
  void finished(PromptRef prompt, boolean passed, double costUsd) {
    Version v = version(prompt);
    synchronized (v) {
      v.runs++;
      if (passed) {
        v.passed++;
      }
      v.costUsd += Double.isNaN(costUsd) ? 0 : costUsd;
    }
  }

  /** The prompt versions with skipped invocations, matched with the report's prompt refs. */
  List<Stopped> stopped(List<PromptStats> stats) {
    List<Stopped> out = new ArrayList<>();
    for (PromptStats s : stats) {
      Version v = versions.get(s.prompt().label());
      if (v != null && v.skipped > 0) {
        out.add(new Stopped(s.prompt(), v.skipped, v.stopReason));
      }
    }
    return out;
  }

  private Version version(PromptRef prompt) {
    return versions.computeIfAbsent(prompt.label(), k -> new Version(clock.instant()));
  }

  private String decide(PromptRef prompt, Version v) {
    Limits l = limits.computeIfAbsent(prompt.label(), k -> limits(prompt));
    long runs;
    long passed;
    double cost;
    synchronized (v) {
      runs = v.runs;
      passed = v.passed;
      cost = v.costUsd;
    }
    if (l.maxCostUsd.isPresent() && cost >= l.maxCostUsd.getAsDouble()) {
      return "budget spent: " + Format.usd(cost) + " of " + Format.usd(l.maxCostUsd.getAsDouble());
    }
    if (l.maxDuration != null && runs > 0) {
      Duration spent = Duration.between(v.start, clock.instant());
      if (spent.compareTo(l.maxDuration) >= 0) {
        return "time budget spent: " + spent.toMillis() + " ms of " + l.maxDuration.toMillis() + " ms";
      }
    }
    if (earlyStop && l.minPassRate.isPresent()) {
      double min = l.minPassRate.getAsDouble();
      EarlyStopping.Verdict verdict = EarlyStopping.passRate(passed, runs, min);
      if (verdict != EarlyStopping.Verdict.UNSETTLED) {
        return String.format(Locale.ROOT,
            "stopped early: pass rate settled %s %.2f (p<0.001) after %d of %d runs passed",
            verdict == EarlyStopping.Verdict.PASSES ? "above" : "below", min, passed, runs);
      }
    }
    return null;
  }

  /** A reference version is not gated, so its pass rate never settles a verdict; budgets still apply. */
  private Limits limits(PromptRef prompt) {
    String id = prompt.id();
    OptionalDouble min = OptionalDouble.empty();
    if (earlyStop) {
      GateSettings g = gates.apply(prompt);
      if (!g.reference(id).filter(prompt.version()::equals).isPresent()) {
        min = g.forVersion(id, prompt.version()).minPassRate();
      }
    }
    return new Limits(number(id, MAX_COST), duration(id), min);
  }

  /** The value of the prompt's budget key, else the run-wide one; and which key it came from. */
  private Optional<Map.Entry<String, String>> budget(String id, String key) {
    for (String k : List.of(BUDGET + id + "." + key, BUDGET + key)) {
      Optional<String> v = parameters.apply(k).map(String::strip).filter(s -> !s.isEmpty());
      if (v.isPresent()) {
        return Optional.of(Map.entry(k, v.get()));
      }
    }
    return Optional.empty();
  }

  private OptionalDouble number(String id, String key) {
    Optional<Map.Entry<String, String>> entry = budget(id, key);
    if (entry.isEmpty()) {
      return OptionalDouble.empty();
    }
    Optional<String> value = entry.map(Map.Entry::getValue);
    try {
      double d = Double.parseDouble(value.get());
      if (d >= 0 && Double.isFinite(d)) {
        return OptionalDouble.of(d);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(entry.get().getKey()
        + " must be a non-negative number of USD: '" + value.get() + "'");
  }

  private Duration duration(String id) {
    Optional<Map.Entry<String, String>> entry = budget(id, MAX_DURATION);
    if (entry.isEmpty()) {
      return null;
    }
    Optional<String> value = entry.map(Map.Entry::getValue);
    try {
      Duration d = Duration.parse(value.get().toUpperCase(Locale.ROOT).startsWith("P")
          ? value.get() : "PT" + value.get());
      if (!d.isNegative()) {
        return d;
      }
    } catch (java.time.format.DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(entry.get().getKey()
        + " must be a duration like 90s, 10m or PT1H30M: '" + value.get() + "'");
  }

  private record Limits(OptionalDouble maxCostUsd, Duration maxDuration, OptionalDouble minPassRate) {}

  private static final class Version {
    final Instant start;
    long runs;
    long passed;
    long skipped;
    double costUsd;
    volatile String stopReason;

    Version(Instant start) {
      this.start = start;
    }
  }
}
