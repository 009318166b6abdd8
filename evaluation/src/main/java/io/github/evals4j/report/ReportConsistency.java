package io.github.evals4j.report;

import io.github.evals4j.aggregate.CaseStats;
import io.github.evals4j.aggregate.CostStats;
import io.github.evals4j.aggregate.LatencyStats;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.TokenStats;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.stats.Interval;
import io.github.evals4j.stats.Proportions;
import io.github.evals4j.stats.QuantileSketch;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Whether the figures of a report read back agree with the counts they derive from: pass rates
 * and intervals with passed and total runs, totals with case outcomes, latency figures with their
 * sketch, costs with their priced calls. A report written by evals4j always agrees; one that does
 * not was edited or corrupted, and {@code check}, {@code compare} and {@code merge} would
 * otherwise trust a stored figure over its counts. Linear in the size of the report.
 */
final class ReportConsistency {

  private static final double TOLERANCE = 1e-9;

  private ReportConsistency() {}

  /** The first disagreement as {@code <JSON pointer>: <what>}, empty when there is none. */
  static Optional<String> problem(Report report, ReportLimits limits) {
    Set<PromptRef> seen = new HashSet<>();
    for (int i = 0; i < report.prompts().size(); i++) {
      PromptStats s = report.prompts().get(i);
      String at = "/prompts/" + i;
      if (!seen.add(s.prompt())) {
        return Optional.of(at + "/prompt: " + s.prompt().label() + " appears twice");
      }
      Optional<String> p = prompt(s, at, limits);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> prompt(PromptStats s, String at, ReportLimits limits) {
    if (s.cases() < 0 || s.runs() < 0 || s.passedRuns() < 0 || s.passedRuns() > s.runs()) {
      return Optional.of(at + "/passedRuns: " + s.passedRuns() + " passed of " + s.runs()
          + " runs (" + s.cases() + " cases) is not a count");
    }
    double rate = s.runs() == 0 ? 0 : (double) s.passedRuns() / s.runs();
    if (!close(s.passRate(), rate)) {
      return Optional.of(at + "/passRate: " + s.passRate() + " is not passedRuns/runs = "
          + s.passedRuns() + "/" + s.runs() + " = " + format(rate));
    }
    Interval wilson = Proportions.wilson(s.passedRuns(), s.runs());
    if (!close(s.passRateInterval().lower(), wilson.lower()) || !close(s.passRateInterval().upper(), wilson.upper())) {
      return Optional.of(at + "/passRateInterval: [" + s.passRateInterval().lower() + ", "
          + s.passRateInterval().upper() + "] is not the Wilson interval of " + s.passedRuns() + "/"
          + s.runs() + " = [" + format(wilson.lower()) + ", " + format(wilson.upper()) + "]");
    }
    long runs = 0;
    long passed = 0;
    for (CaseStats c : s.caseOutcomes()) {
      runs += c.runs();
      passed += c.passed();
    }
    boolean complete = !s.casesTruncated();
    if (complete ? s.caseOutcomes().size() != s.cases() : s.caseOutcomes().size() > s.cases()) {
      return Optional.of(at + "/cases: " + s.cases() + " but " + s.caseOutcomes().size() + " case outcomes"
          + (complete ? " (casesTruncated is false)" : ""));
    }
    if (complete ? runs != s.runs() || passed != s.passedRuns() : runs > s.runs() || passed > s.passedRuns()) {
      return Optional.of(at + "/runs: " + s.passedRuns() + " passed of " + s.runs()
          + " runs, but the case outcomes add up to " + passed + " of " + runs);
    }
    Optional<String> latency = latency(s.latency(), at + "/latency", limits);
    if (latency.isPresent()) {
      return latency;
    }
    Optional<String> tokens = tokens(s.tokens(), at + "/tokens");
    if (tokens.isPresent()) {
      return tokens;
    }
    Optional<String> app = cost(s.applicationCost(), s.cases(), at + "/applicationCost");
    return app.isPresent() ? app : cost(s.judgeCost(), s.cases(), at + "/judgeCost");
  }

  private static Optional<String> latency(LatencyStats l, String at, ReportLimits limits) {
    QuantileSketch.State state = l.sketch();
    long buckets;
    try {
      buckets = QuantileSketch.buckets(state.relativeAccuracy());
    } catch (IllegalArgumentException e) {
      return Optional.of(at + "/sketch/relativeAccuracy: " + e.getMessage());
    }
    if (buckets > limits.maxSketchBuckets()) {
      return Optional.of(at + "/sketch/relativeAccuracy: " + state.relativeAccuracy() + " needs "
          + buckets + " counters, more than the limit of " + limits.maxSketchBuckets()
          + " (raise it with --max-sketch-buckets)");
    }
    QuantileSketch sketch;
    try {
      sketch = QuantileSketch.fromState(state);
    } catch (IllegalArgumentException e) {
      return Optional.of(at + "/sketch: " + e.getMessage());
    }
    if (l.count() != sketch.count()) {
      return Optional.of(at + "/count: " + l.count() + " but the sketch counts " + sketch.count());
    }
    if (sketch.count() == 0) {
      return l.meanMs() == 0 && l.p50Ms() == 0 && l.p95Ms() == 0 && l.p99Ms() == 0 && l.maxMs() == 0
          ? Optional.empty() : Optional.of(at + ": figures without any measured call");
    }
    String[] names = {"meanMs", "p50Ms", "p95Ms", "p99Ms", "maxMs"};
    double[] stored = {l.meanMs(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.maxMs()};
    double[] derived = {sketch.mean(), sketch.quantile(0.50), sketch.quantile(0.95), sketch.quantile(0.99), sketch.max()};
    for (int k = 0; k < names.length; k++) {
      if (!close(stored[k], derived[k])) {
        return Optional.of(at + "/" + names[k] + ": " + stored[k] + " but its sketch gives " + format(derived[k]));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> tokens(TokenStats t, String at) {
    long[] values = {t.calls(), t.inputTokens(), t.outputTokens(), t.cachedInputTokens(), t.reasoningTokens(),
        t.callsWithUnknownUsage(), t.failedCalls(), t.replayedCalls()};
    for (long v : values) {
      if (v < 0) {
        return Optional.of(at + ": negative count " + v);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> cost(CostStats c, int cases, String at) {
    if (c.calls() < 0 || c.pricedCalls() < 0 || c.pricedCalls() > c.calls()) {
      return Optional.of(at + "/pricedCalls: " + c.pricedCalls() + " priced of " + c.calls() + " calls is not a count");
    }
    if (!(c.knownUsd() >= 0) || Double.isInfinite(c.knownUsd())) {
      return Optional.of(at + "/knownUsd: " + c.knownUsd() + " is not a cost");
    }
    boolean allPriced = c.calls() > 0 && c.pricedCalls() == c.calls();
    OptionalDouble total = allPriced ? OptionalDouble.of(c.knownUsd()) : OptionalDouble.empty();
    if (!same(c.totalUsd(), total)) {
      return Optional.of(at + "/totalUsd: " + text(c.totalUsd()) + " but " + c.pricedCalls() + " of "
          + c.calls() + " calls priced at $" + format(c.knownUsd()) + " give " + text(total));
    }
    OptionalDouble perCase = total.isPresent() && cases > 0
        ? OptionalDouble.of(c.knownUsd() / cases) : OptionalDouble.empty();
    if (!same(c.perCaseUsd(), perCase)) {
      return Optional.of(at + "/perCaseUsd: " + text(c.perCaseUsd()) + " but " + text(total) + " over "
          + cases + " cases gives " + text(perCase));
    }
    return Optional.empty();
  }

  private static boolean same(OptionalDouble stored, OptionalDouble derived) {
    return stored.isPresent() == derived.isPresent()
        && (stored.isEmpty() || close(stored.getAsDouble(), derived.getAsDouble()));
  }

  private static boolean close(double stored, double derived) {
    return Math.abs(stored - derived) <= TOLERANCE * Math.max(1, Math.abs(derived));
  }

  private static String text(OptionalDouble d) {
    return d.isPresent() ? "$" + format(d.getAsDouble()) : "unknown";
  }

  private static String format(double d) {
    return String.format(Locale.ROOT, "%.6g", d);
  }
}
