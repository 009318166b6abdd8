package io.github.evals4j.gate;

import io.github.evals4j.aggregate.CaseStats;
import io.github.evals4j.internal.Texts;

import io.github.evals4j.aggregate.CaseRegression;
import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.Comparisons;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.QualityStats;
import io.github.evals4j.aggregate.Verdict;
import io.github.evals4j.prompt.PromptRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Judges every prompt version of a run against its gates and, when given, the baseline report's
 * statistics. Each gate gives one {@link GateResult}; a failed one reads like
 * {@code summarize@v2/gpt-4o-mini: min-pass-rate failed: pass rate 81.2 % < 90.0 % (baseline 87.5 %)}.
 *
 * <pre>{@code
 * List<GateResult> results = Gates.evaluate(stats, baselineStats, GateSettings.from(properties));
 * if (Gates.anyFailed(results)) throw new AssertionError(Gates.failureMessage(results));
 * }</pre>
 */
public final class Gates {

  private Gates() {}

  /** Every gate of every prompt version in {@code current}; {@code baseline} may be empty. */
  public static List<GateResult> evaluate(
      List<PromptStats> current, List<PromptStats> baseline, GateSettings settings) {
    Map<PromptRef, PromptStats> old = new HashMap<>();
    for (PromptStats s : baseline) {
      old.put(s.prompt(), s);
    }
    List<GateResult> out = new ArrayList<>();
    for (PromptStats s : current) {
      PromptRef p = s.prompt();
      Optional<String> reference = settings.reference(p.id());
      if (reference.isPresent() && reference.get().equals(p.version())) {
        out.add(reference(p));
        continue;
      }
      out.addAll(evaluate(s, Optional.ofNullable(old.get(p)), settings.forVersion(p.id(), p.version())));
    }
    return out;
  }

  /** The metric of the one result a reference version gets instead of gates. */
  public static final String REFERENCE = "reference";

  /** A reference version is compared, not gated: one not-applicable result says so in every report. */
  private static GateResult reference(PromptRef p) {
    return new GateResult(p, REFERENCE, GateStatus.NOT_APPLICABLE, "reference version", "not gated", "",
        p.label() + ": reference version (" + io.github.evals4j.config.ConfigKeys.PROMPT_PREFIX + p.id()
            + ".reference=" + p.version() + "): compared, not gated");
  }

  /** The gates of one prompt version. */
  public static List<GateResult> evaluate(PromptStats s, Optional<PromptStats> base, GateConfig c) {
    List<GateResult> out = new ArrayList<>();
    PromptRef p = s.prompt();
    c.minPassRate().ifPresent(min -> {
      boolean lower = c.passRateOnLowerBound();
      String what = lower ? "pass rate (95 % lower bound)" : "pass rate";
      OptionalDouble value = s.runs() == 0 ? OptionalDouble.empty()
          : OptionalDouble.of(lower ? s.passRateInterval().lower() : s.passRate());
      out.add(judge(p, "min-pass-rate", what, value, min, true, Format::percent,
          base.map(b -> Format.percent(lower ? b.passRateInterval().lower() : b.passRate())), c,
          s.runs() == 0));
    });
    c.maxHallucinationRate().ifPresent(max -> out.add(judge(p, "max-hallucination-rate",
        "hallucination rate", s.hallucinationRate(), max, false, Format::percent,
        base.flatMap(b -> boxed(b.hallucinationRate()).map(Format::percent)), c,
        s.hallucination().total() == 0)));
    c.maxCostPerCaseUsd().ifPresent(max -> out.add(judge(p, "max-cost-per-case", "cost per case",
        s.applicationCost().perCaseUsd(), max, false, Format::usd,
        base.flatMap(b -> boxed(b.applicationCost().perCaseUsd()).map(Format::usd)), c,
        s.applicationCost().calls() == 0)));
    c.maxCostPerRunUsd().ifPresent(max -> out.add(judge(p, "max-cost-per-run", "cost of the run",
        s.applicationCost().totalUsd(), max, false, Format::usd,
        base.flatMap(b -> boxed(b.applicationCost().totalUsd()).map(Format::usd)), c,
        s.applicationCost().calls() == 0)));
    c.maxP95LatencyMs().ifPresent(max -> out.add(judge(p, "max-p95-latency-ms", "p95 latency",
        s.latency().count() == 0 ? OptionalDouble.empty() : OptionalDouble.of(s.latency().p95Ms()),
        max, false, Format::millis,
        base.filter(b -> b.latency().count() > 0).map(b -> Format.millis(b.latency().p95Ms())), c,
        s.latency().count() == 0)));
    if (s.quality().isEmpty()) {
      c.minQualityScore().ifPresent(min -> out.add(judge(p, "min-quality-score", "mean quality score",
          s.qualityScore().value(), min, true, Format::score,
          base.flatMap(b -> boxed(b.qualityScore().value()).map(Format::score)), c,
          s.qualityScore().count() == 0)));
    } else {
      c.minQualityScore().ifPresent(min -> {
        for (QualityStats q : s.quality()) {
          out.add(QualityGates.minQuality(p, q, base.flatMap(b -> b.quality(q.rubric())), min, c));
        }
      });
    }
    c.minJudgeAgreement().ifPresent(min -> out.addAll(QualityGates.minAgreement(s, min, c)));
    if (c.noRegression()) {
      out.add(regression(s, base, c));
    }
    c.minCasePassRate().ifPresent(min -> out.addAll(perCase(s, min)));
    return out;
  }

