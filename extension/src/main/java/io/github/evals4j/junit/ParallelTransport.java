package io.github.evals4j.junit;

import io.sentry.DateUtils;
import io.sentry.Hint;
import io.sentry.ITransportFactory;
import io.sentry.RequestDetails;
import io.sentry.SentryEnvelope;
import io.sentry.SentryOptions;
import io.sentry.clientreport.DiscardReason;
import io.sentry.hints.SubmissionResult;
import io.sentry.transport.ITransport;
import io.sentry.transport.RateLimiter;
import io.sentry.util.HintUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * The extension's Sentry transport: a few sender threads sharing one bounded queue POST the
 * envelopes with {@code java.net.http} over kept-alive HTTP/1.1 connections, and say what became
 * of each to the {@link DeliveryLog}.
 *
 * <p>Why not the SDK's {@code AsyncHttpTransport}: it sends on one thread, one envelope per request,
 * while a test suite produces transactions far faster (5,000 tests at a 50 ms round trip would need
 * four minutes); and it posts with {@code HttpURLConnection} and a {@code Connection: close}
 * header, yet the JDK still pools the connection when the response says {@code keep-alive}.
 * Sentry Spotlight's sidecar (Node) answers exactly that, then rejects the next request on the
 * connection with HTTP 400 (Node refuses data after {@code Connection: close}): every other envelope
 * was lost. {@code java.net.http} sends no such header, so a reused connection is valid for any
 * server, and sentry.io is spared a TLS handshake per envelope.
 *
 * <p>Rate limits are the SDK's own {@link RateLimiter} (429, {@code Retry-After},
 * {@code X-Sentry-Rate-Limits}); a 429 seen by any sender stops all of them. A request that fails
 * on a kept-alive connection the server has just closed is sent once more.
 */
final class ParallelTransport implements ITransport {

  /** Headers {@code java.net.http} sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final SentryOptions options;
  private final RateLimiter rateLimiter;
  private final DeliveryLog delivery;
  private final HttpClient http;
  private final URI envelopes;
  private final Duration requestTimeout;
  /** Name, value, name, value... */
  private final String[] headers;
  private final ThreadPoolExecutor senders;
  private final Object idle = new Object();
  private int pending;

