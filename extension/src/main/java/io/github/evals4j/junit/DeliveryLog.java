package io.github.evals4j.junit;

import io.sentry.ILogger;
import io.sentry.SentryEnvelope;
import io.sentry.SentryEnvelopeItem;
import io.sentry.SentryItemType;
import io.sentry.SentryLevel;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what happened to every envelope the SDK was given: handed over, sent, failed (by HTTP
 * status or network error), dropped (full queue, rate limit).
 *
 * <p>The SDK's HTTP transport reports outcomes only through its diagnostic logger, so this is that
 * logger: it matches the transport's messages (checked against sentry-java 8.62's
 * {@code AsyncHttpTransport}, {@code HttpConnection}, {@code RateLimiter} and
 * {@code QueuedThreadPoolExecutor}; the WireMock tests fail if they change) and says the first
 * problem once on the console.
 */
final class DeliveryLog implements ILogger {

  private final Console console;
  private final LongAdder handedOver = new LongAdder();
  private final LongAdder transactions = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

  DeliveryLog(Console console) {
    this.console = console;
  }

  /** The {@code BeforeEnvelopeCallback}: the SDK is about to queue {@code envelope}. */
  void handedOver(SentryEnvelope envelope) {
    handedOver.increment();
    for (SentryEnvelopeItem item : envelope.getItems()) {
      SentryItemType type = item.getHeader().getType();
      if (type == SentryItemType.Transaction) {
        transactions.increment();
      } else if (type == SentryItemType.Event) {
        errors.increment();
      }
    }
  }

  @Override
  public void log(SentryLevel level, String message, Object... args) {
    if (message == null) {
      return;
    }
    switch (message) {
      case "Envelope sent successfully." -> sent.increment();
      case "Request failed, API returned %s" -> {
        String code = args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
        fail("HTTP " + code, "Sentry answered HTTP " + code
            + ("429".equals(code) ? " (rate limited; the SDK drops data until Retry-After)" : ""));
      }
      case "Submit cancelled" -> drop("queue full",
          "the Sentry queue is full: envelopes are dropped (raise evals4j.sentry.queue-size)");
      case "Envelope rejected" -> dropped.computeIfAbsent("closed", r -> new LongAdder()).increment();
      case "Envelope discarded due all items rate limited." ->
          drop("rate limit",
          "Sentry rate-limits this project (HTTP 429, Retry-After): envelopes are dropped");
      default -> {
        if (message.startsWith("Envelope was discarded by the server because it was too large")) {
          fail("HTTP 413", "Sentry answered HTTP 413: an envelope was too large");
        }
      }
    }
  }

  @Override
  public void log(SentryLevel level, String message, Throwable throwable) {
    log(level, throwable, message);
  }

  @Override
  public void log(SentryLevel level, Throwable throwable, String message, Object... args) {
    if ("Envelope submission failed".equals(message) && throwable != null
        && String.valueOf(throwable.getMessage()).startsWith("Sending the event failed")) {
      Throwable cause = throwable.getCause() == null ? throwable : throwable.getCause();
      fail("network", "sending to Sentry failed: " + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
  }

  @Override
  public boolean isEnabled(SentryLevel level) {
    return true;
  }

  private void fail(String reason, String warning) {
    failed.computeIfAbsent(reason, r -> new LongAdder()).increment();
    console.warnOnce(warning);
  }

  private void drop(String reason, String warning) {
    dropped.computeIfAbsent(reason, r -> new LongAdder()).increment();
    console.warnOnce(warning);
  }

  long handedOver() {
    return handedOver.sum();
  }

  long transactions() {
    return transactions.sum();
  }

  long errorEvents() {
    return errors.sum();
  }

  long sent() {
    return sent.sum();
  }

  /** Handed over, but neither sent, failed nor dropped (yet). */
  long unconfirmed() {
    return Math.max(0, handedOver() - sent() - failedTotal() - droppedTotal());
  }

  long failedTotal() {
    return failed.values().stream().mapToLong(LongAdder::sum).sum();
  }

  long droppedTotal() {
    return dropped.values().stream().mapToLong(LongAdder::sum).sum();
  }

  Map<String, Long> failedByReason() {
    return snapshot(failed);
  }

  Map<String, Long> droppedByReason() {
    return snapshot(dropped);
  }

  /** The counts now. */
  Snapshot snapshot(Duration flushed) {
    return new Snapshot(handedOver(), transactions(), errorEvents(), sent(), failedByReason(),
        droppedByReason(), unconfirmed(), flushed);
  }

  /** What happened to the envelopes, at one moment. */
  record Snapshot(long handedOver, long transactions, long errorEvents, long sent,
      Map<String, Long> failed, Map<String, Long> dropped, long unconfirmed, Duration flushed) {

    long failedTotal() {
      return failed.values().stream().mapToLong(Long::longValue).sum();
    }

    long droppedTotal() {
      return dropped.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }
}