  /** Most failing cases listed one per line; beyond that, one line counts the rest. */
  static final int MAX_CASE_LINES = 50;

  /**
   * {@code min-case-pass-rate}: each case's pass rate across its repeats against {@code min}; one
   * failed result per failing case (so each gets its own line), else one passed result.
   */
  private static List<GateResult> perCase(PromptStats s, double min) {
    PromptRef p = s.prompt();
    String metric = "min-case-pass-rate";
    String threshold = "≥ " + Format.percent(min) + " per case";
    if (s.caseOutcomes().isEmpty()) {
      return List.of(new GateResult(p, metric, GateStatus.NOT_APPLICABLE, "", threshold, "",
          p.label() + ": " + metric + " not applicable: no case measured"));
    }
    double slack = 1e-9;
    List<CaseStats> failing = s.caseOutcomes().stream()
        .filter(cs -> cs.passRate() < min - slack).collect(Collectors.toList());
    String listed = s.casesTruncated() ? " (of the " + s.caseOutcomes().size() + " cases listed)" : "";
    if (failing.isEmpty()) {
      return List.of(new GateResult(p, metric, GateStatus.PASSED,
          "all " + s.caseOutcomes().size() + " cases", threshold, "",
          p.label() + ": " + metric + " passed: every case" + listed + " passed at least "
              + Format.percent(min) + " of its runs"));
    }
    List<GateResult> out = new ArrayList<>();
    for (CaseStats cs : failing.subList(0, Math.min(failing.size(), MAX_CASE_LINES))) {
      String value = cs.passed() + " of " + cs.runs() + " runs (" + Format.percent(cs.passRate()) + ")";
      out.add(new GateResult(p, metric, GateStatus.FAILED, value, threshold, "",
          p.label() + ": " + metric + " failed: case '" + Texts.abbreviate(cs.id(), 120) + "' passed "
              + value + " < " + Format.percent(min)));
    }
    if (failing.size() > MAX_CASE_LINES) {
      int more = failing.size() - MAX_CASE_LINES;
      out.add(new GateResult(p, metric, GateStatus.FAILED, more + " more cases", threshold, "",
          p.label() + ": " + metric + " failed: " + more + " more case" + (more == 1 ? "" : "s")
              + listed + " below " + Format.percent(min)));
    }
    return out;
  }

  /** Whether any gate failed. */
  public static boolean anyFailed(List<GateResult> results) {
    return results.stream().anyMatch(GateResult::failed);
  }

