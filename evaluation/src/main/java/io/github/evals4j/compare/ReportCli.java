package io.github.evals4j.compare;

import io.github.evals4j.internal.Texts;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.report.AtomicFiles;
import io.github.evals4j.report.ConsoleTable;
import io.github.evals4j.report.LastRun;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import io.github.evals4j.report.ReportLimits;
import io.github.evals4j.report.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code evals4j} command line: {@code compare}, {@code merge}, {@code approve} and
 * {@code check} on {@code report.json} files, and {@code sentry-provision} (alerts and a dashboard
 * in Sentry, see {@link io.github.evals4j.alerts.ProvisionCommand}).
 *
 * <pre>
 * java -jar evals4j-evaluation-VERSION-cli.jar compare baseline.json target/evals4j/report.json [--out diff.md] [--margin 0.2]
 * java -jar evals4j-evaluation-VERSION-cli.jar merge --out merged-dir shard1/report.json shard2/report.json [--baseline b.json]
 * java -jar evals4j-evaluation-VERSION-cli.jar approve target/evals4j/report.json src/test/resources/evals4j/baseline.json
 * java -jar evals4j-evaluation-VERSION-cli.jar check target/evals4j/report.json [--since 2026-11-23T17:00:00Z] [--allow-empty]
 * </pre>
 *
 * <p>Exit codes: 0 fine; 1 a regression (compare), a failed gate (merge, check) or nothing judged
 * (check); 2 a usage error or an input that is missing, stale, broken, malformed or beyond a limit
 * ({@code --max-report-mb}, {@code --max-sketch-buckets}), said in one line.
 */
public final class ReportCli {

  /** Exit code of a regression or a failed gate. */
  public static final int REGRESSION = 1;
  /** Exit code of a usage or input error. */
  public static final int USAGE = 2;

  /** System property: {@code merge} scrubs the local report files too (as the test run's key). */
  static final String SCRUB_FILES = io.github.evals4j.config.ConfigKeys.REPORT_SCRUB.name();

  private static final String HELP = String.join("\n",
      "usage: evals4j compare <baseline report.json> <report.json> [--out diff.md] [--margin 0.2]",
      "       evals4j merge --out <dir> <shard report.json>... [--baseline report.json]",
      "       evals4j approve <report.json> <baseline.json>",
      "       evals4j check <report.json> [--since <build start>] [--allow-empty]",
      "       evals4j sentry-provision --org <slug> --project <slug> --prompts a,b [--dry-run]"
          + " (--help: all options)",
      "every report command: [--max-report-mb 64] [--max-sketch-buckets 10000]",
      "compare exits 1 when a case regressed or a pass rate is significantly lower;",
      "merge writes report.json/.md/.html of all shards and exits 1 when a gate fails;",
      "approve copies a report over the baseline (re-approves it);",
      "check exits 1 when a gate of the report failed (one line per failed gate) or nothing was judged,",
      "  2 when the report is missing, from an earlier run (--since: the build's start), or broken.",
      "exit 2: usage error, or an input file that is missing, malformed or beyond a limit (one line).");

  private static final Set<String> LIMIT_OPTIONS = Set.of("max-report-mb", "max-sketch-buckets");
  private static final Map<String, Set<String>> OPTIONS = Map.of(
      "compare", Set.of("out", "margin"),
      "merge", Set.of("out", "baseline"),
      "approve", Set.of(),
      "check", Set.of("since"));
  private static final Set<String> FLAGS = Set.of("allow-empty");

