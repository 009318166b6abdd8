package io.github.evals4j.junit;

import io.sentry.Hint;
import io.sentry.ITransportFactory;
import io.sentry.RequestDetails;
import io.sentry.SentryEnvelope;
import io.sentry.SentryOptions;
import io.sentry.transport.AsyncHttpTransport;
import io.sentry.transport.ITransport;
import io.sentry.transport.RateLimiter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several of the SDK's own HTTP transports side by side, sharing one rate limiter.
 *
 * <p>The SDK sends one envelope per HTTP request on a single thread, and Sentry takes one
 * transaction per envelope: 5,000 tests at a 50 ms round trip would need four minutes of sending.
 * Test transactions are produced far faster than a single connection drains them, so the run
 * spreads them over a few connections (round robin). A 429 seen by any of them stops all of them.
 */
final class ParallelTransport implements ITransport {

  private final List<ITransport> transports;
  private final RateLimiter rateLimiter;
  private final AtomicInteger next = new AtomicInteger();

  private ParallelTransport(List<ITransport> transports, RateLimiter rateLimiter) {
    this.transports = List.copyOf(transports);
    this.rateLimiter = rateLimiter;
  }

  /** A factory of {@code senders} parallel transports. */
  static ITransportFactory factory(int senders) {
    return (SentryOptions options, RequestDetails details) -> {
      RateLimiter limiter = new RateLimiter(options);
      List<ITransport> transports = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        transports.add(new AsyncHttpTransport(options, limiter, options.getTransportGate(),
            details));
      }
      return new ParallelTransport(transports, limiter);
    };
  }

  @Override
  public void send(SentryEnvelope envelope, Hint hint) throws IOException {
    transports.get(Math.floorMod(next.getAndIncrement(), transports.size())).send(envelope, hint);
  }

  /** Waits for all senders within one deadline: they drain at the same time. */
  @Override
  public void flush(long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    for (ITransport t : transports) {
      long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
      t.flush(left);
    }
  }

  @Override
  public boolean isHealthy() {
    return transports.stream().allMatch(ITransport::isHealthy);
  }

  @Override
  public RateLimiter getRateLimiter() {
    return rateLimiter;
  }

  @Override
  public void close(boolean isRestarting) throws IOException {
    IOException first = null;
    for (ITransport t : transports) {
      try {
        t.close(isRestarting);
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public void close() throws IOException {
    close(false);
  }
}
