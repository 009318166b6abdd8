package io.github.evals4j.compare;

import io.github.evals4j.secrets.TextScrubber;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.report.LastRun;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportLimits;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code evals4j check <report.json>}: the build's verdict on the gates of <em>this</em> run.
 * Prints one line per failed gate (prompt, metric, value, threshold, baseline) and exits 1 when a
 * gate failed or nothing was judged, 2 when there is no report of this run, 0 otherwise. Bind it
 * to Maven's {@code verify} phase (or a Gradle {@code Exec} task after {@code test}) so that a
 * failed gate fails the build after the reports were written.
 *
 * <p>Which run it judges: the last run in the report's directory (its {@value LastRun#FILE},
 * written at the start and the end of every run) and, with {@code --since}, a run that started
 * after the build did. A report left by an earlier run, a run that ended without writing one, or
 * a broken run's report is never judged as this run's: each fails with one line saying which.
 */
final class GateCheck {

  /**
   * What {@code check} was asked.
   *
   * @param since the build's start: a run that started before it is an earlier build's
   * @param allowEmpty whether a run that judged nothing passes
   * @param limits limits on the report file
   */
  record Options(Optional<Instant> since, boolean allowEmpty, ReportLimits limits) {}

  private GateCheck() {}

  static int run(String file, Options o, PrintStream out, PrintStream err) {
    Path path = Path.of(file);
    Path dir = path.toAbsolutePath().getParent();
    Optional<LastRun> last;
    try {
      last = LastRun.read(dir);
    } catch (IllegalArgumentException e) {
      return fail(err, e.getMessage());
    }
    // A last run from before this build is an earlier build's: only the report can tell then.
    Optional<LastRun> current = last.filter(l -> o.since().isEmpty()
        || l.started().map(t -> !t.isBefore(o.since().get())).orElse(false));
    boolean exists = Files.isRegularFile(path);
    if (current.isPresent()) {
      LastRun l = current.get();
      switch (l.state()) {
        case RUNNING:
          return fail(err, "the run that started at " + l.startedAt() + " did not end, so " + file
              + " is not its report (the test JVM crashed, was killed or timed out?)");
        case NOT_WRITTEN:
          return fail(err, "the run that started at " + l.startedAt() + " could not write its report to "
              + dir + ": " + l.detail());
        case EMPTY:
          return empty(o, out, err, "the run that started at " + l.startedAt()
              + " had no test attributed to a @Prompt, so it wrote no report");
        default:
          if (!exists) {
            return fail(err, "the run that started at " + l.startedAt() + " wrote its report, but " + file
                + " is missing");
          }
      }
    }
    if (!exists) {
      return fail(err, "no report at " + file + o.since().map(s -> " from this build (started at " + s + ")").orElse("")
          + " (did the eval tests run with the evals4j extension and a @Prompt?)");
    }
    Report report;
    try {
      report = ReportCli.read(file, o.limits());
    } catch (ReportCli.InputError e) {
      return fail(err, e.getMessage());
    }
    String started = report.run().startedAt();
    if (current.isPresent() && !(started.equals(current.get().startedAt())
        && report.run().runId().equals(current.get().runId()))) {
      return fail(err, file + " is from an earlier run (" + describe(report) + "), not from the last run,"
          + " which started at " + current.get().startedAt() + " and left no report");
    }
    if (o.since().isPresent()) {
      Optional<Instant> at = LastRun.instant(started);
      if (at.isEmpty() || at.get().isBefore(o.since().get())) {
        return fail(err, file + " is from a run that started " + (at.isEmpty() ? "at an unknown time" : "at " + started)
            + ", before this build (started at " + o.since().get() + "): this build's tests wrote no report");
      }
    }
    if (report.broken()) {
      return fail(err, "the run has no verdict, its report could not be built: " + report.error()
          + " (" + file + ")");
    }
    long failed = report.gates().stream().filter(GateResult::failed).count();
    long unknown = report.gates().stream().filter(g -> g.status() == GateStatus.UNKNOWN).count();
    long judged = report.gates().stream()
        .filter(g -> g.status() == GateStatus.PASSED || g.status() == GateStatus.FAILED).count();
    for (GateResult g : report.gates()) {
      if (g.failed()) {
        // Case ids in gate lines come from datasets: scrubbed (a CI log is published), one line.
        err.println("evals4j gate failed: " + Texts.printable(TextScrubber.DEFAULT.scrub(g.message())));
      }
    }
    if (failed > 0) {
      err.println("evals4j: " + failed + " of " + report.gates().size() + " gates failed ("
          + report.prompts().size() + " prompt versions, " + Texts.printable(file) + ")");
      return ReportCli.REGRESSION;
    }
    if (judged == 0) {
      return empty(o, out, err, report.prompts().isEmpty() ? file + " has no prompt version"
          : "no gate of the " + report.prompts().size() + " prompt versions in " + file + " was judged ("
              + report.gates().size() + " gates, " + unknown + " unknown)");
    }
    out.println("evals4j: all " + judged + " judged gates passed"
        + (unknown > 0 ? ", " + unknown + " unknown" : "") + " (" + report.prompts().size()
        + " prompt versions, " + Texts.printable(file) + ")");
    return 0;
  }

  /** Nothing judged: a failed verdict unless the user said a run without evals is fine. */
  private static int empty(Options o, PrintStream out, PrintStream err, String why) {
    if (o.allowEmpty()) {
      out.println("evals4j: nothing was judged, accepted by --allow-empty: " + why);
      return 0;
    }
    err.println("evals4j check: nothing was judged: " + ReportCli.oneLine(why)
        + "; an empty verdict fails (pass --allow-empty to accept it)");
    return ReportCli.REGRESSION;
  }

  private static int fail(PrintStream err, String line) {
    err.println("evals4j check: " + Texts.printable(ReportCli.oneLine(line)));
    return ReportCli.USAGE;
  }

  private static String describe(Report report) {
    String id = report.run().runId();
    String at = report.run().startedAt();
    return (id.isEmpty() ? "run" : "run " + id) + (at.isEmpty() ? "" : " started at " + at);
  }
}
