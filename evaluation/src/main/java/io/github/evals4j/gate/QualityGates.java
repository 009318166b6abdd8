package io.github.evals4j.gate;

import io.github.evals4j.aggregate.Agreement;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.QualityStats;
import io.github.evals4j.prompt.PromptRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rubric gates: {@code min-quality-score} on each rubric's own scale and
 * {@code min-judge-agreement} on each rubric's calibration. One result per rubric; its line names
 * the rubric, the score with its interval, the threshold and the unknown cases, e.g.
 * {@code summarize@v2/gpt-4o-mini: min-quality-score failed: helpfulness 6.40 / 10 [5.9, 6.9] < 7
 * (20 cases; 1 case unknown: judge errors only, left out)}.
 */
final class QualityGates {

  static final String MIN_QUALITY = "min-quality-score";
  static final String MIN_AGREEMENT = "min-judge-agreement";

  private QualityGates() {}

  static GateResult minQuality(PromptRef p, QualityStats q, Optional<QualityStats> base,
      double min, GateConfig c) {
    String scale = " / " + num(q.scaleMax());
    String threshold = "\u2265 " + num(min) + scale;
    String baseText = base.filter(QualityStats::scored).map(b -> score(b.mean()) + scale).orElse("");
    String suffix = baseText.isEmpty() ? "" : ", baseline " + baseText;
    String head = p.label() + ": " + MIN_QUALITY;
    if (c.qualityScaleMax().isPresent() && c.qualityScaleMax().getAsDouble() != q.scaleMax()) {
      return new GateResult(p, MIN_QUALITY, GateStatus.FAILED, "misconfigured", threshold, baseText,
          head + " failed: the threshold " + num(min) + "/" + num(c.qualityScaleMax().getAsDouble())
              + " is on another scale than " + q.rubric() + " (scored " + num(q.scaleMin())
              + "\u2013" + num(q.scaleMax()) + ")");
    }
    if (min < q.scaleMin() || min > q.scaleMax()) {
      return new GateResult(p, MIN_QUALITY, GateStatus.FAILED, "misconfigured", threshold, baseText,
          head + " failed: the threshold " + num(min) + " is outside the scale of " + q.rubric()
              + " (" + num(q.scaleMin()) + "\u2013" + num(q.scaleMax()) + ")");
    }
    String unknown = unknown(q);
    if (!q.scored()) {
      GateStatus status = c.failOnUnknown() || c.failOnJudgeErrors() ? GateStatus.FAILED
          : q.unknownCases() > 0 ? GateStatus.UNKNOWN : GateStatus.NOT_APPLICABLE;
      String what = status == GateStatus.NOT_APPLICABLE ? " not applicable: " : status
          == GateStatus.FAILED ? " failed: " : " unknown: ";
      return new GateResult(p, MIN_QUALITY, status, "unknown", threshold, baseText,
          head + what + q.rubric() + " has no score (" + q.unknownCases() + " case"
              + (q.unknownCases() == 1 ? "" : "s") + " unknown: judge errors only)");
    }
    String value = score(q.mean()) + scale;
    String text = q.rubric() + " " + value + " " + interval(q);
    if (c.failOnJudgeErrors() && q.judgeErrors() > 0) {
      return new GateResult(p, MIN_QUALITY, GateStatus.FAILED, value, threshold, baseText,
          head + " failed: " + text + ", but " + q.judgeErrors() + " judge error"
              + (q.judgeErrors() == 1 ? "" : "s") + " (judge-errors=fail)" + " (" + q.cases()
              + " cases" + unknown + suffix + ")");
    }
    boolean ok = q.mean() >= min - 1e-9;
    return new GateResult(p, MIN_QUALITY, ok ? GateStatus.PASSED : GateStatus.FAILED, value,
        threshold, baseText, head + (ok ? " passed: " : " failed: ") + text + (ok ? " \u2265 " : " < ")
            + num(min) + " (" + q.cases() + " case" + (q.cases() == 1 ? "" : "s") + unknown + suffix
            + ")");
  }

  static List<GateResult> minAgreement(PromptStats s, double min, GateConfig c) {
    PromptRef p = s.prompt();
    String threshold = "kappa \u2265 " + score(min);
    String head = p.label() + ": " + MIN_AGREEMENT;
    List<GateResult> out = new ArrayList<>();
    if (s.quality().isEmpty()) {
      out.add(new GateResult(p, MIN_AGREEMENT, GateStatus.NOT_APPLICABLE, "", threshold, "",
          head + " not applicable: no rubric graded this version"));
      return out;
    }
    for (QualityStats q : s.quality()) {
      Agreement a = q.agreement();
      GateStatus unknown = c.failOnUnknown() ? GateStatus.FAILED : GateStatus.UNKNOWN;
      String verb = unknown == GateStatus.FAILED ? " failed: " : " unknown: ";
      if (a == null) {
        out.add(new GateResult(p, MIN_AGREEMENT, unknown, "unknown", threshold, "", head + verb
            + q.rubric() + " has no calibration (label outputs and run Calibration)"));
      } else if (a.kappa().isEmpty()) {
        out.add(new GateResult(p, MIN_AGREEMENT, unknown, "unknown", threshold, "", head + verb
            + q.rubric() + ": kappa is undefined on its " + a.judged() + " judged labels"
            + " (one class only?)"));
      } else {
        double k = a.kappa().getAsDouble();
        boolean ok = k >= min - 1e-9;
        out.add(new GateResult(p, MIN_AGREEMENT, ok ? GateStatus.PASSED : GateStatus.FAILED,
            score(k), threshold, "", head + (ok ? " passed: " : " failed: ") + q.rubric()
                + " kappa " + score(k) + (ok ? " \u2265 " : " < ") + score(min) + " (accuracy "
                + Format.percent(a.accuracy()) + " on " + a.judged() + " labelled outputs"
                + (a.judgeErrors() > 0 ? ", " + a.judgeErrors() + " judge errors left out" : "")
                + ")"));
      }
    }
    return out;
  }

  /** {@code "; 2 cases unknown: judge errors only, left out"}, or empty. */
  private static String unknown(QualityStats q) {
    if (q.unknownCases() == 0 && q.judgeErrors() == 0) {
      return "";
    }
    String s = "";
    if (q.unknownCases() > 0) {
      s += "; " + q.unknownCases() + " case" + (q.unknownCases() == 1 ? "" : "s")
          + " unknown: judge errors only, left out";
    }
    long others = q.judgeErrors();
    if (others > 0) {
      s += "; " + others + " judge error" + (others == 1 ? "" : "s") + " in all";
    }
    return s;
  }

  static String interval(QualityStats q) {
    return String.format(Locale.ROOT, "[%.1f, %.1f]", q.interval().lower(), q.interval().upper());
  }

  static String score(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
