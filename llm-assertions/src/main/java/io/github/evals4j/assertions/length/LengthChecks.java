package io.github.evals4j.assertions.length;

import io.github.evals4j.check.Check;
import java.util.Objects;

/**
 * Length limits as {@link Check}s, and the platform presets. The same checks back the fluent
 * assertions ({@code assertThat(output).hasAtMost(100, TextUnit.WORDS)}); these factories are for
 * non-throwing evaluation.
 *
 * <pre>{@code
 * CheckResult r = LengthChecks.atMost(TextUnit.WORDS, 100).evaluate(output);
 * CheckResult tweet = LengthChecks.xPost().evaluate(output);
 * }</pre>
 *
 * <p>Platform limits and where they come from:
 *
 * <ul>
 *   <li>X (Twitter): 280 weighted characters, computed by X's own twitter-text library (v3
 *       configuration): URLs weigh 23, CJK characters and emoji 2;
 *   <li>LinkedIn post: 3,000 characters (LinkedIn Help); LinkedIn does not document its unit, so
 *       UTF-16 units are counted, the conservative choice (an emoji counts 2);
 *   <li>SMS: segments per 3GPP TS 23.038 / 23.040, see {@link SmsMessage}.
 * </ul>
 */
public final class LengthChecks {

  /** LinkedIn's limit for the text of a post. */
  public static final int LINKEDIN_POST_CHARACTERS = 3_000;

  private LengthChecks() {}

  /** At most {@code max} units. */
  public static Check atMost(TextUnit unit, int max) {
    requireNonNegative(max, "max");
    return new LengthCheck(name(unit, "max"), Objects.requireNonNull(unit, "unit"), 0, max,
        "maximum");
  }

  /** At least {@code min} units. */
  public static Check atLeast(TextUnit unit, int min) {
    requireNonNegative(min, "min");
    return new LengthCheck(name(unit, "min"), Objects.requireNonNull(unit, "unit"), min,
        LengthCheck.NO_MAX, "maximum");
  }

  /** Between {@code min} and {@code max} units, both inclusive. */
  public static Check between(TextUnit unit, int min, int max) {
    requireNonNegative(min, "min");
    if (max < min) {
      throw new IllegalArgumentException("max (" + max + ") must be >= min (" + min + ")");
    }
    return new LengthCheck(name(unit, "between"), Objects.requireNonNull(unit, "unit"), min, max,
        "maximum");
  }

  /** An X (Twitter) post: at most 280 weighted characters as twitter-text counts them. */
  public static Check xPost() {
    return new XPostCheck();
  }

  /** X's weighted length of {@code text} (twitter-text, v3 configuration). */
  public static int xWeightedLength(String text) {
    return XPostCheck.weightedLength(Objects.requireNonNull(text, "text"));
  }

  /** A LinkedIn post: at most 3,000 characters, counted as UTF-16 units. */
  public static Check linkedInPost() {
    return new LengthCheck("platform.linkedin.post", TextUnit.UTF16_UNITS, 0,
        LINKEDIN_POST_CHARACTERS, "LinkedIn post limit");
  }

  /** At most {@code max} SMS segments (see {@link SmsMessage} for the encoding rules). */
  public static Check smsSegments(int max) {
    requireNonNegative(max, "max");
    return new SmsSegmentsCheck(max);
  }

  private static String name(TextUnit unit, String kind) {
    return "length." + unit.key() + "." + kind;
  }

  private static void requireNonNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be >= 0, was " + value);
    }
  }
}
