package io.github.evals4j.aggregate;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * How one check fared over every run of a prompt version.
 *
 * <p>A check's score means different things from check to check: a 0..1 quality score where higher
 * is better (grounding), a 0..1 score where lower is better (refusal), a count such as tokens
 * (lower is better, up to a limit), or just 1/0 for pass/fail. {@code direction} and {@code scale}
 * say which, so that a report never sets a mean token count beside a mean quality score without
 * saying so.
 *
 * @param name the check's name
 * @param informational whether the check is reported only, never making a run fail
 * @param results how many results were recorded
 * @param passed how many passed
 * @param meanScore the mean of their scores
 * @param direction which way is better: {@code AT_LEAST} (higher), {@code AT_MOST} (lower),
 *     {@code NONE} (pass/fail), {@value #MIXED} when results disagreed, {@value #UNKNOWN} in
 *     reports written before this field existed
 * @param scale what the score is: {@value #PASS_FAIL} (every score 0 or 1: the pass rate says it
 *     all), {@value #UNIT} (within 0..1), {@value #VALUE} (a count or measure such as tokens), or
 *     {@value #UNKNOWN}
 */
public record CheckStats(
    String name, boolean informational, long results, long passed, Mean meanScore, @JsonSetter(nulls = Nulls.AS_EMPTY) String direction,
    @JsonSetter(nulls = Nulls.AS_EMPTY) String scale) {

  /** Results of one check disagreed on the direction. */
  public static final String MIXED = "MIXED";
  /** Not recorded (a report written before direction and scale existed). */
  public static final String UNKNOWN = "unknown";
  /** Every score was 0 or 1. */
  public static final String PASS_FAIL = "pass-fail";
  /** Every score was within [0, 1]. */
  public static final String UNIT = "0-1";
  /** Some score was outside [0, 1]: a count or a measure. */
  public static final String VALUE = "value";

  public CheckStats {
    if (passed < 0 || passed > results) {
      throw new IllegalArgumentException("check " + name + ": passed " + passed + " of " + results);
    }
    meanScore = meanScore == null ? Mean.NONE : meanScore;
    direction = direction == null || direction.isBlank() ? UNKNOWN : direction;
    scale = scale == null || scale.isBlank() ? UNKNOWN : scale;
  }

  /** A check whose direction and scale are unknown. */
  public CheckStats(String name, boolean informational, long results, long passed, Mean meanScore) {
    this(name, informational, results, passed, meanScore, UNKNOWN, UNKNOWN);
  }

  /** {@code passed / results}, 0 when there was no result. */
  public double passRate() {
    return results == 0 ? 0 : (double) passed / results;
  }

  CheckStats plus(CheckStats o) {
    return new CheckStats(
        name, informational || o.informational, results + o.results, passed + o.passed,
        meanScore.plus(o.meanScore), direction.equals(o.direction) ? direction
            : direction.equals(UNKNOWN) ? o.direction : o.direction.equals(UNKNOWN) ? direction : MIXED,
        widerScale(scale, o.scale));
  }

  private static String widerScale(String a, String b) {
    if (a.equals(b) || b.equals(UNKNOWN)) {
      return a;
    }
    if (a.equals(UNKNOWN)) {
      return b;
    }
    if (a.equals(VALUE) || b.equals(VALUE)) {
      return VALUE;
    }
    return UNIT; // pass-fail with 0-1
  }
}
