package io.github.evals4j.alerts;

/** Untrusted text (a Sentry answer, a value from the command line) made safe to print. */
final class Problems {

  private static final int MAX = 300;

  private Problems() {}

  /** At most 300 characters, control and bidi characters shown as {@code \\uXXXX}: one line. */
  static String quote(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX) + 16);
    int n = Math.min(text.length(), MAX);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || (c >= '\u202a' && c <= '\u202e')
          || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (text.length() > MAX) {
      b.append("… (").append(text.length() - MAX).append(" more characters)");
    }
    return b.toString();
  }
}
