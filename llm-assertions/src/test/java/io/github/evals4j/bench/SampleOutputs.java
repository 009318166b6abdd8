package io.github.evals4j.bench;

/** Realistic LLM outputs of fixed sizes for benchmarks. */
final class SampleOutputs {

  private static final String PARAGRAPH =
      "## Release summary\n"
          + "The 2.4 release cuts checkout latency by 38% (p95 from 420 ms to 260 ms) and adds "
          + "one-click payments for returning customers. See https://example.com/releases/2.4 for "
          + "details.\n"
          + "- Payments: retries are capped at 3, with exponential backoff starting at 200 ms.\n"
          + "- Search: typo tolerance for product names; \"wireless headphons\" now finds 124 items.\n"
          + "- Mobile: the cart survives app restarts on iOS 17 and Android 14.\n"
          + "Known issue: exports larger than 50 MB still time out after 30 s; a fix is planned for "
          + "2.4.1. Thanks to @ops-team for the rollout! #release #checkout\n\n";

  private SampleOutputs() {}

  /** About {@code bytes} bytes (ASCII) of a release-note style output. */
  static String english(int bytes) {
    StringBuilder sb = new StringBuilder(bytes + PARAGRAPH.length());
    while (sb.length() < bytes) {
      sb.append(PARAGRAPH);
    }
    return sb.substring(0, bytes);
  }
}
