package io.github.evals4j.junit;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one line that ends a run: tests, then what happened to the Sentry envelopes. */
final class RunSummary {

  private RunSummary() {}

  static String line(RunOutcome run, Config config, Optional<DeliveryLog.Snapshot> delivery,
      long classFailures, Map<String, String> unstableNames) {
    StringBuilder b = new StringBuilder("run ").append(run.runId()).append(": ")
        .append(run.tests()).append(" tests (").append(run.passed()).append(" passed, ")
        .append(run.failed()).append(" failed, ").append(run.aborted()).append(" aborted, ")
        .append(run.skipped()).append(" skipped, ").append(run.flaky()).append(" flaky)");
    if (run.retries() > 0) {
      b.append(", ").append(run.retries()).append(run.retries() == 1 ? " retry" : " retries");
    }
    if (classFailures > 0) {
      b.append(", ").append(classFailures).append(" class setup/teardown failures");
    }
    b.append("; Sentry: ");
    if (delivery.isEmpty()) {
      b.append(!config.enabled() ? "off (disabled)"
          : config.dsn().isEmpty() ? "off (no DSN)" : "off (unusable DSN)");
    } else {
      DeliveryLog.Snapshot d = delivery.get();
      b.append(d.transactions()).append(" transactions and ").append(d.errorEvents())
          .append(" events handed over in ").append(d.handedOver()).append(" envelopes: ")
          .append(d.sent()).append(" sent, ")
          .append(d.failedTotal()).append(" failed").append(reasons(d.failed()))
          .append(", ").append(d.droppedTotal()).append(" dropped")
          .append(reasons(d.dropped()))
          .append(", ").append(d.unconfirmed()).append(" unconfirmed")
          .append(" (flush ").append(d.flushed().toMillis()).append(" ms of ")
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
