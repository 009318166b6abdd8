package io.github.evals4j.report;

import io.github.evals4j.aggregate.CostStats;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.gate.Format;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.prompt.PromptRef;
import java.util.List;

/** The cell values every writer shows, so that the console, Markdown and HTML agree. */
final class Cells {

  private Cells() {}

  static String n(PromptStats s) {
    return s.runs() == s.cases() ? String.valueOf(s.cases()) : s.cases() + " (" + s.runs() + " runs)";
  }

  static String passRate(PromptStats s) {
    if (s.runs() == 0) {
      return "–";
    }
    return Format.percent(s.passRate()) + " [" + Format.percent(s.passRateInterval().lower()) + ", "
        + Format.percent(s.passRateInterval().upper()) + "]";
  }

  static String hallucination(PromptStats s) {
    return s.hallucinationRate().isPresent() ? Format.percent(s.hallucinationRate().getAsDouble()) : "–";
  }

  static String cost(CostStats c) {
    if (c.calls() == 0) {
      return "–";
    }
    return c.totalUsd().isPresent() ? Format.usd(c.totalUsd().getAsDouble())
        : "unknown (" + (c.calls() - c.pricedCalls()) + " unpriced)";
  }

  static String costPerCase(CostStats c) {
    if (c.calls() == 0) {
      return "–";
    }
    return c.perCaseUsd().isPresent() ? Format.usd(c.perCaseUsd().getAsDouble()) : "unknown";
  }

  static String p95(PromptStats s) {
    return s.latency().count() == 0 ? "–" : Format.millis(s.latency().p95Ms());
  }

  static String quality(PromptStats s) {
    return s.qualityScore().value().isPresent() ? Format.score(s.qualityScore().mean()) : "–";
  }

  /** pass / FAIL / unknown for the gates of {@code p}; reference for a reference version. */
  static String gate(PromptRef p, List<GateResult> gates) {
    boolean any = false;
    boolean unknown = false;
    for (GateResult g : gates) {
      if (g.prompt().equals(p)) {
        if (g.metric().equals(io.github.evals4j.gate.Gates.REFERENCE)) {
          return "reference";
        }
        any = true;
        if (g.status() == GateStatus.FAILED) {
          return "FAIL";
        }
        unknown |= g.status() == GateStatus.UNKNOWN;
      }
    }
    return !any ? "–" : unknown ? "unknown" : "pass";
  }
}
