package io.github.evals4j.junit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one line that ends a run: tests, then what happened to the Sentry envelopes. */
final class RunSummary {

  private RunSummary() {}

  static String line(RunInfo run, Config config, Optional<SentryRun> sentry, Duration flushed,
      long classFailures, Map<String, String> unstableNames) {
    StringBuilder b = new StringBuilder("run ").append(run.runId()).append(": ")
        .append(run.tests()).append(" tests (").append(run.passed()).append(" passed, ")
        .append(run.failed()).append(" failed, ").append(run.aborted()).append(" aborted, ")
        .append(run.skipped()).append(" skipped, ").append(run.flaky()).append(" flaky)");
    if (classFailures > 0) {
      b.append(", ").append(classFailures).append(" class setup/teardown failures");
    }
    b.append("; Sentry: ");
    if (sentry.isEmpty()) {
      b.append(config.dsn().isEmpty() ? "off (no DSN)" : "off (unusable DSN)");
    } else {
      DeliveryLog d = sentry.get().delivery();
      long unconfirmed = Math.max(0,
          d.handedOver() - d.sent() - d.failedTotal() - d.droppedTotal());
      b.append(d.transactions()).append(" transactions and ").append(d.errorEvents())
          .append(" events handed over in ").append(d.handedOver()).append(" envelopes: ")
          .append(d.sent()).append(" sent, ")
          .append(d.failedTotal()).append(" failed").append(reasons(d.failedByReason()))
          .append(", ").append(d.droppedTotal()).append(" dropped")
          .append(reasons(d.droppedByReason()))
          .append(", ").append(unconfirmed).append(" unconfirmed")
          .append(" (flush ").append(flushed.toMillis()).append(" ms of ")
          .append(config.flushTimeout().toMillis()).append(" ms)");
    }
    if (!unstableNames.isEmpty()) {
      b.append("; unstable display names break history: ").append(unstableNames.entrySet()
          .stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
          .collect(Collectors.joining(", ")));
    }
    return b.toString();
  }

  private static String reasons(Map<String, Long> byReason) {
    if (byReason.isEmpty()) {
      return "";
    }
    return byReason.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
        .collect(Collectors.joining(", ", " (", ")"));
  }
}
