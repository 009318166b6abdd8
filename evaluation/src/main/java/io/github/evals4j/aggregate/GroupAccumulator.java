package io.github.evals4j.aggregate;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.cost.CallRole;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.stats.QuantileSketch;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The running counters of one prompt version. Memory: a few counters per check name, a compact
 * record per case (four 64-bit masks of its first 64 repeats, a bit set only beyond, per-repeat
 * scores only when scored: see {@code AggregationBenchmark} for the bytes per case), one latency
 * sketch, and at most {@code maxExamples} examples: never the results themselves. Every case is
 * counted (a run is told from another by its case and repeat, so the counts stay exact); the
 * snapshot keeps the outcomes of the first {@code maxListedCases} cases. Guarded by its own
 * monitor.
 */
final class GroupAccumulator {

  private static final int MAX_EVIDENCE = 5;
  private static final int MAX_MESSAGE = 500;
  private static final int MAX_EVIDENCE_TEXT = 200;
  /** The evidence kind of a judge error (evals4j-judge's {@code JudgeErrors.KIND}). */
  static final String JUDGE_ERROR = "judge-error";

  private final PromptRef prompt;
  private final AggregationOptions options;
  private final Map<String, CaseAcc> cases = new LinkedHashMap<>();
  private final Map<String, CheckAcc> checks = new HashMap<>();
  private final QuantileSketch latency = new QuantileSketch();
  private final List<FailingExample> examples = new ArrayList<>();
  // For each example, how many failing results of its case and check it stands for.
  private final Map<String, Integer> exampleIndex = new HashMap<>();
  private int[] exampleOccurrences = new int[0];
  private long failedResults;
  private double specificitySum;
  private long specificityCount;
  private double qualitySum;
  private long qualityCount;
  private long calls;
  private long inputTokens;
  private long outputTokens;
  private long cachedTokens;
  private long reasoningTokens;
  private long unknownUsage;
  private long failedCalls;
  private long replayedCalls;
  private final CostAcc appCost = new CostAcc();
  private final CostAcc judgeCost = new CostAcc();
  // Rubrics (results with a quality scale), by name.
  private final Map<String, RubricAcc> rubrics = new java.util.TreeMap<>();

  GroupAccumulator(PromptRef prompt, AggregationOptions options) {
    this.prompt = prompt;
    this.options = options;
  }

  synchronized void check(String caseId, int repeat, CheckResult r, String output) {
    CaseAcc c = cases.computeIfAbsent(caseId, id -> new CaseAcc());
    c.set(CaseAcc.SEEN, repeat);
    String name = r.check();
    boolean judgeError = isJudgeError(r);
    rubric(caseId, r, judgeError);
    if (judgeError) {
      // Neither a pass nor a fail: the run is unknown (left out of the pass rate) unless another
      // check failed it; the count shows as the informational check "<name>.judge-error". The
      // judge error of an informational check (reported, never gating) leaves the run as it is.
      if (!options.informationalChecks().contains(QualityEvidence.rubricOf(r))) {
        c.set(CaseAcc.UNKNOWN, repeat);
      }
      checks.computeIfAbsent(name, n -> new CheckAcc(true)).results++;
      return;
    }
    CheckAcc acc = checks.get(name);
    if (acc == null) {
      acc = new CheckAcc(options.informationalChecks().contains(name));
      checks.put(name, acc);
    }
    acc.results++;
    double score = Double.isFinite(r.score()) ? r.score() : (r.passed() ? 1 : 0);
    acc.add(r.direction(), score);
    if (r.passed()) {
      acc.passed++;
    } else if (!acc.informational) {
      c.set(CaseAcc.FAILED, repeat);
    }
    if (name.startsWith(options.groundingPrefix())) {
      c.set(CaseAcc.GROUNDED, repeat);
      if (!r.passed()) {
        c.set(CaseAcc.HALLUCINATED, repeat);
      }
    }
    if (name.startsWith(options.specificityCheck())) {
      specificitySum += score;
      specificityCount++;
    }
    if (r.direction() != Direction.AT_MOST && score >= 0 && score <= 1) {
      qualitySum += score;
      qualityCount++;
      c.scoreSum += score;
      c.scoreCount++;
      c.addRunScore(repeat, score);
    }
    if (!r.passed()) {
      failedResults++;
      example(caseId, repeat, r, output);
    }
  }

