package io.github.evals4j.aggregate;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.stats.Interval;
import io.github.evals4j.stats.Proportions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Everything measured for one prompt id × version × model in a run: the unit that reports show,
 * gates judge and comparisons set side by side.
 *
 * <p>A <em>run</em> is one repeat of one case; it passes when none of its gating (not
 * informational) checks failed. The pass rate is over runs, with a 95 % Wilson interval.
 *
 * @param prompt the prompt version and model
 * @param cases how many distinct cases ran
 * @param runs how many case runs (cases × repeats)
 * @param passedRuns how many runs passed
 * @param passRate {@code passedRuns / runs}, 0 when no run
 * @param passRateInterval its 95 % Wilson interval
 * @param checks per-check results, by name
 * @param hallucination runs where a grounding check failed, out of runs with a grounding check
 * @param specificity the mean score of the specificity checks
 * @param qualityScore the mean score of every 0..1 "higher is better" result (direction at least
 *     or none, score within [0, 1]), informational ones included
 * @param latency LLM call latencies
 * @param tokens LLM token usage (application calls)
 * @param applicationCost what the application's calls cost
 * @param judgeCost what the judge's calls cost (kept apart)
 * @param repeats pass@k, pass^k and unstable cases
 * @param caseOutcomes each case's runs and passes, for paired tests, regressions and per-case
 *     gates: every case up to a large limit ({@link AggregationOptions#maxListedCases()}, 100,000
 *     by default)
 * @param casesTruncated whether that limit was reached: {@code caseOutcomes} holds only the first
 *     cases, and every comparison and report says so
 * @param examples a capped sample of failing results, one per case and check
 * @param failedResults how many failing results were recorded in all (informational ones
 *     included): the examples stand for some of them, the report says how many are not shown
 * @param quality the quality score of each rubric (model-graded check with a scale) on its own
 *     scale, by rubric name; empty without rubrics (and in reports written before it existed)
 */
public record PromptStats(
    PromptRef prompt,
    int cases,
    long runs,
    long passedRuns,
    double passRate,
    Interval passRateInterval,
    List<CheckStats> checks,
    Rate hallucination,
    Mean specificity,
    Mean qualityScore,
    LatencyStats latency,
    TokenStats tokens,
    CostStats applicationCost,
    CostStats judgeCost,
    RepeatStats repeats,
    List<CaseStats> caseOutcomes,
    boolean casesTruncated,
    List<FailingExample> examples,
    @JsonSetter(nulls = Nulls.AS_EMPTY) long failedResults,
    @JsonSetter(nulls = Nulls.AS_EMPTY) List<QualityStats> quality) {

  public PromptStats {
    quality = quality == null ? List.of() : List.copyOf(quality);
    checks = List.copyOf(checks);
    caseOutcomes = List.copyOf(caseOutcomes);
    examples = List.copyOf(examples);
  }

  /** Statistics without rubrics (the form before quality scores per rubric existed). */
  public PromptStats(PromptRef prompt, int cases, long runs, long passedRuns, double passRate,
      Interval passRateInterval, List<CheckStats> checks, Rate hallucination, Mean specificity,
      Mean qualityScore, LatencyStats latency, TokenStats tokens, CostStats applicationCost,
      CostStats judgeCost, RepeatStats repeats, List<CaseStats> caseOutcomes,
      boolean casesTruncated, List<FailingExample> examples, long failedResults) {
    this(prompt, cases, runs, passedRuns, passRate, passRateInterval, checks, hallucination,
        specificity, qualityScore, latency, tokens, applicationCost, judgeCost, repeats,
        caseOutcomes, casesTruncated, examples, failedResults, List.of());
  }

  /** This prompt version's statistics with {@code quality} as its rubrics. */
  public PromptStats withQuality(List<QualityStats> quality) {
    return new PromptStats(prompt, cases, runs, passedRuns, passRate, passRateInterval, checks,
        hallucination, specificity, qualityScore, latency, tokens, applicationCost, judgeCost,
        repeats, caseOutcomes, casesTruncated, examples, failedResults, quality);
  }

  /** The quality score of the rubric {@code name}, if this version has it. */
  public java.util.Optional<QualityStats> quality(String name) {
    return quality.stream().filter(q -> q.rubric().equals(name)).findFirst();
  }

  /** The hallucination rate, empty when no grounding check ran. */
  public OptionalDouble hallucinationRate() {
    return hallucination.value();
  }

  /**
   * Failing results that no example shows: {@code failedResults} minus the results the examples
   * stand for (0 in reports written before that count existed).
   */
  public long failedResultsNotShown() {
    long shown = 0;
    for (FailingExample e : examples) {
      shown += e.occurrences();
    }
    return Math.max(0, failedResults - shown);
  }

  /** Cases whose outcome is not in {@code caseOutcomes} (the case limit was reached). */
  public long casesNotListed() {
    return Math.max(0, cases - caseOutcomes.size());
  }

  /** The failure rate, {@code 1 - passRate}. */
  public double failureRate() {
    return runs == 0 ? 0 : 1 - passRate;
  }

  /**
   * The sum of two partial results of the same prompt version (e.g. CI shards): counters and
   * sketches add up, case outcomes of the same case add up, examples stay capped at
   * {@code maxExamples}.
   */
  public static PromptStats merge(PromptStats a, PromptStats b, int maxExamples, int maxListedCases) {
    if (!a.prompt.equals(b.prompt)) {
      throw new IllegalArgumentException("cannot merge " + a.prompt + " with " + b.prompt);
    }
    Map<String, CheckStats> checks = new LinkedHashMap<>();
    for (CheckStats c : a.checks) {
      checks.put(c.name(), c);
    }
    for (CheckStats c : b.checks) {
      checks.merge(c.name(), c, CheckStats::plus);
    }
    Map<String, CaseStats> cases = new LinkedHashMap<>();
    for (CaseStats c : a.caseOutcomes) {
      cases.put(c.id(), c);
    }
    for (CaseStats c : b.caseOutcomes) {
      cases.merge(c.id(), c, CaseStats::plus);
    }
    // One example per case and check: a shard's example of a pair already shown adds its count.
    Map<String, FailingExample> examples = new LinkedHashMap<>();
    for (List<FailingExample> list : List.of(a.examples, b.examples)) {
      for (FailingExample e : list) {
        String key = e.caseId() + '\u0000' + e.check();
        FailingExample old = examples.get(key);
        if (old != null) {
          examples.put(key, old.withOccurrences(old.occurrences() + e.occurrences()));
        } else if (examples.size() < maxExamples) {
          examples.put(key, e);
        }
      }
    }
    // Without truncation, the shards' cases are all known and counted exactly; with it, the runs
    // of the cases left out are only in the shards' totals.
    Map<String, QualityStats> quality = new java.util.TreeMap<>();
    for (QualityStats q : a.quality) {
      quality.put(q.rubric(), q);
    }
    for (QualityStats q : b.quality) {
      quality.merge(q.rubric(), q, (x, y) -> QualityStats.merge(x, y, maxListedCases));
    }
    boolean truncated = a.casesTruncated || b.casesTruncated;
    int caseCount = truncated ? Math.max(a.cases + b.cases - overlap(a, b), cases.size()) : cases.size();
    return build(
        a.prompt, caseCount, new ArrayList<>(cases.values()), truncated,
        new ArrayList<>(checks.values()), a.hallucination.plus(b.hallucination),
        a.specificity.plus(b.specificity), a.qualityScore.plus(b.qualityScore),
        a.latency.plus(b.latency), a.tokens.plus(b.tokens),
        a.applicationCost.plus(b.applicationCost, caseCount),
        a.judgeCost.plus(b.judgeCost, caseCount), new ArrayList<>(examples.values()),
        a.failedResults + b.failedResults, maxListedCases,
        truncated ? new long[] {a.runs + b.runs, a.passedRuns + b.passedRuns} : null,
        new ArrayList<>(quality.values()));
  }

  private static int overlap(PromptStats a, PromptStats b) {
    Set<String> ids = new HashSet<>();
    for (CaseStats c : a.caseOutcomes) {
      ids.add(c.id());
    }
    int n = 0;
    for (CaseStats c : b.caseOutcomes) {
      if (ids.contains(c.id())) {
        n++;
      }
    }
    return n;
  }

  static PromptStats build(
      PromptRef prompt, int caseCount, List<CaseStats> caseOutcomes, boolean truncated,
      List<CheckStats> checks, Rate hallucination, Mean specificity, Mean quality,
      LatencyStats latency, TokenStats tokens, CostStats app, CostStats judge,
      List<FailingExample> examples, long failedResults, int maxListedCases,
      List<QualityStats> rubrics) {
    return build(prompt, caseCount, caseOutcomes, truncated, checks, hallucination, specificity,
        quality, latency, tokens, app, judge, examples, failedResults, maxListedCases, null, rubrics);
  }

  /** {@code totals}: runs and passed runs when {@code caseOutcomes} are not all the cases. */
  private static PromptStats build(
      PromptRef prompt, int caseCount, List<CaseStats> caseOutcomes, boolean truncated,
      List<CheckStats> checks, Rate hallucination, Mean specificity, Mean quality,
      LatencyStats latency, TokenStats tokens, CostStats app, CostStats judge,
      List<FailingExample> examples, long failedResults, int maxListedCases, long[] totals,
      List<QualityStats> rubrics) {
    long runs = 0;
    long passed = 0;
    int maxRepeats = 0;
    long unstable = 0;
    List<String> unstableIds = new ArrayList<>();
    double spreadSum = 0;
    double spreadMax = 0;
    long spreadCases = 0;
    for (CaseStats c : caseOutcomes) {
      if (c.runScores().count() >= 2) {
        double sd = c.runScores().stdDev();
        spreadSum += sd;
        spreadMax = Math.max(spreadMax, sd);
        spreadCases++;
      }
      runs += c.runs();
      passed += c.passed();
      maxRepeats = Math.max(maxRepeats, c.runs());
      if (c.unstable()) {
        unstable++;
        if (unstableIds.size() < Math.min(50, maxListedCases)) {
          unstableIds.add(c.id());
        }
      }
    }
    if (totals != null) {
      runs = totals[0];
      passed = totals[1];
    }
    List<CaseStats> kept =
        caseOutcomes.size() > maxListedCases ? caseOutcomes.subList(0, maxListedCases) : caseOutcomes;
    int k = Math.min(10, maxRepeats);
    List<Double> passAt = new ArrayList<>();
    List<Double> passHat = new ArrayList<>();
    for (int i = 1; i <= k; i++) {
      double at = 0;
      double hat = 0;
      long n = 0;
      for (CaseStats c : caseOutcomes) {
        if (c.runs() >= i) {
          at += PassAtK.passAtK(c.runs(), c.passed(), i);
          hat += PassAtK.passHatK(c.runs(), c.passed(), i);
          n++;
        }
      }
      passAt.add(n == 0 ? 0 : at / n);
      passHat.add(n == 0 ? 0 : hat / n);
    }
    checks = new ArrayList<>(checks);
    checks.sort(Comparator.comparing(CheckStats::name));
    return new PromptStats(
        prompt, caseCount, runs, passed, runs == 0 ? 0 : (double) passed / runs,
        Proportions.wilson(passed, runs), checks, hallucination, specificity, quality, latency,
        tokens, app, judge, new RepeatStats(maxRepeats, passAt, passHat, unstable, unstableIds,
            spreadCases == 0 ? 0 : spreadSum / spreadCases, spreadMax),
        kept, truncated || caseOutcomes.size() > maxListedCases, examples, failedResults, rubrics);
  }
}
