package io.github.evals4j.junit;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Delivery at scale (not a unit test): a real open-source suite, Apache Commons Collections'
 * own tests as published on Maven Central ({@code commons-collections4:4.5.0:tests}), topped up
 * with synthetic tests to {@code suite.size} (default 50,000), run in a fresh JVM three ways:
 * plain (the extension is not on the classpath), with the extension auto-detected and no DSN,
 * and sending to a local Sentry endpoint ({@link EnvelopeSink}, in a JVM of its own). Prints,
 * per configuration, wall time and the test JVM's CPU time (user + system, all threads, JVM
 * start included) with their ratios to plain, and the transactions delivered.
 *
 * <pre>
 * ./mvnw -B -q -pl extension -am -Psuite-bench -DskipTests test
 * </pre>
 * System properties: {@code suite.size} (50000), {@code suite.rounds} (1),
 * {@code suite.synthetic-micros} (2000: each synthetic test waits that long, like a test on I/O),
 * {@code suite.packages} (org.apache.commons.collections4), {@code suite.jvm} (-Xmx1g).
 */
public final class SuiteBenchmark {

  private SuiteBenchmark() {}

  /** The three configurations. */
  enum Mode {
    PLAIN("plain (no evals4j)"),
    NO_DSN("evals4j auto-detected, no DSN"),
    SENDING("evals4j sending to a local endpoint");

    final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("suite.rounds", 1);
    String classpath = System.getProperty("java.class.path");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process sink = new ProcessBuilder(java, "-Xmx256m", "-Dsun.net.httpserver.nodelay=true",
        "-cp", classpath, EnvelopeSink.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader sinkOut = new BufferedReader(
        new InputStreamReader(sink.getInputStream(), StandardCharsets.UTF_8));
    PrintWriter sinkIn = new PrintWriter(sink.getOutputStream(), true, StandardCharsets.UTF_8);
    String port = sinkOut.readLine().substring("port ".length());
    String dsn = "http://bench@127.0.0.1:" + port + "/1";
    Map<Mode, List<double[]>> results = new HashMap<>();
    Map<Mode, String> summaries = new HashMap<>();
    try {
      for (int round = 0; round < rounds; round++) {
        for (Mode mode : Mode.values()) {
          sinkIn.println("count");
          long before = Long.parseLong(sinkOut.readLine().strip());
          List<String> evals4j = new ArrayList<>();
          double[] r = child(java, classpath, mode, dsn, evals4j);
          sinkIn.println("count");
          long delivered = Long.parseLong(sinkOut.readLine().strip()) - before;
          double[] withDelivered = Arrays.copyOf(r, r.length + 1);
          withDelivered[r.length] = delivered;
          results.computeIfAbsent(mode, m -> new ArrayList<>()).add(withDelivered);
          summaries.put(mode, evals4j.stream().filter(l -> l.contains("Sentry"))
              .collect(Collectors.joining(" / ")));
          System.out.printf(Locale.ROOT, "round %d %s: %.0f tests, wall %.1f s, CPU %.1f s,"
              + " load %.1f, delivered %d%n", round + 1, mode.label, r[0], r[1] / 1000,
              r[2] / 1000, r[3], delivered);
        }
      }
    } finally {
      sinkIn.close();
      sink.waitFor();
    }
    double[] plain = median(results.get(Mode.PLAIN));
    System.out.printf(Locale.ROOT, "%n%d tests (%s), median of %d rounds, %d cores%n%n",
        (long) plain[0], System.getProperty("suite.packages", "org.apache.commons.collections4")
            + " + synthetic", rounds, Runtime.getRuntime().availableProcessors());
    System.out.println("| run | wall (s) | ratio | JVM CPU user+sys (s) | ratio | load avg |"
        + " envelopes received (transactions expected) | evals4j summary |");
    System.out.println("|---|---:|---:|---:|---:|---:|---|---|");
    for (Mode mode : Mode.values()) {
      double[] m = median(results.get(mode));
      String delivered = mode == Mode.SENDING
          ? String.format(Locale.ROOT, "%.0f (%.0f)", m[5], m[4]) : "–";
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.3f | %.1f | %.3f | %.1f | %s | %s |%n",
          mode.label, m[1] / 1000, m[1] / plain[1], m[2] / 1000, m[2] / plain[2], m[3],
          delivered, summaries.getOrDefault(mode, "").replace('|', '/'));
    }
  }

