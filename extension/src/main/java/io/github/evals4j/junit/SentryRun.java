package io.github.evals4j.junit;

import io.sentry.IScope;
import io.sentry.IScopes;
import io.sentry.JsonSerializer;
import io.sentry.Scope;
import io.sentry.Scopes;
import io.sentry.SentryClient;
import io.sentry.SentryLevel;
import io.sentry.SentryOptions;
import io.sentry.util.thread.ThreadChecker;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The extension's own Sentry client, separate from any Sentry the application under test sets up.
 *
 * <p>It is built from its own {@link SentryOptions}, {@link SentryClient} and {@link Scopes} and
 * never calls {@code Sentry.init} or {@code Sentry.close}: an application that initialises (or
 * re-initialises, or closes) the global Sentry during a test neither replaces nor closes the
 * extension's client, and the extension never replaces the application's. Its integrations (the
 * uncaught exception handler, the SDK's shutdown hook with its 15 s default) are not installed;
 * the run closes the client itself with a bounded flush.
 */
final class SentryRun {

  private final SentryOptions options;
  private final SentryClient client;
  private final IScopes root;
  private final DeliveryLog delivery;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SentryRun(SentryOptions options, SentryClient client, IScopes root, DeliveryLog delivery) {
    this.options = options;
    this.client = client;
    this.root = root;
    this.delivery = delivery;
  }

  /**
   * Creates the client for {@code config}'s DSN; empty (after one warning line) when the DSN is
   * malformed or the SDK cannot start. Never throws.
   */
  static Optional<SentryRun> open(Config config, Console console) {
    String dsn = config.dsn().orElseThrow();
    DeliveryLog delivery = new DeliveryLog(console);
    try {
      SentryOptions o = new SentryOptions();
      o.setDsn(dsn);
      o.setTracesSampleRate(1.0);
      // sendDefaultPii stays at its default, off: no user IP, no host user names.
      // One queue for all senders; the run's whole volume must fit: nothing silently dropped.
      o.setMaxQueueSize(config.queueSize());
      o.setTransportFactory(
          ParallelTransport.factory(config.senders(), config.queueSize(),
              config.queueFull() == Config.QueueFull.WAIT ? config.queueFullWait() : Duration.ZERO,
              config.gzip(), delivery));
      o.setMaxSpans(config.maxSpans() + 16);
      long flushMillis = config.flushTimeout().toMillis();
      o.setFlushTimeoutMillis(flushMillis);
      o.setShutdownTimeoutMillis(flushMillis);
      o.setEnableShutdownHook(false);
      o.setEnableUncaughtExceptionHandler(false);
      o.setEnableBackpressureHandling(false);
      o.setAttachServerName(false);
      // The flaky-test issue is a message: the extension's own stack would only be noise.
      o.setAttachStacktrace(false);
      o.setThreadChecker(ThreadChecker.getInstance());
      o.setEnvironment(config.environment());
      config.release().ifPresent(o::setRelease);
      o.setTag("evals4j.run_id", config.runId());
      // The rate limiter reports the envelopes it drops only to the diagnostic logger.
      o.setDebug(true);
      o.setDiagnosticLevel(SentryLevel.DEBUG);
      o.setLogger(delivery);
      // ...but in debug mode the SDK's serializer also renders every payload a second time, pretty
      // printed, for that log: give the serializer quiet options of its own.
      SentryOptions quiet = new SentryOptions();
      quiet.setMaxDepth(o.getMaxDepth());
      quiet.setEnablePrettySerializationOutput(false);
      o.setSerializer(new JsonSerializer(quiet));
      o.setBeforeEnvelopeCallback((envelope, hint) -> delivery.handedOver(envelope));
      o.activate();
      SentryClient client = new SentryClient(o);
      IScope global = new Scope(o);
      global.bindClient(client);
      IScopes root = new Scopes(new Scope(o), new Scope(o), global, "evals4j");
      return Optional.of(new SentryRun(o, client, root, delivery));
    } catch (RuntimeException e) {
      console.warnOnce("Sentry is off for this run: the DSN from " + config.dsnSource()
          + " is not usable (" + describe(dsn) + ": " + e.getMessage() + ")");
      return Optional.empty();
    }
  }

  /** The DSN without its key, for messages. */
  private static String describe(String dsn) {
    try {
      URI uri = URI.create(dsn);
      return uri.getHost() == null ? "no host" : "host " + uri.getHost();
    } catch (IllegalArgumentException e) {
      return "not a URL";
    }
  }

  /** Fresh scopes for one test or class, forked from the run's root: nothing leaks between tests. */
  IScopes fork(String creator) {
    return root.forkedScopes(creator);
  }

  /** Like {@link #fork}, but empty once the client is closed. */
  Optional<IScopes> forkOpen(String creator) {
    return closed.get() ? Optional.empty() : Optional.of(fork(creator));
  }

  SentryOptions options() {
    return options;
  }

  DeliveryLog delivery() {
    return delivery;
  }

  /**
   * Flushes for at most {@code timeout}, says once if envelopes stay unconfirmed, then closes the
   * client without waiting again. Safe to call twice and from a shutdown hook; returns the
   * delivery counts at the end of the flush, or empty when already closed.
   */
  Optional<DeliveryLog.Snapshot> close(Duration timeout, Console console) {
    if (!closed.compareAndSet(false, true)) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    try {
      client.flush(timeout.toMillis());
    } catch (RuntimeException e) {
      // the flush is best effort; what was not delivered is counted as unconfirmed
    }
    DeliveryLog.Snapshot snapshot =
        delivery.snapshot(Duration.ofNanos(System.nanoTime() - start));
    if (snapshot.unconfirmed() > 0) {
      console.warnOnce("Sentry did not confirm " + snapshot.unconfirmed() + " envelopes within the "
          + timeout.toMillis() + " ms flush timeout (evals4j.sentry.flush-timeout)");
    }
    try {
      // Already flushed: close without a second full wait.
      options.setFlushTimeoutMillis(100);
      options.setShutdownTimeoutMillis(100);
      root.close(false);
    } catch (RuntimeException e) {
      // nothing left to do: the transport's threads are daemons
    }
    return Optional.of(snapshot);
  }
}
