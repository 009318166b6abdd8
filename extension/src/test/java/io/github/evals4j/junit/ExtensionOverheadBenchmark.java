package io.github.evals4j.junit;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
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
 * (a) without the extension, (b) with it and no DSN, (c) with it sending to a local Sentry
 * endpoint ({@link EnvelopeSink}, in a child JVM so that receiving does not compete with the
 * measured JVM). Each scenario is one launcher session, timed from the start of execution to the
 * session's close (so (c) includes the final flush), with this JVM's CPU time beside the wall
 * time; rounds interleave the scenarios and the median of several runs is reported.
 *
 * <pre>
 * ./mvnw -B -q -pl extension -am -Pbench -DskipTests test -Dbench.args="5000 0 5"
 * </pre>
 * Arguments: number of tests (default 5000), microseconds each test waits (default 0: trivial
 * tests; 2000 approximates tests that wait on I/O), measured runs (default 5).
 */
public final class ExtensionOverheadBenchmark {

  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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

  public static void main(String[] args) throws IOException {
    int tests = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    long waitMicros = args.length > 1 ? Long.parseLong(args[1]) : 0;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    System.setProperty("bench.tests", Integer.toString(tests));
    System.setProperty("bench.wait-micros", Long.toString(waitMicros));
    try (Sink sink = Sink.start()) {
      Map<String, String> withSentry = Map.of(Config.DSN, sink.dsn(), Config.RUN_ID, "bench",
          Config.FLUSH_TIMEOUT, "120s");
      List<Supplier<double[]>> scenarios = List.of(
          () -> time(Without.class, Map.of()),
          () -> time(With.class, Map.of()),
          () -> time(With.class, withSentry));
      List<List<double[]>> samples = List.of(new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>());
      List<Double> loads = new ArrayList<>();
      String only = System.getProperty("bench.only", ""); // e.g. "b": one scenario, to profile
      // Rounds interleave the scenarios, so that load from other processes hits them alike.
      for (int round = -2; round < runs; round++) {
        for (int s = 0; s < scenarios.size(); s++) {
          if (!only.isEmpty() && !only.contains("abc".substring(s, s + 1))) {
            continue;
          }
          loads.add(OS.getSystemLoadAverage());
          double[] t = scenarios.get(s).get();
          if (round >= 0) {
            samples.get(s).add(t);
          }
        }
      }
      printSenderCpu();
      if (!only.isEmpty()) {
        System.out.println("ran scenario(s) " + only + " only (for a profiler): no table");
        return;
      }
      long received = sink.count();
      long expected = (long) (runs + 2) * (tests + 1);
      Collections.sort(loads);
      System.out.printf(Locale.ROOT, "%d tests, %d µs wait each, median of %d runs, %d cores,"
          + " load average %.1f to %.1f (median %.1f), endpoint received %d of %d envelopes,"
          + " endpoint CPU %.0f ms%n", tests, waitMicros, runs,
          Runtime.getRuntime().availableProcessors(), loads.get(0), loads.get(loads.size() - 1),
          loads.get(loads.size() / 2), received, expected, sink.cpuMillis());
      System.out.println("| scenario | tests ran (ms) | ratio | µs per test | incl. final flush (ms)"
          + " | ratio | µs per test | JVM CPU (ms) | ratio | µs per test"
          + " | test thread CPU (ms) | ratio | µs per test |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      double[] a = medians(samples.get(0));
      row("(a) without the extension", a, a, tests);
      row("(b) extension, no DSN", medians(samples.get(1)), a, tests);
      row("(c) extension, sending to a local endpoint (other JVM)", medians(samples.get(2)), a,
          tests);
    }
  }

  private static void printSenderCpu() {
    long[] senders = SenderCpu.total();
    if (senders[2] > 0) {
      System.out.printf(Locale.ROOT, "sender threads over all runs: %d ms user + %d ms system CPU"
          + " for %d envelopes: %.0f µs user + %.0f µs system per envelope%n", senders[0],
          senders[1], senders[2], senders[0] * 1000.0 / senders[2],
          senders[1] * 1000.0 / senders[2]);
    }
  }

  /**
   * The CPU time of the extension's sender threads, from {@code /proc/self/task} (Linux; their
   * native names are cut to 15 characters, {@code evals4j-sentry-}), polled while they live: the
   * sender's share of the JVM's CPU, apart from the tests, JIT and GC.
   */
  static final class SenderCpu {
    private static final Map<String, long[]> LAST = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong ENVELOPES =
        new java.util.concurrent.atomic.AtomicLong();

    static {
      Thread poller = new Thread(() -> {
        while (true) {
          poll();
          LockSupport.parkNanos(20_000_000L);
        }
      }, "bench-sender-cpu");
      poller.setDaemon(true);
      poller.start();
    }

    static void envelopes(long n) {
      ENVELOPES.addAndGet(n);
    }

    static void poll() {
      java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
      if (tasks == null) {
        return;
      }
      for (java.io.File task : tasks) {
        try {
          String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          if (!stat.substring(open + 1, close).startsWith("evals4j-sentry-")) {
            continue;
          }
          String[] f = stat.substring(close + 2).split(" ");
          // after the name: state is field 3 of the file; utime and stime are fields 14 and 15
          long user = Long.parseLong(f[11]);
          long system = Long.parseLong(f[12]);
          LAST.put(task.getName() + "@" + f[19], new long[] {user, system});
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    }

    /** User ms, system ms, envelopes. */
    static long[] total() {
      poll();
      long user = 0;
      long system = 0;
      for (long[] v : LAST.values()) {
        user += v[0];
        system += v[1];
      }
      long tick = 10; // ms per clock tick (USER_HZ 100)
      return new long[] {user * tick, system * tick, ENVELOPES.get()};
    }
  }

  private static void row(String name, double[] ms, double[] baseline, int tests) {
    StringBuilder line = new StringBuilder("| ").append(name);
    for (int i = 0; i < ms.length; i++) {
      line.append(String.format(Locale.ROOT, " | %.0f | %.3f | %.1f", ms[i], ms[i] / baseline[i],
          (ms[i] - baseline[i]) * 1000.0 / tests));
    }
    System.out.println(line.append(" |"));
  }

  /** The median of each measure over the runs. */
  private static double[] medians(List<double[]> runs) {
    double[] result = new double[runs.get(0).length];
    for (int i = 0; i < result.length; i++) {
      List<Double> values = new ArrayList<>();
      for (double[] r : runs) {
        values.add(r[i]);
      }
      Collections.sort(values);
      result[i] = values.get(values.size() / 2);
    }
    return result;
  }

  /**
   * One launcher session, in ms: wall time until the last test finished, until the session closed
   * (the run's final flush and summary), the CPU time this JVM used meanwhile (all threads:
   * tests, the SDK's senders, JIT and GC) and the CPU time of the thread running the tests: a busy
   * shared machine distorts CPU time far less than wall time.
   */
  private static double[] time(Class<?> fixture, Map<String, String> params) {
    PrintStream err = System.err;
    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    try {
      LauncherDiscoveryRequest request = request().selectors(selectClass(fixture))
          .configurationParameters(params).build();
      if (params.containsKey(Config.DSN)) {
        SenderCpu.envelopes(Integer.getInteger("bench.tests") + 1L);
      }
      long cpu = OS.getProcessCpuTime();
      long threadCpu = THREADS.getCurrentThreadCpuTime();
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
      long end = System.nanoTime();
      return new double[] {(executed - start) / 1e6, (end - start) / 1e6,
          (OS.getProcessCpuTime() - cpu) / 1e6,
          (THREADS.getCurrentThreadCpuTime() - threadCpu) / 1e6};
    } finally {
      System.setErr(err);
    }
  }

  /** {@link EnvelopeSink} in a child JVM with this classpath. */
  private record Sink(Process process, BufferedReader out, PrintStream in, int port)
      implements AutoCloseable {

    static Sink start() throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      // TCP_NODELAY as real endpoints set it: the JDK's HttpServer writes a response's headers
      // and body apart, and without it each request on a kept-alive connection waits for the
      // client's delayed ACK (about 40 ms).
      Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC",
          "-Dsun.net.httpserver.nodelay=true", "-cp",
          System.getProperty("java.class.path"), EnvelopeSink.class.getName())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (first == null || !first.startsWith("port ")) {
        p.destroyForcibly();
        throw new IOException("the envelope sink did not start: " + first);
      }
      return new Sink(p, out, new PrintStream(p.getOutputStream(), true, StandardCharsets.UTF_8),
          Integer.parseInt(first.substring(5).trim()));
    }

    String dsn() {
      return "http://key@127.0.0.1:" + port + "/1";
    }

    long count() throws IOException {
      in.println("count");
      return Long.parseLong(out.readLine().trim());
    }

    double cpuMillis() {
      return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
    }

    @Override
    public void close() {
      in.close();
      try {
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