  /** A result with a quality scale: its score (or judge error) on its rubric. */
  private void rubric(String caseId, CheckResult r, boolean judgeError) {
    double[] scale = QualityEvidence.scaleOf(r);
    if (scale == null || !judgeError && !Double.isFinite(r.score())) {
      return;
    }
    RubricAcc acc = rubrics.computeIfAbsent(QualityEvidence.rubricOf(r),
        n -> new RubricAcc(scale[0], scale[1]));
    acc.min = Math.min(acc.min, scale[0]);
    acc.max = Math.max(acc.max, scale[1]);
    CaseScore c = acc.cases.get(caseId);
    if (c == null && acc.cases.size() >= options.maxListedCases()) {
      acc.truncated = true;
      if (judgeError) {
        acc.judgeErrors++;
      } else {
        acc.verdicts++;
      }
      return;
    }
    if (c == null) {
      c = new CaseScore(caseId, Spread.NONE, 0);
    }
    if (judgeError) {
      acc.judgeErrors++;
      acc.cases.put(caseId, new CaseScore(caseId, c.scores(), c.judgeErrors() + 1));
      return;
    }
    acc.verdicts++;
    acc.cases.put(caseId, new CaseScore(caseId, c.scores().plus(r.score()), c.judgeErrors()));
    QualityEvidence.samplesStdDevOf(r).ifPresent(sd -> {
      acc.sampleSdSum += sd;
      acc.sampleSdCount++;
    });
  }

  /** Keeps one example per case and check (the first failing run), counting the others. */
  private void example(String caseId, int repeat, CheckResult r, String output) {
    String key = caseId + '\u0000' + r.check();
    Integer index = exampleIndex.get(key);
    if (index != null) {
      exampleOccurrences[index]++;
      return;
    }
    if (examples.size() >= options.maxExamples()) {
      return;
    }
    exampleIndex.put(key, examples.size());
    if (exampleOccurrences.length == examples.size()) {
      exampleOccurrences = java.util.Arrays.copyOf(exampleOccurrences, Math.max(4, examples.size() * 2));
    }
    exampleOccurrences[examples.size()] = 1;
    examples.add(example0(caseId, repeat, r, output));
  }

  synchronized void call(LlmCall call, CallRole role, OptionalDouble costUsd) {
    CostAcc cost = role == CallRole.JUDGE ? judgeCost : appCost;
    cost.calls++;
    if (costUsd.isPresent()) {
      cost.priced++;
      cost.usd += costUsd.getAsDouble();
    } else if (cost.unpricedModels.size() < CostStats.MAX_LISTED_MODELS
        && !cost.unpricedModels.contains(call.responseModel())) {
      cost.unpricedModels.add(call.responseModel());
    }
    if (role == CallRole.JUDGE) {
      return;
    }
    calls++;
    if (call.inputTokens() < 0 || call.outputTokens() < 0) {
      unknownUsage++;
    }
    inputTokens += Math.max(0, call.inputTokens());
    outputTokens += Math.max(0, call.outputTokens());
    cachedTokens += Math.max(0, call.cachedInputTokens());
    reasoningTokens += Math.max(0, call.reasoningTokens());
    if (call.error() != null) {
      failedCalls++;
    }
    if (call.replayed()) {
      replayedCalls++;
    }
    // LlmCall defaults an unmeasured latency to zero; no real call takes 0 ns, so it is left out.
    double ms = call.latency().toNanos() / 1e6;
    if (ms > 0) {
      latency.add(ms);
    }
  }