  private ParallelTransport(SentryOptions options, RequestDetails details, int senders,
      int queueSize, DeliveryLog delivery) {
    this.options = options;
    this.delivery = delivery;
    this.rateLimiter = new RateLimiter(options);
    HttpClient.Builder client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofMillis(Math.max(1, options.getConnectionTimeoutMillis())));
    // HttpURLConnection, used by the SDK, honours the JVM's proxy settings: keep doing so.
    ProxySelector proxies = ProxySelector.getDefault();
    if (proxies != null) {
      client.proxy(proxies);
    }
    this.http = client.build();
    this.envelopes = envelopeUri(details);
    this.requestTimeout = Duration.ofMillis(Math.max(1, options.getReadTimeoutMillis()));
    List<String> h = new ArrayList<>(List.of("Content-Encoding", "gzip",
        "Content-Type", "application/x-sentry-envelope", "Accept", "application/json"));
    for (Map.Entry<String, String> e : details.getHeaders().entrySet()) {
      if (!RESTRICTED.contains(e.getKey().toLowerCase(Locale.ROOT))) {
        h.add(e.getKey());
        h.add(e.getValue());
      }
    }
    this.headers = h.toArray(String[]::new);
    AtomicInteger threads = new AtomicInteger();
    this.senders = new ThreadPoolExecutor(senders, senders, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(queueSize), r -> {
          Thread t = new Thread(r, "evals4j-sentry-sender-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** A factory of transports with {@code senders} threads and room for {@code queueSize} envelopes. */
  static ITransportFactory factory(int senders, int queueSize, DeliveryLog delivery) {
    return (options, details) ->
        new ParallelTransport(options, details, senders, queueSize, delivery);
  }

  /** The SDK resolved the DSN to the project's envelope endpoint ({@code /api/<id>/envelope/}). */
  private static URI envelopeUri(RequestDetails details) {
    try {
      return details.getUrl().toURI();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a usable Sentry URL", e);
    }
  }

  @Override
  public void send(SentryEnvelope envelope, Hint hint) {
    // Items of rate-limited categories are removed (the limiter tells the DeliveryLog).
    SentryEnvelope filtered = rateLimiter.filter(envelope, hint);
    if (filtered == null) {
      result(hint, false);
      return;
    }
    synchronized (idle) {
      pending++;
    }
    try {
      senders.execute(() -> deliver(filtered, hint));
    } catch (RejectedExecutionException e) {
      done();
      delivery.onDropped(senders.isShutdown() ? DeliveryLog.CLOSED : DeliveryLog.QUEUE_FULL);
      options.getClientReportRecorder().recordLostEnvelope(DiscardReason.QUEUE_OVERFLOW, filtered);
      result(hint, false);
    }
  }

  private void deliver(SentryEnvelope envelope, Hint hint) {
    boolean sent = false;
    try {
      SentryEnvelope withReport =
          options.getClientReportRecorder().attachReportToEnvelope(envelope);
      withReport.getHeader()
          .setSentAt(DateUtils.nanosToDate(options.getDateProvider().now().nanoTimestamp()));
      HttpResponse<Void> response = post(gzip(withReport));
      int status = response.statusCode();
      rateLimiter.updateRetryAfterLimits(
          response.headers().firstValue("X-Sentry-Rate-Limits").orElse(null),
          response.headers().firstValue("Retry-After").orElse(null), status);
      if (status == 200) {
        sent = true;
        delivery.onSent();
      } else {
        delivery.onHttpError(status);
        if (status != 429) {
          options.getClientReportRecorder()
              .recordLostEnvelope(DiscardReason.NETWORK_ERROR, withReport);
        }
      }
    } catch (InterruptedException e) {
      // closing: what was not confirmed stays counted as unconfirmed
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      delivery.onNetworkError(e);
      options.getClientReportRecorder().recordLostEnvelope(DiscardReason.NETWORK_ERROR, envelope);
    } finally {
      result(hint, sent);
      done();
    }
  }

  private HttpResponse<Void> post(byte[] body) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(envelopes).timeout(requestTimeout).headers(headers)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try {
      return http.send(r, HttpResponse.BodyHandlers.discarding());
    } catch (HttpTimeoutException | ConnectException e) {
      throw e;
    } catch (IOException e) {
      // The server closed a kept-alive connection as it was reused: once more, on another one.
      return http.send(r, HttpResponse.BodyHandlers.discarding());
    }
  }

  private byte[] gzip(SentryEnvelope envelope) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(bytes)) {
      options.getSerializer().serialize(envelope, gzip);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("the envelope could not be serialized", e);
    }
    return bytes.toByteArray();
  }

  private static void result(Hint hint, boolean success) {
    HintUtils.runIfHasType(hint, SubmissionResult.class, r -> r.setResult(success));
  }

  private void done() {
    synchronized (idle) {
      pending--;
      if (pending == 0) {
        idle.notifyAll();
      }
    }
  }

  /** Waits until every queued envelope got its answer, for at most {@code timeoutMillis}. */
  @Override
  public void flush(long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (idle) {
      try {
        for (long left = deadline - System.nanoTime(); pending > 0 && left > 0;
            left = deadline - System.nanoTime()) {
          TimeUnit.NANOSECONDS.timedWait(idle, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isHealthy() {
    return !rateLimiter.isAnyRateLimitActive() && senders.getQueue().remainingCapacity() > 0;
  }

  @Override
  public RateLimiter getRateLimiter() {
    return rateLimiter;
  }

  /** Stops the senders within the SDK's flush timeout, then interrupts what is still sending. */
  @Override
  public void close(boolean isRestarting) throws IOException {
    senders.shutdown();
    try {
      if (!senders.awaitTermination(options.getFlushTimeoutMillis(), TimeUnit.MILLISECONDS)) {
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      senders.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      rateLimiter.close();
    }
  }

  @Override
  public void close() throws IOException {
    close(false);
  }
}
