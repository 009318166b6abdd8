package io.github.evals4j.junit.reporting;

import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.gate.Format;
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
 */
final class LiveRuns {

  static final String EARLY_STOP = "evals4j.early-stop";
  static final String BUDGET = "evals4j.budget.";
  static final String MAX_COST = "max-cost-usd";
  static final String MAX_DURATION = "max-duration";

  /** The run whose invocations are being decided (the innermost launcher session's). */
  private static volatile LiveRuns current;

  private final Function<String, Optional<String>> parameters;
  private final Function<String, OptionalDouble> minPassRate;
  private final boolean earlyStop;
  private final Clock clock;
  private final Map<String, Version> versions = new ConcurrentHashMap<>();
  private final Map<String, Limits> limits = new ConcurrentHashMap<>();
  private LiveRuns previous;

  LiveRuns(Function<String, Optional<String>> parameters,
      Function<String, OptionalDouble> minPassRate, Clock clock) {
    this.parameters = parameters;
    this.minPassRate = minPassRate;
    this.clock = clock;
    this.earlyStop = parameters.apply(EARLY_STOP).map(String::strip)
        .map(v -> v.equalsIgnoreCase("true")).orElse(false);
  }

  /** Makes this the run that {@link EarlyStop} decides for, until {@link #close()}. */
  LiveRuns open() {
    synchronized (LiveRuns.class) {
      previous = current;
      current = this;
    }
    return this;
  }

  void close() {
    synchronized (LiveRuns.class) {
      if (current == this) {
        current = previous;
      }
    }
  }

  static Optional<LiveRuns> current() {
    return Optional.ofNullable(current);
  }

  /** Why the next invocation of {@code prompt} should not run, if it should not. */
  Optional<String> stopReason(PromptRef prompt) {
    Version v = version(prompt);
    String reason = v.stopReason;
    if (reason == null) {
      reason = decide(prompt.id(), v);
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

  private String decide(String id, Version v) {
    Limits l = limits.computeIfAbsent(id, this::limits);
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

  private Limits limits(String id) {
    return new Limits(number(id, MAX_COST), duration(id), earlyStop ? minPassRate.apply(id)
        : OptionalDouble.empty());
  }

  private Optional<String> budget(String id, String key) {
    return parameters.apply(BUDGET + id + "." + key).or(() -> parameters.apply(BUDGET + key))
        .map(String::strip).filter(s -> !s.isEmpty());
  }

  private OptionalDouble number(String id, String key) {
    Optional<String> value = budget(id, key);
    if (value.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      double d = Double.parseDouble(value.get());
      if (d >= 0 && Double.isFinite(d)) {
        return OptionalDouble.of(d);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(BUDGET + "[" + id + ".]" + key
        + " must be a non-negative number of USD: '" + value.get() + "'");
  }

  private Duration duration(String id) {
    Optional<String> value = budget(id, MAX_DURATION);
    if (value.isEmpty()) {
      return null;
    }
    try {
      Duration d = Duration.parse(value.get().toUpperCase(Locale.ROOT).startsWith("P")
          ? value.get() : "PT" + value.get());
      if (!d.isNegative()) {
        return d;
      }
    } catch (java.time.format.DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(BUDGET + "[" + id + ".]" + MAX_DURATION
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