  synchronized PromptStats snapshot(Map<String, Agreement> agreements) {
    List<CaseStats> outcomes = new ArrayList<>(cases.size());
    long grounded = 0;
    long hallucinated = 0;
    for (Map.Entry<String, CaseAcc> e : cases.entrySet()) {
      CaseAcc c = e.getValue();
      // A run whose only verdict is a judge error is unknown: left out unless another check failed it.
      int runs = c.count(CaseAcc.SEEN) - c.unknownOnly();
      int failed = c.count(CaseAcc.FAILED);
      outcomes.add(new CaseStats(e.getKey(), runs, runs - failed, Mean.of(c.scoreSum, c.scoreCount),
          c.runScores()));
      grounded += c.count(CaseAcc.GROUNDED);
      hallucinated += c.count(CaseAcc.HALLUCINATED);
    }
    List<CheckStats> checkStats = new ArrayList<>(checks.size());
    for (Map.Entry<String, CheckAcc> e : checks.entrySet()) {
      CheckAcc a = e.getValue();
      checkStats.add(new CheckStats(e.getKey(), a.informational, a.results, a.passed,
          Mean.of(a.scoreSum, a.results), a.direction(), a.scale()));
    }
    List<FailingExample> shown = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      shown.add(examples.get(i).withOccurrences(exampleOccurrences[i]));
    }
    int caseCount = cases.size();
    List<QualityStats> quality = new ArrayList<>(rubrics.size());
    for (Map.Entry<String, RubricAcc> e : rubrics.entrySet()) {
      RubricAcc a = e.getValue();
      quality.add(QualityStats.of(e.getKey(), a.min, a.max, a.verdicts, a.judgeErrors,
          new ArrayList<>(a.cases.values()), a.truncated, Mean.of(a.sampleSdSum, a.sampleSdCount),
          agreements.get(e.getKey())));
    }
    return PromptStats.build(
        prompt, caseCount, outcomes, false, checkStats, new Rate(hallucinated, grounded),
        Mean.of(specificitySum, specificityCount), Mean.of(qualitySum, qualityCount),
        LatencyStats.of(latency),
        new TokenStats(calls, inputTokens, outputTokens, cachedTokens, reasoningTokens, unknownUsage,
            failedCalls, replayedCalls),
        appCost.stats(caseCount), judgeCost.stats(caseCount), shown, failedResults,
        options.maxListedCases(), quality);
  }

  private static boolean isJudgeError(CheckResult r) {
    return QualityEvidence.isJudgeError(r);
  }

  private FailingExample example0(String caseId, int repeat, CheckResult r, String output) {
    List<Evidence> evidence = new ArrayList<>();
    for (Evidence e : r.evidence()) {
      if (evidence.size() == MAX_EVIDENCE) {
        break;
      }
      if (QualityEvidence.SCALE.equals(e.kind()) || QualityEvidence.SAMPLES.equals(e.kind())) {
        continue; // machine-readable, said by the quality score
      }
      evidence.add(new Evidence(e.start(), e.end(), Texts.abbreviate(e.text(), MAX_EVIDENCE_TEXT),
          e.kind(), Texts.abbreviate(e.reason(), MAX_EVIDENCE_TEXT)));
    }
    return new FailingExample(caseId, repeat, r.check(), Texts.truncate(r.message(), MAX_MESSAGE),
        excerpt(output, r.evidence()), evidence);
  }

  /** The output around its first evidence span, so that the example shows what went wrong. */
  private String excerpt(String output, List<Evidence> evidence) {
    if (output == null || output.isEmpty()) {
      return "";
    }
    int length = options.excerptLength();
    int from = 0;
    if (!evidence.isEmpty()) {
      int start = Math.min(evidence.get(0).start(), output.length());
      from = Math.max(0, start - length / 3);
      if (from > 0 && Character.isLowSurrogate(output.charAt(from))) {
        from--;
      }
    }
    String tail = output.substring(from);
    String shown = Texts.abbreviate(tail, length);
    return from > 0 ? "\u2026" + shown : shown;
  }

  /** One case: which repeats ran, failed, were grounded, hallucinated; its quality scores. */
  private static final class CaseAcc {
    static final int SEEN = 0;
    static final int FAILED = 1;
    static final int GROUNDED = 2;
    static final int HALLUCINATED = 3;
    static final int UNKNOWN = 4;
    private static final int KINDS = 5;
    // Repeats 0..63 of each kind in one long (nearly every case); later repeats in a bit set,
    // KINDS bits per repeat, made only when needed.
    private final long[] low = new long[KINDS];
    private BitSet high;
    double scoreSum;
    long scoreCount;
    // Per repeat: the sum and count of its quality scores, made at the first score.
    double[] runScoreSum;
    int[] runScoreCount;

    void set(int kind, int repeat) {
      if (repeat < 64) {
        low[kind] |= 1L << repeat;
      } else {
        if (high == null) {
          high = new BitSet();
        }
        high.set((repeat - 64) * KINDS + kind);
      }
    }

    int count(int kind) {
      int n = Long.bitCount(low[kind]);
      if (high != null) {
        for (int i = high.nextSetBit(0); i >= 0; i = high.nextSetBit(i + 1)) {
          if (i % KINDS == kind) {
            n++;
          }
        }
      }
      return n;
    }

    /** Repeats with a judge error and no failed check: neither passed nor failed. */
    int unknownOnly() {
      int n = Long.bitCount(low[UNKNOWN] & ~low[FAILED]);
      if (high != null) {
        for (int i = high.nextSetBit(0); i >= 0; i = high.nextSetBit(i + 1)) {
          if (i % KINDS == UNKNOWN && !high.get(i - UNKNOWN + FAILED)) {
            n++;
          }
        }
      }
      return n;
    }

    void addRunScore(int repeat, double score) {
      if (runScoreSum == null) {
        runScoreSum = new double[Math.max(1, Math.min(repeat + 1, 64))];
        runScoreCount = new int[runScoreSum.length];
      }
      if (repeat >= runScoreSum.length) {
        int size = Math.max(repeat + 1, Math.max(4, runScoreSum.length * 2));
        runScoreSum = java.util.Arrays.copyOf(runScoreSum, size);
        runScoreCount = java.util.Arrays.copyOf(runScoreCount, size);
      }
      runScoreSum[repeat] += score;
      runScoreCount[repeat]++;
    }

    Spread runScores() {
      Spread s = Spread.NONE;
      if (runScoreSum == null) {
        return s;
      }
      for (int r = 0; r < runScoreSum.length; r++) {
        if (runScoreCount[r] > 0) {
          s = s.plus(runScoreSum[r] / runScoreCount[r]);
        }
      }
      return s;
    }
  }

  private static final class CheckAcc {
    final boolean informational;
    long results;
    long passed;
    double scoreSum;
    Direction direction;
    boolean mixed;
    boolean passFail = true; // every score 0 or 1
    boolean unit = true; // every score within [0, 1]

    CheckAcc(boolean informational) {
      this.informational = informational;
    }

    void add(Direction d, double score) {
      scoreSum += score;
      if (direction == null) {
        direction = d;
      } else if (direction != d) {
        mixed = true;
      }
      passFail &= score == 0 || score == 1;
      unit &= score >= 0 && score <= 1;
    }

    String direction() {
      return mixed ? CheckStats.MIXED : direction == null ? Direction.NONE.name() : direction.name();
    }

    String scale() {
      return passFail ? CheckStats.PASS_FAIL : unit ? CheckStats.UNIT : CheckStats.VALUE;
    }
  }

  private static final class RubricAcc {
    double min;
    double max;
    long verdicts;
    long judgeErrors;
    boolean truncated;
    double sampleSdSum;
    long sampleSdCount;
    final Map<String, CaseScore> cases = new LinkedHashMap<>();

    RubricAcc(double min, double max) {
      this.min = min;
      this.max = max;
    }
  }

  private static final class CostAcc {
    long calls;
    long priced;
    double usd;
    final List<String> unpricedModels = new ArrayList<>();

    CostStats stats(int cases) {
      return CostStats.of(calls, priced, usd, unpricedModels, cases);
    }
  }
}
