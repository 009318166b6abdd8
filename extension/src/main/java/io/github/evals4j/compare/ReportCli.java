package io.github.evals4j.compare;

import io.github.evals4j.assertions.Texts;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.report.AtomicFiles;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import io.github.evals4j.report.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code evals4j} command line: {@code compare}, {@code merge} and {@code approve} on
 * {@code report.json} files.
 *
 * <pre>
 * java -jar evals4j-extension-VERSION-cli.jar compare baseline.json target/evals4j/report.json [--out diff.md] [--margin 0.2]
 * java -jar evals4j-extension-VERSION-cli.jar merge --out merged-dir shard1/report.json shard2/report.json [--baseline b.json]
 * java -jar evals4j-extension-VERSION-cli.jar approve target/evals4j/report.json src/test/resources/evals4j/baseline.json
 * </pre>
 *
 * <p>Exit codes: 0 fine, 1 regression (compare) or failed gate (merge), 2 usage or input error.
 */
public final class ReportCli {

  /** Exit code of a regression or a failed gate. */
  public static final int REGRESSION = 1;
  /** Exit code of a usage or input error. */
  public static final int USAGE = 2;

  /** System property: {@code merge} scrubs the local report files too (as the test run's key). */
  static final String SCRUB_FILES = "evals4j.report.scrub";

  private static final String HELP = String.join("\n",
      "usage: evals4j compare <baseline report.json> <report.json> [--out diff.md] [--margin 0.2]",
      "       evals4j merge --out <dir> <shard report.json>... [--baseline report.json]",
      "       evals4j approve <report.json> <baseline.json>",
      "       evals4j check <report.json>",
      "compare exits 1 when a case regressed or a pass rate is significantly lower;",
      "merge writes report.json/.md/.html of all shards and exits 1 when a gate fails;",
      "approve copies a report over the baseline (re-approves it);",
      "check exits 1 when a gate of the report failed (one line per failed gate).");

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
    try {
      List<String> positional = new ArrayList<>();
      Map<String, String> options = new HashMap<>();
      for (int i = 1; i < args.length; i++) {
        if (args[i].startsWith("--")) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
          }
          options.put(args[i].substring(2), args[++i]);
        } else {
          positional.add(args[i]);
        }
      }
      switch (args[0]) {
        case "compare":
          return compare(positional, options, out);
        case "merge":
          return merge(positional, options, out, env, properties);
        case "approve":
          return approve(positional, out);
        case "check":
          if (positional.size() != 1) {
            throw new IllegalArgumentException("check needs one report file");
          }
          return GateCheck.run(positional.get(0), out, err);
        default:
          throw new IllegalArgumentException("unknown command '" + args[0] + "'");
      }
    } catch (IllegalArgumentException | UncheckedIOException | IOException e) {
      err.println("evals4j: " + Texts.printable(e.getMessage()));
      err.println(HELP);
      return USAGE;
    }
  }

  private static int compare(List<String> files, Map<String, String> options, PrintStream out) throws IOException {
    if (files.size() != 2) {
      throw new IllegalArgumentException("compare needs two report files, got " + files.size());
    }
    double margin = Double.parseDouble(options.getOrDefault("margin", "0.2"));
    ReportDiff diff = ReportDiff.of(read(files.get(0)), read(files.get(1)), margin);
    if (options.containsKey("out")) {
      AtomicFiles.write(Path.of(options.get("out")), diff.markdown().getBytes(StandardCharsets.UTF_8));
    }
    out.print(diff.markdown());
    return diff.regressed() ? REGRESSION : 0;
  }

  private static int merge(List<String> files, Map<String, String> options, PrintStream out,
      Map<String, String> env, Map<String, String> properties) throws IOException {
    if (files.isEmpty() || !options.containsKey("out")) {
      throw new IllegalArgumentException("merge needs --out <dir> and at least one report file");
    }
    List<Report> shards = new ArrayList<>();
    for (String f : files) {
      shards.add(read(f));
    }
    Optional<Report> baseline = Optional.ofNullable(options.get("baseline")).map(ReportCli::read);
    Report merged = ReportMerge.merge(shards, baseline, GateSettings.from(properties));
    // Local files hold the text as merged unless evals4j.report.scrub=true; the step summary is scrubbed.
    boolean scrub = Boolean.parseBoolean(properties.getOrDefault(SCRUB_FILES, "false").strip());
    Reports.Written written = Reports.writeAll(scrub ? Reports.published(merged) : merged,
        Path.of(options.get("out")), env);
    out.print(io.github.evals4j.report.ConsoleTable.render(Reports.published(merged)));
    out.println("merged " + shards.size() + " report(s) into " + Texts.printable(written.json().toString()));
    return merged.gateFailed() ? REGRESSION : 0;
  }

  private static int approve(List<String> files, PrintStream out) throws IOException {
    if (files.size() != 2) {
      throw new IllegalArgumentException("approve needs <report.json> <baseline.json>");
    }
    Report report = read(files.get(0)); // refuses a file that is not a report
    AtomicFiles.write(Path.of(files.get(1)), Files.readAllBytes(Path.of(files.get(0))));
    out.println("approved " + Texts.printable(files.get(0)) + " as the baseline " + Texts.printable(files.get(1)) + " ("
        + report.prompts().size() + " prompt versions)");
    return 0;
  }

  private static Report read(String file) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no such report file: " + file);
    }
    return ReportJson.read(path);
  }
}
