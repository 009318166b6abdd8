package io.github.evals4j.secrets;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * How fast {@link TextScrubber} reads (not a test; run by hand, figures in the README): MB of
 * text per second of the scanning thread's CPU time, median of 9 batches after warm-up, on three
 * 1 MB inputs: LLM-like prose with a secret every 10 KB, a {@code report.json}-like document, and
 * the adversarial {@code sk-sk-sk-…}.
 *
 * <pre>
 * ./mvnw -B -q -o test-compile -pl extension -am
 * java -cp extension/target/test-classes:extension/target/classes io.github.evals4j.secrets.ScrubberThroughput
 * </pre>
 */
public final class ScrubberThroughput {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ScrubberThroughput() {}

  public static void main(String[] args) {
    StringBuilder prose = new StringBuilder();
    int i = 0;
    while (prose.length() < 1_000_000) {
      prose.append("The refund policy allows returns within 30 days of delivery; contact support for "
          + "an RMA number. Orders over 420 EUR ship free, and tracking ids look like ")
          .append("123e4567-e89b-42d3-a456-").append(100_000_000_000L + i).append(". ");
      if (++i % 50 == 0) {
        prose.append("Use OPENAI_API_KEY=sk-proj-").append("AbC123dEf456GhI789jKl0".repeat(3))
            .append(" and mail ann.lee@example.com. ");
      }
    }
    StringBuilder json = new StringBuilder("{\"prompts\": [");
    while (json.length() < 1_000_000) {
      json.append("{\"caseId\": \"c-").append(json.length()).append("\", \"check\": \"answer.correct\", ")
          .append("\"message\": \"wrong summary: \\\"Refunds within 30 days\\\" at 12..40\", ")
          .append("\"passRate\": 0.625, \"model\": \"gpt-4o-mini-2024-07-18\"},\n");
    }
    json.append("]}");
    String adversarial = "sk-".repeat(333_334);
    measure("LLM-like prose, a secret every ~10 KB", prose.toString());
    measure("report.json-like document", json.toString());
    measure("adversarial sk-sk-sk-...", adversarial);
  }

  private static void measure(String what, String text) {
    for (int k = 0; k < 30; k++) {
      TextScrubber.DEFAULT.scrub(text);
    }
    double[] mbPerSecond = new double[9];
    for (int b = 0; b < mbPerSecond.length; b++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (int k = 0; k < 10; k++) {
        TextScrubber.DEFAULT.scrub(text);
      }
      double seconds = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
      mbPerSecond[b] = 10 * text.length() / 1e6 / seconds;
    }
    Arrays.sort(mbPerSecond);
    System.out.printf(Locale.ROOT, "%-42s %8.1f MB/s CPU (min %.1f, max %.1f)%n", what,
        mbPerSecond[4], mbPerSecond[0], mbPerSecond[8]);
  }
}
