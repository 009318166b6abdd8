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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
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
  /** Whether bodies are gzipped (by default not for an endpoint on this machine: bytes are free). */
  private final boolean compress;
  /** Each sender's body buffer, reused from envelope to envelope. */
  private final ThreadLocal<Body> bodies = ThreadLocal.withInitial(Body::new);
  private final ThreadPoolExecutor senders;
  /** Longest wait for room in a full queue, in nanoseconds; 0: drop at once. */
  private final long queueFullWaitNanos;
  /**
   * A wait for room ran out: the endpoint is stalled, so nobody waits again until a sender has
   * finished an envelope (a stuck endpoint costs the suite one wait per answer, not one per test).
   */
  private volatile boolean stalled;
  private final Object idle = new Object();
  private int pending;

  private ParallelTransport(SentryOptions options, RequestDetails details, int senders,
      int queueSize, Duration queueFullWait, boolean compress, DeliveryLog delivery) {
    this.options = options;
    this.delivery = delivery;
    this.queueFullWaitNanos = queueFullWait.toNanos();
    this.rateLimiter = new RateLimiter(options);
    this.envelopes = details.getUrl();
    this.connectTimeout = Math.max(1, options.getConnectionTimeoutMillis());
    this.readTimeout = Math.max(1, options.getReadTimeoutMillis());
    this.compress = compress;
    Map<String, String> h = new LinkedHashMap<>();
    if (compress) {
      h.put("Content-Encoding", "gzip");
    }
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
    // Every sender takes from the queue from the start: a task put into the queue directly (the
    // wait for room below) is then always picked up.
    this.senders.prestartAllCoreThreads();
  }

  /**
   * A factory of transports with {@code senders} threads and room for {@code queueSize} envelopes;
   * when the queue is full, the sending thread waits for room at most {@code queueFullWait} (zero:
   * drops at once), bounded further by the current test's {@link SendBudget}; bodies are gzipped
   * when {@code compress}.
   */
  static ITransportFactory factory(int senders, int queueSize, Duration queueFullWait,
      boolean compress, DeliveryLog delivery) {
    return (options, details) -> new ParallelTransport(options, details, senders, queueSize,
        queueFullWait, compress, delivery);
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
    Runnable task = () -> deliver(filtered, hint);
    try {
      senders.execute(task);
    } catch (RejectedExecutionException e) {
      if (!senders.isShutdown() && waitForRoom(task)) {
        return;
      }
      done();
      delivery.onDropped(senders.isShutdown() ? DeliveryLog.CLOSED : DeliveryLog.QUEUE_FULL);
      options.getClientReportRecorder().recordLostEnvelope(DiscardReason.QUEUE_OVERFLOW, filtered);
      result(hint, false);
    }
  }

  /**
   * Back-pressure: waits for room in the full queue for at most the configured wait, less what the
   * current test already waited. Returns whether the task was queued.
   */
  private boolean waitForRoom(Runnable task) {
    long wait = SendBudget.remaining(queueFullWaitNanos);
    if (wait <= 0 || stalled) {
      return false;
    }
    long start = System.nanoTime();
    try {
      if (senders.getQueue().offer(task, wait, TimeUnit.NANOSECONDS)) {
        SendBudget.spent(System.nanoTime() - start);
        return true;
      }
      SendBudget.spent(System.nanoTime() - start);
      stalled = true;
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void deliver(SentryEnvelope envelope, Hint hint) {
    boolean sent = false;
    try {
      SentryEnvelope withReport =
          options.getClientReportRecorder().attachReportToEnvelope(envelope);
      withReport.getHeader()
          .setSentAt(DateUtils.nanosToDate(options.getDateProvider().now().nanoTimestamp()));
      Answer answer = post(encode(withReport));
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

  private Answer post(Body body) throws IOException {
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
  private Answer postOnce(Body body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) envelopes.openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setUseCaches(false);
    c.setConnectTimeout(connectTimeout);
    c.setReadTimeout(readTimeout);
    c.setFixedLengthStreamingMode(body.size());
    headers.forEach(c::setRequestProperty);
    try (OutputStream out = c.getOutputStream()) {
      body.writeTo(out);
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

  /**
   * The envelope as the request body, in this sender's reused buffer: gzipped at the fastest level
   * for a remote endpoint (senders share the cores with the tests: CPU counts more than bytes), as
   * is for an endpoint on this machine.
   */
  private Body encode(SentryEnvelope envelope) throws IOException {
    Body body = bodies.get();
    body.reset();
    try (OutputStream out = compress ? new FastGzip(body) : OutputStream.nullOutputStream()) {
      options.getSerializer().serialize(envelope, compress ? out : body);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("the envelope could not be serialized", e);
    }
    return body;
  }

  /** A growable body buffer that is written out without a copy. */
  private static final class Body extends ByteArrayOutputStream {
    Body() {
      super(8192);
    }

    /** Empties the buffer; one grown by a huge envelope is not kept. */
    @Override
    public synchronized void reset() {
      if (buf.length > 1 << 20) {
        buf = new byte[8192];
      }
      super.reset();
    }
  }

  /** gzip at {@link Deflater#BEST_SPEED}; its deflater is released on close. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 8192);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  private static void result(Hint hint, boolean success) {
    HintUtils.runIfHasType(hint, SubmissionResult.class, r -> r.setResult(success));
  }

  private void done() {
    stalled = false;
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
