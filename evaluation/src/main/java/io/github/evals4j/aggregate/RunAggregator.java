package io.github.evals4j.aggregate;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.cost.CallRole;
import io.github.evals4j.cost.PriceTable;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects every check result and LLM call of a run into per prompt version statistics, in
 * bounded memory (counters, a latency sketch and a capped sample of failing examples per prompt
 * version; a few bits per case and repeat).
 *
 * <p>Thread-safe: tests running in parallel record into one aggregator; each prompt version has
 * its own lock. {@link #snapshot()} can be taken at any time.
 *
 * <pre>{@code
 * RunAggregator run = new RunAggregator(AggregationOptions.defaults(), PriceTable.bundled());
 * Attribution a = new Attribution(new PromptRef("summarize", "v2", "gpt-4o-mini"), "case-1", 0);
 * run.recordCall(a, call);
 * run.recordCheck(a, result, output);
 * List<PromptStats> stats = run.snapshot();
 * }</pre>
 */
public final class RunAggregator {

  private final AggregationOptions options;
  private final PriceTable prices;
  private final ConcurrentHashMap<PromptRef, GroupAccumulator> groups = new ConcurrentHashMap<>();
  /** The suffix of the check name of a calibration's result ({@code <rubric>.calibration}). */
  public static final String CALIBRATION_SUFFIX = ".calibration";

  private final ConcurrentHashMap<String, Agreement> agreements = new ConcurrentHashMap<>();

  /** An aggregator with these options, pricing calls with {@code prices}. */
  public RunAggregator(AggregationOptions options, PriceTable prices) {
    this.options = Objects.requireNonNull(options, "options");
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  /** An aggregator with the default options and the bundled prices. */
  public RunAggregator() {
    this(AggregationOptions.defaults(), PriceTable.bundled());
  }

  /** Records a check result of the output of {@code at}. */
  public void recordCheck(Attribution at, CheckResult result) {
    recordCheck(at, result, null);
  }

  /**
   * Records a check result and the output it judged; the output is only kept (abbreviated) when
   * the result becomes one of the capped failing examples.
   */
  public void recordCheck(Attribution at, CheckResult result, String output) {
    Objects.requireNonNull(at, "attribution");
    Objects.requireNonNull(result, "result");
    group(at.prompt()).check(at.caseId(), at.repeat(), result, output);
  }

  /**
   * Records a rubric's calibration: when {@code result} carries {@linkplain
   * QualityEvidence#agreement agreement figures}, they are shown next to the rubric of that name
   * (its check name, without a {@value #CALIBRATION_SUFFIX} suffix) in every prompt version,
   * whichever test (attributed to a prompt or not) recorded it. A later calibration of the same
   * rubric replaces an earlier one.
   *
   * @return whether the result carried agreement figures
   */
  public boolean recordAgreement(CheckResult result) {
    Objects.requireNonNull(result, "result");
    Agreement a = QualityEvidence.agreementOf(result);
    if (a == null) {
      return false;
    }
    String name = result.check();
    if (name.endsWith(CALIBRATION_SUFFIX)) {
      name = name.substring(0, name.length() - CALIBRATION_SUFFIX.length());
    }
    agreements.put(name, a);
    return true;
  }

  /** Records an LLM call made by the application under test. */
  public void recordCall(Attribution at, LlmCall call) {
    recordCall(at, call, CallRole.APPLICATION);
  }

  /** Records an LLM call; a {@link CallRole#JUDGE} call's cost is kept apart from the application's. */
  public void recordCall(Attribution at, LlmCall call, CallRole role) {
    Objects.requireNonNull(at, "attribution");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(role, "role");
    OptionalDouble cost = prices.costUsd(call);
    group(at.prompt()).call(call, role, cost);
  }

  /** The statistics so far, one per prompt version, sorted by id, version and model. */
  public List<PromptStats> snapshot() {
    List<PromptRef> keys = new ArrayList<>(groups.keySet());
    keys.sort(null);
    List<PromptStats> out = new ArrayList<>(keys.size());
    for (PromptRef key : keys) {
      out.add(groups.get(key).snapshot(Map.copyOf(agreements)));
    }
    return out;
  }

  /** The options in use. */
  public AggregationOptions options() {
    return options;
  }

  /** The price table in use. */
  public PriceTable prices() {
    return prices;
  }

  private GroupAccumulator group(PromptRef prompt) {
    GroupAccumulator g = groups.get(prompt);
    return g != null ? g : groups.computeIfAbsent(prompt, p -> new GroupAccumulator(p, options));
  }
}
