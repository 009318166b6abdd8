package io.github.evals4j.internal;

/** Small text helpers shared by checks and messages. */
public final class Texts {

  private Texts() {}

  /**
   * {@code text} shortened to at most {@code max} code points with a trailing ellipsis, never
   * splitting a surrogate pair; line breaks are shown as {@code \n} so a message stays on one line.
   */
  public static String abbreviate(String text, int max) {
    if (text == null) {
      return "null";
    }
    String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
    if (oneLine.codePointCount(0, oneLine.length()) <= max) {
      return oneLine;
    }
    int end = oneLine.offsetByCodePoints(0, Math.max(0, max - 1));
    return oneLine.substring(0, end) + "\u2026";
  }

  /**
   * {@code text} cut to at most {@code max} code points with a trailing ellipsis, keeping its line
   * breaks (as {@code \n}): for multi-line messages, such as a caret excerpt, shown in a report.
   */
  public static String truncate(String text, int max) {
    if (text == null) {
      return "null";
    }
    String normalized = text.replace("\r\n", "\n");
    if (normalized.codePointCount(0, normalized.length()) <= max) {
      return normalized;
    }
    int end = normalized.offsetByCodePoints(0, Math.max(0, max - 1));
    return normalized.substring(0, end) + "\u2026";
  }
}
