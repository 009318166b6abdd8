package io.github.evals4j.junit;

import io.github.evals4j.junit.TestRecord.Status;
import io.sentry.protocol.SentryId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;

/**
 * Everything that lives as long as the run in this JVM (one launcher session): configuration, the
 * Sentry client, attempt history for retries and flaky tests, counters and collectors.
 *
 * <p>Kept in the launcher session's store, so the run-level listener and the extension share it
 * without static state, and it is closed (bounded flush, summary line) when the session ends.
 */
final class RunState implements AutoCloseable {

  static final Namespace NAMESPACE = Namespace.create(Evals4jExtension.class);
  /** Test seam: a {@code Map<String, String>} used instead of the process environment. */
  static final String ENVIRONMENT_KEY = "environment";
  /** Test seam: a {@code List<RunCollector>} used in addition to the ServiceLoader's. */
  static final String COLLECTORS_KEY = "collectors";
  private static final int MAX_UNSTABLE_NAMES = 5;

  private final Config config;
  private final Console console;
  private final Optional<SentryRun> sentry;
  private final List<RunCollector> collectors;
  private final Instant startedAt = Instant.now();
  private final SentryId runTraceId;
  private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();
  private final Map<String, List<Runnable>> deferred = new ConcurrentHashMap<>();
  private final Map<String, String> unstableNames = new ConcurrentHashMap<>();
  private final LongAdder skipped = new LongAdder();
  private final LongAdder classFailures = new LongAdder();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook;

  RunState(Config config, Console console, List<RunCollector> collectors) {
    this.config = config;
    this.console = console;
    this.collectors = List.copyOf(collectors);
    this.sentry = config.enabled() && config.dsn().isPresent()
        ? SentryRun.open(config, console) : Optional.empty();
    this.runTraceId = deterministicId("run|" + config.runId());
    if (sentry.isPresent()) {
      shutdownHook = new Thread(this::close, "evals4j-sentry-flush");
      try {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
      } catch (IllegalStateException | SecurityException e) {
        // JVM already shutting down: close() is still called by the session
      }
    } else {
      shutdownHook = null;
    }
  }

  /** The run of {@code context}'s launcher session, created on first use. */
  @SuppressWarnings({"unchecked", "deprecation"}) // getOrComputeIfAbsent: 5.x and 6.x alike
  static RunState of(ExtensionContext context) {
    Store store = context.getStore(StoreScope.LAUNCHER_SESSION, NAMESPACE);
    return store.getOrComputeIfAbsent(RunState.class, k -> {
      Environment env = Environment.of(context, store);
      Map<String, String> environment = env.variables();
      // Before anything else reads a key: a misspelled key is said (or fails) at the start.
      ConfigCheck check = ConfigCheck.of(context::getConfigurationParameter, environment);
      check.report(ConfigCheck.strict(context::getConfigurationParameter), new Console());
      Config config = Config.from(context::getConfigurationParameter, environment,
          env::sentryProperty);
      List<RunCollector> collectors = new ArrayList<>();
      List<RunCollector> injected = store.get(COLLECTORS_KEY, List.class);
      if (injected != null) {
        collectors.addAll(injected);
      }
      if (config.enabled()) {
        collectors.addAll(loadCollectors());
      }
      RunState run = new RunState(config, new Console(), collectors);
      AnnotatedGates annotated = AnnotatedGates.of(store);
      run.started(key -> context.getRoot().getConfigurationParameter(key)
          .or(() -> annotated.get(key)), environment,
          () -> union(check.listed().keySet(), annotated.keys()));
      return run;
    }, RunState.class);
  }

  /** The run of a launcher session, if a test of it used the extension. */
  static Optional<RunState> find(org.junit.platform.engine.support.store.NamespacedHierarchicalStore<
      org.junit.platform.engine.support.store.Namespace> sessionStore) {
    Object value = sessionStore.get(
        org.junit.platform.engine.support.store.Namespace.create(NAMESPACE.getParts()),
        RunState.class);
    return value instanceof RunState r ? Optional.of(r) : Optional.empty();
  }

