package io.github.evals4j.assertions.length;

import io.github.evals4j.check.Evidence;

/** Evidence helpers: a span's text is kept short so a 10 MB output does not get copied. */
final class Spans {

  static final int MAX_EVIDENCE_CODE_POINTS = 200;

  private Spans() {}

  static Evidence evidence(String output, int start, int end, String kind, String reason) {
    return new Evidence(start, end, excerpt(output, start, end), kind, reason);
  }

  static String excerpt(String output, int start, int end) {
    int cut = start;
    int count = 0;
    while (cut < end && count < MAX_EVIDENCE_CODE_POINTS) {
      cut += Character.charCount(output.codePointAt(cut));
      count++;
    }
    cut = Math.min(cut, end);
    return cut < end ? output.substring(start, cut) + "\u2026" : output.substring(start, end);
  }
}