  /** Runs the suite in a fresh JVM; returns tests, wall ms, CPU ms, load, expected envelopes. */
  private static double[] child(String java, String classpath, Mode mode, String dsn,
      List<String> evals4jLines) throws IOException, InterruptedException {
    String cp = mode == Mode.PLAIN
        ? Arrays.stream(classpath.split(File.pathSeparator))
            .filter(e -> !e.replace('\\', '/').contains("extension/target/classes"))
            .filter(e -> !e.contains("evals4j-extension"))
            .collect(Collectors.joining(File.pathSeparator))
        : classpath;
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(Arrays.asList(System.getProperty("suite.jvm", "-Xmx1g").split(" ")));
    command.addAll(List.of("-cp", cp, Child.class.getName(), mode.name(), dsn));
    for (String key : List.of("suite.size", "suite.synthetic-micros", "suite.packages")) {
      if (System.getProperty(key) != null) {
        command.add(1, "-D" + key + "=" + System.getProperty(key));
      }
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    double[] result = null;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("RESULT ")) {
          result = Arrays.stream(line.substring(7).split(" ")).mapToDouble(Double::parseDouble)
              .toArray();
        } else if (line.startsWith("[evals4j]")) {
          evals4jLines.add(line);
        }
      }
    }
    if (p.waitFor() != 0 || result == null) {
      throw new IllegalStateException(mode + ": the suite's JVM failed (exit " + p.exitValue()
          + ")");
    }
    return result;
  }

  private static double[] median(List<double[]> runs) {
    double[] result = new double[runs.get(0).length];
    for (int i = 0; i < result.length; i++) {
      final int k = i;
      double[] v = runs.stream().mapToDouble(r -> r[k]).sorted().toArray();
      result[i] = v[v.length / 2];
    }
    return result;
  }

  /** One configuration in its own JVM: prints {@code RESULT tests wallMs cpuMs load envelopes}. */
  static final class Child {

    private Child() {}

    public static void main(String[] args) {
      Mode mode = Mode.valueOf(args[0]);
      Map<String, String> params = new HashMap<>();
      if (mode != Mode.PLAIN) {
        params.put("junit.jupiter.extensions.autodetection.enabled", "true");
        params.put("evals4j.environment", "none");
        params.put("evals4j.run-id", "suite-bench-" + mode.name().toLowerCase(Locale.ROOT));
      }
      if (mode == Mode.SENDING) {
        params.put("evals4j.sentry.dsn", args[1]);
      }
      int size = Integer.getInteger("suite.size", 50_000);
      List<DiscoverySelector> selectors = new ArrayList<>();
      for (String pkg : System.getProperty("suite.packages", "org.apache.commons.collections4")
          .split(",")) {
        selectors.add(selectPackage(pkg.strip()));
      }
      long start = System.nanoTime();
      long tests;
      long classes;
      try (LauncherSession session = LauncherFactory.openSession()) {
        var launcher = session.getLauncher();
        var plan = launcher.discover(request().selectors(selectors)
            .configurationParameters(params).build());
        long real = plan.countTestIdentifiers(t -> t.isTest());
        classes = plan.getRoots().stream().flatMap(r -> plan.getDescendants(r).stream())
            .filter(t -> t.getSource().map(s -> s instanceof
                org.junit.platform.engine.support.descriptor.ClassSource).orElse(false))
            .count();
        int synthetic = (int) Math.max(0, size - real);
        System.setProperty("suite.synthetic", Integer.toString(synthetic));
        if (synthetic > 0) {
          selectors.add(selectClass(Synthetic.class));
          classes++;
        }
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectors).configurationParameters(params).build(),
            summary);
        TestExecutionSummary s = summary.getSummary();
        tests = s.getTestsStartedCount() + s.getTestsSkippedCount();
        System.out.printf(Locale.ROOT, "%s: %d real + %d synthetic tests: %d succeeded,"
            + " %d failed, %d aborted, %d skipped%n", mode, real, synthetic,
            s.getTestsSucceededCount(), s.getTestsFailedCount(), s.getTestsAbortedCount(),
            s.getTestsSkippedCount());
      }
      double wallMs = (System.nanoTime() - start) / 1e6;
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      double cpuMs = os.getProcessCpuTime() / 1e6;
      // A transaction per test started (skipped ones are not sent by default) and per class.
      System.out.printf(Locale.ROOT, "RESULT %d %.0f %.0f %.2f %d%n", tests, wallMs, cpuMs,
          os.getSystemLoadAverage(), tests + classes);
      System.out.flush();
    }
  }

  /** The top-up: tests that each wait {@code suite.synthetic-micros}, as a test on I/O does. */
  static final class Synthetic {
    @TestFactory
    Stream<DynamicTest> tests() {
      int count = Integer.getInteger("suite.synthetic", 0);
      long nanos = Long.getLong("suite.synthetic-micros", 2_000) * 1_000;
      return IntStream.range(0, count).mapToObj(i -> dynamicTest("s" + i,
          () -> LockSupport.parkNanos(nanos)));
    }
  }
}