  private ReportCli() {}

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    Map<String, String> props = new HashMap<>();
    System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
    System.exit(run(args, System.out, System.err, System.getenv(), props));
  }

  /**
   * Runs the command, printing to {@code out} and {@code err}; gates of {@code merge} read their
   * thresholds from {@code properties} ({@code evals4j.gate.*}).
   *
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      Map<String, String> properties) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).println(HELP);
      return args.length == 0 ? USAGE : 0;
    }
    if (args[0].equals("sentry-provision")) {
      return io.github.evals4j.alerts.ProvisionCommand.run(
          List.of(args).subList(1, args.length), out, err, env);
    }
    String command = args[0];
    try {
      if (!OPTIONS.containsKey(command)) {
        throw new IllegalArgumentException("unknown command '" + command + "'");
      }
      List<String> positional = new ArrayList<>();
      Map<String, String> options = new HashMap<>();
      for (int i = 1; i < args.length; i++) {
        if (!args[i].startsWith("--")) {
          positional.add(args[i]);
          continue;
        }
        String name = args[i].substring(2);
        if (command.equals("check") && FLAGS.contains(name)) {
          options.put(name, "true");
        } else if (OPTIONS.get(command).contains(name) || LIMIT_OPTIONS.contains(name)) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
          }
          options.put(name, args[++i]);
        } else {
          throw new IllegalArgumentException("unknown option " + args[i] + " for " + command);
        }
      }
      ReportLimits limits = limits(options);
      switch (command) {
        case "compare":
          return compare(positional, options, limits, out);
        case "merge":
          return merge(positional, options, limits, out, env, properties);
        case "approve":
          return approve(positional, limits, out);
        default:
          if (positional.size() != 1) {
            throw new IllegalArgumentException("check needs one report file");
          }
          return GateCheck.run(positional.get(0), new GateCheck.Options(since(options.get("since")),
              options.containsKey("allow-empty"), limits), out, err);
      }
    } catch (InputError e) {
      err.println("evals4j " + command + ": " + Texts.printable(e.getMessage()));
      return USAGE;
    } catch (IllegalArgumentException e) {
      err.println("evals4j: " + Texts.printable(e.getMessage()));
      err.println(HELP);
      return USAGE;
    } catch (UncheckedIOException | IOException e) {
      err.println("evals4j " + command + ": " + oneLine(e.getMessage()));
      return USAGE;
    } catch (RuntimeException | Error e) {
      // Never exit 1 ("gate failed") on a crash: whatever went wrong, the input was not judged.
      err.println("evals4j " + command + ": the input could not be processed: "
          + oneLine(String.valueOf(e)));
      return USAGE;
    }
  }

  private static ReportLimits limits(Map<String, String> options) {
    ReportLimits limits = ReportLimits.defaults();
    if (options.containsKey("max-report-mb")) {
      long mb = positive("--max-report-mb", options.get("max-report-mb"));
      if (mb > Long.MAX_VALUE >> 20) {
        throw new IllegalArgumentException("--max-report-mb " + mb + " is too large");
      }
      limits = limits.withMaxBytes(mb << 20);
    }
    if (options.containsKey("max-sketch-buckets")) {
      long n = positive("--max-sketch-buckets", options.get("max-sketch-buckets"));
      limits = limits.withMaxSketchBuckets((int) Math.min(Integer.MAX_VALUE, n));
    }
    return limits;
  }

  private static long positive(String option, String value) {
    try {
      long n = Long.parseLong(value.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(option + " '" + value + "' is not a whole number >= 1");
  }

  /** {@code --since}: an ISO-8601 instant (Maven's {@code maven.build.timestamp}) or epoch milliseconds. */
  private static Optional<Instant> since(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<Instant> at = LastRun.instant(value);
    if (at.isEmpty() && value.strip().matches("\\d{1,15}")) {
      at = Optional.of(Instant.ofEpochMilli(Long.parseLong(value.strip())));
    }
    return Optional.of(at.orElseThrow(() -> new IllegalArgumentException("--since '" + value
        + "' is not an instant: use ISO-8601 (2026-11-23T17:00:00Z; Maven's ${maven.build.timestamp}"
        + " in its default format) or epoch milliseconds")));
  }

  private static int compare(List<String> files, Map<String, String> options, ReportLimits limits,
      PrintStream out) throws IOException {
    if (files.size() != 2) {
      throw new IllegalArgumentException("compare needs two report files, got " + files.size());
    }
    double margin = margin(options.getOrDefault("margin", "0.2"));
    ReportDiff diff = ReportDiff.of(read(files.get(0), limits), read(files.get(1), limits), margin);
    if (options.containsKey("out")) {
      AtomicFiles.write(Path.of(options.get("out")), diff.markdown().getBytes(StandardCharsets.UTF_8));
    }
    out.print(diff.markdown());
    return diff.regressed() ? REGRESSION : 0;
  }

  private static double margin(String value) {
    try {
      double m = Double.parseDouble(value.strip());
      if (m >= 0 && m <= 1) {
        return m;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("--margin '" + value + "' is not a score drop within [0, 1]");
  }

  private static int merge(List<String> files, Map<String, String> options, ReportLimits limits,
      PrintStream out, Map<String, String> env, Map<String, String> properties) throws IOException {
    if (files.isEmpty() || !options.containsKey("out")) {
      throw new IllegalArgumentException("merge needs --out <dir> and at least one report file");
    }
    GateSettings gates = GateSettings.from(properties);
    List<Report> shards = new ArrayList<>();
    for (String f : files) {
      shards.add(read(f, limits));
    }
    Optional<Report> baseline = Optional.empty();
    if (options.containsKey("baseline")) {
      baseline = Optional.of(read(options.get("baseline"), limits));
      if (baseline.get().broken()) {
        throw new InputError(options.get("baseline") + " is the report of a broken run, not a baseline: "
            + baseline.get().error());
      }
    }
    Report merged;
    try {
      merged = ReportMerge.merge(shards, files, baseline, gates);
    } catch (IllegalArgumentException e) {
      throw new InputError(e.getMessage());
    }
    Path dir = Path.of(options.get("out"));
    // Local files hold the text as merged unless evals4j.report.scrub=true; the step summary is scrubbed.
    boolean scrub = Boolean.parseBoolean(properties.getOrDefault(SCRUB_FILES, "false").strip());
    Reports.Written written = Reports.writeAll(scrub ? Reports.published(merged) : merged, dir, env);
    // check on the merged directory judges this merge, not a test run that wrote there before
    new LastRun(LastRun.State.REPORTED, merged.run().runId(), merged.run().startedAt(),
        merged.run().endedAt(), "").write(dir);
    out.print(ConsoleTable.render(Reports.published(merged)));
    out.println("merged " + shards.size() + " report(s) into " + Texts.printable(written.json().toString()));
    return merged.gateFailed() ? REGRESSION : 0;
  }

  private static int approve(List<String> files, ReportLimits limits, PrintStream out) throws IOException {
    if (files.size() != 2) {
      throw new IllegalArgumentException("approve needs <report.json> <baseline.json>");
    }
    Report report = read(files.get(0), limits); // refuses a file that is not a report
    if (report.broken()) {
      throw new InputError(files.get(0) + " is the report of a broken run, it cannot be a baseline: "
          + report.error());
    }
    // read(...) checked the size: the bytes fit in memory
    AtomicFiles.write(Path.of(files.get(1)), Files.readAllBytes(Path.of(files.get(0))));
    out.println("approved " + Texts.printable(files.get(0)) + " as the baseline " + Texts.printable(files.get(1)) + " ("
        + report.prompts().size() + " prompt versions)");
    return 0;
  }

  /** A report file, or an {@link InputError} of one line naming it. */
  static Report read(String file, ReportLimits limits) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new InputError("no such report file: " + file);
    }
    try {
      return ReportJson.read(path, limits);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new InputError(e.getMessage());
    }
  }

  /** An input that is missing, malformed or beyond a limit: one line, exit 2, no usage text. */
  static final class InputError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputError(String message) {
      super(oneLine(message));
    }
  }

  /** {@code s} on one line (a file name or an exception message may hold line breaks). */
  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      b.append(ch == '\r' || ch == '\n' ? ' ' : ch);
    }
    return b.toString();
  }
}
