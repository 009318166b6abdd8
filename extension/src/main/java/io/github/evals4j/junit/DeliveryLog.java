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
 * status or network error), dropped (full queue, rate limit, closed).
 *
 * <p>The extension's {@link ParallelTransport} reports each outcome here; the SDK's
 * {@code RateLimiter}, which drops the envelopes of a rate-limited project before they reach the
 * transport, says so only through the diagnostic logger, so this is also that logger (its message
 * is checked against sentry-java 8.62; the 429 test fails if it changes). The first problem is said
 * once on the console.
 */
final class DeliveryLog implements ILogger {

  static final String QUEUE_FULL = "queue full";
  static final String CLOSED = "closed";
  private static final String RATE_LIMIT = "rate limit";

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

  /** Sentry accepted an envelope (HTTP 200). */
  void onSent() {
    sent.increment();
  }

  /** Sentry answered {@code status}, not 200: the envelope is lost. */
  void onHttpError(int status) {
    fail("HTTP " + status, "Sentry answered HTTP " + status + switch (status) {
      case 429 -> " (rate limited; the SDK drops data until Retry-After)";
      case 413 -> ": an envelope was too large";
      default -> "";
    });
  }

  /** The envelope could not be sent: refused, timed out, reset. */
  void onNetworkError(Throwable error) {
    fail("network", "sending to Sentry failed: " + error.getClass().getSimpleName()
        + (error.getMessage() == null ? "" : ": " + error.getMessage()));
  }

  /** The envelope never left: {@link #QUEUE_FULL} or {@link #CLOSED}. */
  void onDropped(String reason) {
    if (QUEUE_FULL.equals(reason)) {
      drop(reason,
          "the Sentry queue is full: envelopes are dropped (raise evals4j.sentry.queue-size,"
              + " or let tests wait longer for room: evals4j.sentry.queue-full-wait)");
    } else {
      dropped.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }
  }

  @Override
  public void log(SentryLevel level, String message, Object... args) {
    if ("Envelope discarded due all items rate limited.".equals(message)) {
      drop(RATE_LIMIT,
          "Sentry rate-limits this project (HTTP 429, Retry-After): envelopes are dropped");
    }
  }

  @Override
  public void log(SentryLevel level, String message, Throwable throwable) {
    log(level, message);
  }

  @Override
  public void log(SentryLevel level, Throwable throwable, String message, Object... args) {
    log(level, message, args);
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
