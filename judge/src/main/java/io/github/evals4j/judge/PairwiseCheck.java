package io.github.evals4j.judge;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.replay.ReplayException;
import java.util.List;
import java.util.Objects;

/**
 * Pairwise preference: which of two responses better meets the criteria, asked in both orders.
 * LLM judges favour a position (often the first); asking A-then-B and B-then-A and keeping only
 * what both orders agree on cancels that bias, and a disagreement is reported as {@link
 * Preference.Winner#INCONSISTENT}, never as a win.
 *
 * <pre>{@code
 * Preference p = JudgeChecks.pairwise(judge, "More helpful to a first-time user").compare(v2, v1);
 * CheckResult r = JudgeChecks.pairwise(judge, "More helpful").preferredOver(v1).evaluate(v2);
 * }</pre>
 */
public final class PairwiseCheck {

  private final Judge judge;
  private final String criteria;

  PairwiseCheck(Judge judge, String criteria) {
    this.judge = Objects.requireNonNull(judge, "judge");
    this.criteria = Objects.requireNonNull(criteria, "criteria");
  }

  /** Compares {@code a} with {@code b} in both orders. */
  public Preference compare(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    String[] ab = ask(a, b, "ab", RubricCheck.digest(a, b));
    String[] ba = ask(b, a, "ba", RubricCheck.digest(a, b));
    if (ab[0] == null || ba[0] == null) {
      return new Preference(Preference.Winner.JUDGE_ERROR,
          "judge error (A then B: " + (ab[0] == null ? ab[1] : "ok") + "; B then A: "
              + (ba[0] == null ? ba[1] : "ok") + ")");
    }
    // In the second order, "1" is B.
    String first = ab[0].equals("1") ? "A" : ab[0].equals("2") ? "B" : "tie";
    String second = ba[0].equals("1") ? "B" : ba[0].equals("2") ? "A" : "tie";
    Preference.Winner winner;
    if (first.equals(second)) {
      winner = first.equals("tie") ? Preference.Winner.TIE : Preference.Winner.valueOf(first);
    } else if (first.equals("tie") || second.equals("tie")) {
      winner = Preference.Winner.TIE;
    } else {
      winner = Preference.Winner.INCONSISTENT;
    }
    String message = "A then B: " + first + " (\"" + Texts.abbreviate(ab[1], 200) + "\"); B then A: "
        + second + " (\"" + Texts.abbreviate(ba[1], 200) + "\")"
        + (winner == Preference.Winner.INCONSISTENT
            ? "; the judge preferred the same position in both orders (position bias)" : "");
    return new Preference(winner, message);
  }

  /**
   * A check that passes when the output wins against {@code baseline} in both orders; a tie, an
   * inconsistent judge or a loss fail (score 0.5, 0.5, 0; a win scores 1), a judge error is
   * counted apart.
   */
  public Check preferredOver(String baseline) {
    Objects.requireNonNull(baseline, "baseline");
    return Check.of("pairwise", output -> {
      if (output == null) {
        return new CheckResult("pairwise", false, 0, 1, Direction.AT_LEAST, List.of(),
            "pairwise: the output is null");
      }
      Preference p = compare(output, baseline);
      if (p.winner() == Preference.Winner.JUDGE_ERROR) {
        return JudgeErrors.of("pairwise", 1, Direction.AT_LEAST, p.message());
      }
      double score = p.winner() == Preference.Winner.A ? 1
          : p.winner() == Preference.Winner.B ? 0 : 0.5;
      String verdict = switch (p.winner()) {
        case A -> "preferred over the baseline in both orders";
        case B -> "the baseline was preferred in both orders";
        case TIE -> "a tie with the baseline";
        default -> "inconsistent: the two orders disagree, so no win";
      };
      return new CheckResult("pairwise", p.winner() == Preference.Winner.A, score, 1,
          Direction.AT_LEAST, List.of(new Evidence(0, 0, p.message(), "judge-reason", verdict)),
          "pairwise: " + verdict + " (score " + Verdicts.num(score) + ", threshold 1): "
              + p.message());
    });
  }

  /** {@code {better, reason}}, or {@code {null, why}} on a judge error. */
  private String[] ask(String first, String second, String order, String digest) {
    String system = "You are an impartial evaluator. Compare RESPONSE 1 and RESPONSE 2 against the "
        + "criteria below and say which is better, or \"tie\". The order of the responses is "
        + "arbitrary; do not let it influence you.\n\nCriteria:\n" + criteria
        + "\n\nReply with JSON only: {\"better\": \"1\" | \"2\" | \"tie\", \"reason\": \"<one or two "
        + "sentences>\"}";
    String user = "RESPONSE 1:\n<<<\n" + first + "\n>>>\n\nRESPONSE 2:\n<<<\n" + second + "\n>>>";
    try {
      JudgeReply reply = judge.ask(new JudgeRequest("pairwise/" + digest + "/" + order, system,
          user, Verdicts.PREFERENCE_SCHEMA, 0));
      Verdicts.Parsed<String[]> p = Verdicts.preference(reply);
      return p.ok() ? p.value() : new String[] {null, p.error()};
    } catch (ReplayException e) {
      throw e;
    } catch (RuntimeException e) {
      return new String[] {null, e instanceof JudgeException ? e.getMessage() : String.valueOf(e)};
    }
  }
}