  /** One line per failed gate, for the build's failure message. */
  public static String failureMessage(List<GateResult> results) {
    List<String> lines = results.stream().filter(GateResult::failed).map(GateResult::message)
        .collect(Collectors.toList());
    return lines.size() + " evals4j gate" + (lines.size() == 1 ? "" : "s") + " failed:\n  "
        + String.join("\n  ", lines);
  }

  private static GateResult regression(PromptStats s, Optional<PromptStats> base, GateConfig c) {
    PromptRef p = s.prompt();
    if (base.isEmpty()) {
      return new GateResult(p, "no-regression", GateStatus.NOT_APPLICABLE, "", "no regression", "",
          p.label() + ": no-regression not applicable: not in the baseline report");
    }
    Comparison cmp = Comparisons.compare(base.get(), s, c.scoreDropMargin());
    List<CaseRegression> regs = cmp.regressions();
    boolean worse = cmp.verdict() == Verdict.BASELINE_BETTER;
    String value = regs.isEmpty() && !worse
        ? "no regression"
        : (regs.isEmpty() ? "" : regs.size() + (regs.size() == 1 ? " case" : " cases") + " regressed ("
            + regs.stream().limit(5).map(CaseRegression::caseId).collect(Collectors.joining(", "))
            + (regs.size() > 5 ? ", …" : "") + ")")
            + (worse ? (regs.isEmpty() ? "" : "; ") + String.format(Locale.ROOT,
                "pass rate significantly lower (%s, p = %.3g)", Format.points(cmp.passRateDelta()), cmp.pValue()) : "");
    GateStatus status = regs.isEmpty() && !worse ? GateStatus.PASSED : GateStatus.FAILED;
    String baseline = "pass rate " + Format.percent(base.get().passRate());
    return new GateResult(p, "no-regression", status, value,
        "no case regression, score drop ≤ " + Format.score(c.scoreDropMargin()), baseline,
        p.label() + ": no-regression " + (status == GateStatus.PASSED ? "passed" : "failed") + ": " + value
            + " (baseline " + baseline + ")");
  }

  private static GateResult judge(
      PromptRef p, String metric, String what, OptionalDouble value, double threshold, boolean atLeast,
      java.util.function.DoubleFunction<String> fmt, Optional<String> baseline, GateConfig c,
      boolean nothingToJudge) {
    String thresholdText = (atLeast ? "≥ " : "≤ ") + fmt.apply(threshold);
    String baseText = baseline.orElse("");
    String suffix = baseText.isEmpty() ? "" : " (baseline " + baseText + ")";
    if (nothingToJudge) {
      return new GateResult(p, metric, GateStatus.NOT_APPLICABLE, "", thresholdText, baseText,
          p.label() + ": " + metric + " not applicable: no " + what + " measured");
    }
    if (value.isEmpty()) {
      GateStatus status = c.failOnUnknown() ? GateStatus.FAILED : GateStatus.UNKNOWN;
      return new GateResult(p, metric, status, "unknown", thresholdText, baseText,
          p.label() + ": " + metric + (status == GateStatus.FAILED ? " failed" : " unknown") + ": " + what
              + " is unknown (unpriced model or missing token counts), threshold " + thresholdText + suffix);
    }
    double v = value.getAsDouble();
    // Sums of prices in binary floating point land a hair off: $0.35 per case must pass ≤ $0.35.
    double slack = 1e-9 * Math.max(1, Math.abs(threshold));
    boolean ok = atLeast ? v >= threshold - slack : v <= threshold + slack;
    String valueText = fmt.apply(v);
    String relation = ok ? (atLeast ? " ≥ " : " ≤ ") : (atLeast ? " < " : " > ");
    return new GateResult(p, metric, ok ? GateStatus.PASSED : GateStatus.FAILED, valueText, thresholdText,
        baseText, p.label() + ": " + metric + (ok ? " passed: " : " failed: ") + what + " " + valueText
            + relation + fmt.apply(threshold) + suffix);
  }

  private static Optional<Double> boxed(OptionalDouble d) {
    return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
  }
}