  private static List<RunCollector> loadCollectors() {
    List<RunCollector> found = new ArrayList<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      ServiceLoader.load(RunCollector.class,
          loader != null ? loader : RunCollector.class.getClassLoader()).forEach(found::add);
    } catch (ServiceConfigurationError e) {
      new Console().warnOnce("a RunCollector could not be loaded: " + e.getMessage());
    }
    return found;
  }

  /** Tells the collectors that the run started, handing them its {@link RunContext}. */
  private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private void started(java.util.function.Function<String, Optional<String>> params,
      Map<String, String> env, java.util.function.Supplier<java.util.Set<String>> keys) {
    RunContext context = new RunContext() {
      @Override
      public java.util.Set<String> configurationKeys() {
        return keys.get();
      }

      @Override
      public Optional<String> configurationParameter(String key) {
        return params.apply(key);
      }

      @Override
      public Map<String, String> environment() {
        return env;
      }

      @Override
      public Optional<io.sentry.IScopes> sentry() {
        return sentry.flatMap(s -> s.forkOpen("evals4j-run"));
      }
    };
    for (RunCollector c : collectors) {
      try {
        c.runStarted(context);
      } catch (RuntimeException e) {
        collectorFailed(c, e);
      }
    }
  }

  Config config() {
    return config;
  }

  Console console() {
    return console;
  }

  Optional<SentryRun> sentry() {
    return closed.get() ? Optional.empty() : sentry;
  }

  SentryId runTraceId() {
    return runTraceId;
  }

  /** A trace id the same for every shard of the run that computes it from the same {@code key}. */
  SentryId traceIdFor(String key) {
    return deterministicId(config.runId() + "|" + key);
  }

  private static SentryId deterministicId(String key) {
    return new SentryId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
  }

  /** Starts an attempt of the test with {@code key}; returns its attempt number (1-based). */
  int startAttempt(String key) {
    return attempts.computeIfAbsent(key, k -> new Attempts()).start();
  }

  /** Ends an attempt; returns whether it made the test flaky (said once per test). */
  boolean endAttempt(String key, Status status) {
    return attempts.computeIfAbsent(key, k -> new Attempts()).end(status);
  }

  /**
   * Whether the transaction of a test attempt goes to Sentry. Failures, failed evaluations (and
   * flaky passes) always do unless a mode narrows them; passes are sampled deterministically by run
   * and test.
   */
  Decision decide(String uniqueId, Status status, boolean flaky, boolean evalFailed) {
    if (config.alwaysReport()) {
      return Decision.SEND;
    }
    boolean failed = status == Status.FAILED;
    boolean bad = failed || evalFailed;
    return switch (config.sendMode()) {
      case ALL -> bad || flaky || sampled(uniqueId) ? Decision.SEND : Decision.DROP;
      case ERRORS_ONLY -> bad || flaky ? Decision.SEND : Decision.DROP;
      case FLAKY_ONLY -> flaky ? Decision.SEND : failed ? Decision.DEFER : Decision.DROP;
    };
  }

  private boolean sampled(String uniqueId) {
    double rate = config.sampleRate();
    if (rate >= 1.0) {
      return true;
    }
    long bits = traceIdFor("sample|" + uniqueId).toString().hashCode() & 0xffffffffL;
    return bits / (double) 0x100000000L < rate;
  }

  enum Decision {
    SEND,
    DROP,
    /** Keep until the test turns out flaky (then send), or the run ends (then drop). */
    DEFER
  }

  void defer(String attemptKey, Runnable send) {
    deferred.computeIfAbsent(attemptKey, k -> new CopyOnWriteArrayList<>()).add(send);
  }

  /** Sends what was deferred for {@code attemptKey} (earlier failed attempts of a flaky test). */
  void releaseDeferred(String attemptKey) {
    List<Runnable> pending = deferred.remove(attemptKey);
    if (pending != null) {
      pending.forEach(Runnable::run);
    }
  }

  void skipped() {
    skipped.increment();
  }

  void classFailed() {
    classFailures.increment();
  }

  /** Remembers a display name that will differ on the next run (said in the summary). */
  void unstableDisplayName(String testName, String displayName, String reason) {
    if (unstableNames.size() < MAX_UNSTABLE_NAMES || unstableNames.containsKey(testName)) {
      unstableNames.putIfAbsent(testName, reason + " in \""
          + Truncation.truncate(displayName, 60) + "\"");
    }
  }

  /** Whether anyone receives test records (building them is skipped otherwise). */
  boolean hasCollectors() {
    return !collectors.isEmpty();
  }

  void testFinished(TestRecord record) {
    for (RunCollector c : collectors) {
      try {
        c.testFinished(record);
      } catch (RuntimeException e) {
        collectorFailed(c, e);
      }
    }
  }

  private void collectorFailed(RunCollector c, RuntimeException e) {
    console.warnOnce("the run collector " + c.getClass().getName() + " failed and was ignored: "
        + e);
  }

  /** Ends the run once: bounded flush, summary line, collectors. Safe from any thread, twice. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    deferred.clear();
    // Collectors end before the flush, so that what they send at the end of the run is delivered.
    RunInfo info = info();
    for (RunCollector c : collectors) {
      try {
        c.runFinished(info);
      } catch (RuntimeException e) {
        collectorFailed(c, e);
      }
    }
    Optional<DeliveryLog.Snapshot> delivery =
        sentry.flatMap(s -> s.close(config.flushTimeout(), console));
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException | SecurityException e) {
        // already shutting down
      }
    }
    if (config.enabled()) {
      console.info(RunSummary.line(info, config, delivery, classFailures.sum(), unstableNames));
    }
    console.close();
  }

  RunInfo info() {
    int passed = 0;
    int failed = 0;
    int aborted = 0;
    int flaky = 0;
    int retries = 0;
    for (Attempts a : attempts.values()) {
      retries += a.retries();
      Status last = a.last();
      if (last == Status.PASSED) {
        passed++;
      } else if (last == Status.FAILED) {
        failed++;
      } else if (last == Status.ABORTED) {
        aborted++;
      }
      if (a.flaky()) {
        flaky++;
      }
    }
    int skippedCount = (int) skipped.sum();
    return new RunInfo(config.runId(), config.ci(), config.release().orElse(""),
        config.environment(), startedAt, Instant.now(), passed + failed + aborted + skippedCount,
        passed, failed, aborted, skippedCount, flaky, retries);
  }

  /** The attempts of one test within the run. */
  private static final class Attempts {
    private int started;
    private int ended;
    private boolean failedBefore;
    private boolean flaky;
    private Status last;

    synchronized int start() {
      return ++started;
    }

    synchronized boolean end(Status status) {
      ended++;
      last = status;
      if (status == Status.FAILED) {
        failedBefore = true;
        return false;
      }
      if (status == Status.PASSED && failedBefore && !flaky) {
        flaky = true;
        return true;
      }
      return false;
    }

    /** Attempts after the first that ended (a retry still running is not counted). */
    synchronized int retries() {
      return Math.max(0, ended - 1);
    }

    synchronized Status last() {
      return last;
    }

    synchronized boolean flaky() {
      return flaky;
    }
  }
}
