package io.github.evals4j.check;

import io.github.evals4j.internal.Texts;

import java.util.Objects;

/**
 * One offending (or supporting) span of an output: where it is, what it says, and why it matters.
 *
 * <p>Offsets are Java {@code String} indices (UTF-16 code units) into the checked output, half-open
 * {@code [start, end)}, so {@code output.substring(start, end)} returns {@link #text()}. Use
 * {@link #describeIn(String)} for a human position (line and column in code points).
 *
 * <pre>{@code
 * Evidence e = new Evidence(12, 16, "42 %", "number", "not found in any source");
 * }</pre>
 *
 * @param start first UTF-16 index of the span, inclusive
 * @param end last UTF-16 index of the span, exclusive
 * @param text the span's text (may be shortened for very long spans)
 * @param kind a short machine-readable category, e.g. {@code "number"}, {@code "hedge"}, {@code
 *     "syntax"}
 * @param reason why this span is evidence, in words
 */
public record Evidence(int start, int end, String text, String kind, String reason) {

  public Evidence {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
    }
    text = Objects.requireNonNullElse(text, "");
    kind = Objects.requireNonNullElse(kind, "");
    reason = Objects.requireNonNullElse(reason, "");
  }

  /** Evidence for the span {@code [start, end)} of {@code output}, its text taken from it. */
  public static Evidence of(String output, int start, int end, String kind, String reason) {
    return new Evidence(start, end, output.substring(start, end), kind, reason);
  }

  /**
   * Where this span starts in {@code output}, as {@code line L, column C} (both 1-based, columns
   * counted in code points), for failure messages.
   */
  public String positionIn(String output) {
    int line = 1;
    int column = 1;
    int limit = Math.min(start, output.length());
    for (int i = 0; i < limit; ) {
      int cp = output.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return "line " + line + ", column " + column;
  }

  /** {@code "kind" at line L, column C (offset S..E): "text" — reason}. */
  public String describeIn(String output) {
    return String.format(
        "%s at %s (offset %d..%d): \"%s\"%s",
        kind.isEmpty() ? "span" : kind,
        positionIn(output),
        start,
        end,
        Texts.abbreviate(text, 120),
        reason.isEmpty() ? "" : " \u2014 " + Texts.printable(reason));
  }
}
