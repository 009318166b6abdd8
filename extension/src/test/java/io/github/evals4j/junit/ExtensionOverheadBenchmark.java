package io.github.evals4j.junit;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The extension's overhead, measured through the real JUnit Launcher (not a unit test): N tests run
 * (a) without the extension, (b) with it and no DSN, (c) with it sending to a local WireMock
 * Sentry endpoint. Each scenario is one launcher session, timed from the start of execution to
 * the session's close (so (c) includes the final flush); the median of several runs is reported.
 *
 * <pre>
 * ./mvnw -B -q -pl extension -am -Pbench -DskipTests test -Dbench.args="5000 0 5"
 * </pre>
 * Arguments: number of tests (default 5000), microseconds each test waits (default 0: trivial
 * tests; 2000 approximates tests that wait on I/O), measured runs (default 5).
 */
public final class ExtensionOverheadBenchmark {

  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());

  private ExtensionOverheadBenchmark() {}

  /** Without the extension. */
  static class Without {
    @TestFactory
    Stream<DynamicTest> tests() {
      return generate();
    }
  }

  /** With the extension. */
  @Evals4j
  static class With {
    @TestFactory
    Stream<DynamicTest> tests() {
      return generate();
    }
  }

  static Stream<DynamicTest> generate() {
    int count = Integer.getInteger("bench.tests", 5000);
    long waitNanos = Long.getLong("bench.wait-micros", 0) * 1_000;
    return IntStream.range(0, count).mapToObj(i -> dynamicTest("t" + i, () -> {
      if (waitNanos > 0) {
        LockSupport.parkNanos(waitNanos);
      }
    }));
  }

  public static void main(String[] args) {
    int tests = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    long waitMicros = args.length > 1 ? Long.parseLong(args[1]) : 0;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    System.setProperty("bench.tests", Integer.toString(tests));
    System.setProperty("bench.wait-micros", Long.toString(waitMicros));
    try (SentryEndpoint sentry = new SentryEndpoint()) {
      Map<String, String> withSentry = Map.of(Config.DSN, sentry.dsn(), Config.RUN_ID, "bench",
          Config.FLUSH_TIMEOUT, "120s");
      double[] a = median(runs, () -> time(Without.class, Map.of()));
      double[] b = median(runs, () -> time(With.class, Map.of()));
      double[] c = median(runs, () -> time(With.class, withSentry));
      System.out.printf(Locale.ROOT, "%d tests, %d µs wait each, median of %d runs, %d cores%n",
          tests, waitMicros, runs, Runtime.getRuntime().availableProcessors());
      System.out.println("| scenario | tests ran (ms) | ratio | µs per test | incl. final flush (ms)"
          + " | ratio | µs per test |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      row("(a) without the extension", a, a, tests);
      row("(b) extension, no DSN", b, a, tests);
      row("(c) extension, sending to local WireMock", c, a, tests);
    }
  }

  private static void row(String name, double[] ms, double[] baseline, int tests) {
    System.out.printf(Locale.ROOT, "| %s | %.0f | %.3f | %.1f | %.0f | %.3f | %.1f |%n", name,
        ms[0], ms[0] / baseline[0], (ms[0] - baseline[0]) * 1000.0 / tests,
        ms[1], ms[1] / baseline[1], (ms[1] - baseline[1]) * 1000.0 / tests);
  }

  /** Medians of both timings over {@code runs}, after two warm-up runs. */
  private static double[] median(int runs, java.util.function.Supplier<double[]> run) {
    run.get();
    run.get();
    List<Double> executed = new ArrayList<>();
    List<Double> closed = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      double[] t = run.get();
      executed.add(t[0]);
      closed.add(t[1]);
    }
    Collections.sort(executed);
    Collections.sort(closed);
    return new double[] {executed.get(runs / 2), closed.get(runs / 2)};
  }

  /**
   * One launcher session, in ms: until the last test finished, and until the session closed (the
   * run's final flush and summary).
   */
  private static double[] time(Class<?> fixture, Map<String, String> params) {
    PrintStream err = System.err;
    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    try {
      LauncherDiscoveryRequest request = request().selectors(selectClass(fixture))
          .configurationParameters(params).build();
      long start = System.nanoTime();
      long executed;
      try (LauncherSession session = LauncherFactory.openSession()) {
        session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, Map.of());
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        session.getLauncher().execute(request, summary);
        executed = System.nanoTime();
        if (summary.getSummary().getTestsSucceededCount() != Integer.getInteger("bench.tests")) {
          throw new IllegalStateException("tests did not all pass");
        }
      }
      return new double[] {(executed - start) / 1e6, (System.nanoTime() - start) / 1e6};
    } finally {
      System.setErr(err);
    }
  }
}
