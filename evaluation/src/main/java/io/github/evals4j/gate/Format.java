package io.github.evals4j.gate;

import java.util.Locale;

/** How numbers read in gate messages and reports (one place, so every output agrees). */
public final class Format {

  private Format() {}

  /** {@code 0.8125} → {@code 81.3 %}. */
  public static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f %%", rate * 100);
  }

  /** A signed difference of rates in percentage points: {@code +12.5 pp}. */
  public static String points(double delta) {
    return String.format(Locale.ROOT, "%+.1f pp", delta * 100);
  }

  /** USD: cents from $1 up, else three significant digits, at least two decimals ({@code $0.10}, {@code $0.00216}). */
  public static String usd(double usd) {
    if (usd == 0) {
      return "$0";
    }
    if (Math.abs(usd) >= 1) {
      return String.format(Locale.ROOT, "$%.2f", usd);
    }
    java.math.BigDecimal d =
        new java.math.BigDecimal(usd).round(new java.math.MathContext(3)).stripTrailingZeros();
    return "$" + d.setScale(Math.max(2, d.scale()), java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  /** A signed USD difference: {@code +$0.000180}. */
  public static String usdDelta(double usd) {
    return (usd >= 0 ? "+" : "-") + usd(Math.abs(usd));
  }

  /** Milliseconds, rounded: {@code 930 ms}. */
  public static String millis(double ms) {
    return String.format(Locale.ROOT, "%.0f ms", ms);
  }

  /** A 0..1 score: {@code 0.75}. */
  public static String score(double score) {
    return String.format(Locale.ROOT, "%.2f", score);
  }
}
