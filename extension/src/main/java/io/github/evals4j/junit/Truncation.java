package io.github.evals4j.junit;

import io.github.evals4j.secrets.TextScrubber;
import java.util.regex.Pattern;

/**
 * Keeps text sent to Sentry short, well-formed (no split surrogate pairs, no newlines in tags) and
 * free of secrets and e-mail addresses ({@link TextScrubber}), replaced before truncation.
 */
final class Truncation {

  private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

  private Truncation() {}

  /**
   * {@code value} with secrets and e-mail addresses replaced: the same rules as everything else
   * evals4j publishes ({@link TextScrubber#DEFAULT}).
   */
  static String scrub(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return TextScrubber.DEFAULT.scrub(value);
  }

  /** Scrubbed, then truncated: for any free text (display names, arguments, messages). */
  static String text(String value, int max) {
    return truncate(scrub(value), max);
  }

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
    String s = scrub(value);
    if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0) {
      s = LINE_BREAKS.matcher(s).replaceAll(" ");
    }
    return truncate(s, Math.min(max, 200));
  }

  /** {@code String.valueOf(value)}, truncated; a throwing {@code toString()} is named, not thrown. */
  static String describe(Object value, int max) {
    String s;
    try {
      s = String.valueOf(value);
    } catch (RuntimeException e) {
      s = "<toString() threw " + e.getClass().getSimpleName() + ">";
    }
    return text(s, max);
  }
}
