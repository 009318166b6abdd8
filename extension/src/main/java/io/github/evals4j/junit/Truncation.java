package io.github.evals4j.junit;

/** Keeps values sent to Sentry short and well-formed: no split surrogate pairs, no newlines in tags. */
final class Truncation {

  private Truncation() {}

  /** {@code value} cut to at most {@code max} chars (an ellipsis marks the cut); null stays null. */
  static String truncate(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    int end = Math.max(0, max - 1);
    if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end) + "…";
  }

  /** A tag value: one line, at most {@code max} (and Sentry's 200) chars. */
  static String tag(String value, int max) {
    if (value == null) {
      return null;
    }
    return truncate(value.replaceAll("[\\r\\n\\t]+", " "), Math.min(max, 200));
  }

  /** {@code String.valueOf(value)}, truncated; a throwing {@code toString()} is named, not thrown. */
  static String describe(Object value, int max) {
    String s;
    try {
      s = String.valueOf(value);
    } catch (RuntimeException e) {
      s = "<toString() threw " + e.getClass().getSimpleName() + ">";
    }
    return truncate(s, max);
  }
}
