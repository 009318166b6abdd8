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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * The extension's Sentry transport: a few sender threads sharing one bounded queue POST the
 * envelopes over kept-alive HTTP/1.1 connections, and say what became of each to the
 * {@link DeliveryLog}.
 *
 * <p>Why not the SDK's {@code AsyncHttpTransport}: it sends on one thread, one envelope per request,
 * while a test suite produces transactions far faster (5,000 tests at a 50 ms round trip would need
 * four minutes); and it sends {@code Connection: close}, yet the JDK still pools the connection
 * when the response says {@code keep-alive}. Sentry Spotlight's sidecar (Node) answers exactly
 * that, then rejects the next request on the connection with HTTP 400 (Node refuses data after
 * {@code Connection: close}): every other envelope was lost. This transport asks for no close, so
 * a reused connection is valid for any server, and Sentry is spared a TLS handshake per envelope.
 * It uses {@code HttpURLConnection} like the SDK ({@code java.net.http} cost twice the CPU per
 * envelope in the overhead benchmark) and so honours the JVM's proxy settings as the SDK did.
 *
 * <p>Rate limits are the SDK's own {@link RateLimiter} (429, {@code Retry-After},
 * {@code X-Sentry-Rate-Limits}); a 429 seen by any sender stops all of them. A request that fails
 * on a kept-alive connection the server has just closed is sent once more.
 */
final class ParallelTransport implements ITransport {

  private final SentryOptions options;
  private final RateLimiter rateLimiter;
  private final DeliveryLog delivery;
  private final URL envelopes;
  private final int connectTimeout;
  private final int readTimeout;
  private final Map<String, String> headers;
  private final ThreadPoolExecutor senders;
  private final Object idle = new Object();
  private int pending;

  private ParallelTransport(SentryOptions options, RequestDetails details, int senders,
      int queueSize, DeliveryLog delivery) {
    this.options = options;
    this.delivery = delivery;
    this.rateLimiter = new RateLimiter(options);
    this.envelopes = details.getUrl();
    this.connectTimeout = Math.max(1, options.getConnectionTimeoutMillis());
    this.readTimeout = Math.max(1, options.getReadTimeoutMillis());
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Encoding", "gzip");
    h.put("Content-Type", "application/x-sentry-envelope");
    h.put("Accept", "application/json");
    details.getHeaders().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Connection")) {
        h.put(name, value);
      }
    });
    this.headers = Map.copyOf(h);
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
      Answer answer = post(gzip(withReport));
      int status = answer.status();
      rateLimiter.updateRetryAfterLimits(answer.rateLimits(), answer.retryAfter(), status);
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
    } catch (IOException | RuntimeException e) {
      delivery.onNetworkError(e);
      options.getClientReportRecorder().recordLostEnvelope(DiscardReason.NETWORK_ERROR, envelope);
    } finally {
      result(hint, sent);
      done();
    }
  }

  /** Sentry's answer: the status and the rate-limit headers. */
  private record Answer(int status, String rateLimits, String retryAfter) {}

  private Answer post(byte[] body) throws IOException {
    try {
      return postOnce(body);
    } catch (SocketTimeoutException | ConnectException e) {
      throw e;
    } catch (IOException e) {
      // The server closed a kept-alive connection as it was reused: once more, on another one.
      return postOnce(body);
    }
  }

  /**
   * One POST without {@code Connection: close}: the connection goes back to the JDK's keep-alive
   * cache once the answer is read (no {@code disconnect()}), and is reused for the next envelope.
   */
  private Answer postOnce(byte[] body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) envelopes.openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setUseCaches(false);
    c.setConnectTimeout(connectTimeout);
    c.setReadTimeout(readTimeout);
    c.setFixedLengthStreamingMode(body.length);
    headers.forEach(c::setRequestProperty);
    try (OutputStream out = c.getOutputStream()) {
      out.write(body);
    }
    int status = c.getResponseCode();
    Answer answer = new Answer(status, c.getHeaderField("X-Sentry-Rate-Limits"),
        c.getHeaderField("Retry-After"));
    // Read the answer to its end, so that the connection can be reused.
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      if (in != null) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    return answer;
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
