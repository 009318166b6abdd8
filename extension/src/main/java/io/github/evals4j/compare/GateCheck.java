package io.github.evals4j.compare;

import io.github.evals4j.secrets.TextScrubber;
import io.github.evals4j.assertions.Texts;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code evals4j check <report.json>}: the build's verdict on the gates of a run. Prints one line
 * per failed gate (prompt, metric, value, threshold, baseline) and exits 1 when a gate failed, 2
 * when there is no readable report, 0 otherwise. Bind it to Maven's {@code verify} phase (or a
 * Gradle {@code Exec} task after {@code test}) so that a failed gate fails the build after the
 * reports were written.
 */
final class GateCheck {

  private GateCheck() {}

  static int run(String file, PrintStream out, PrintStream err) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      err.println("evals4j check: no report at " + Texts.printable(file)
          + " (did the eval tests run with the evals4j extension and a @Prompt?)");
      return ReportCli.USAGE;
    }
    Report report;
    try {
      report = ReportJson.read(path);
    } catch (RuntimeException e) {
      err.println("evals4j check: " + Texts.printable(e.getMessage()));
      return ReportCli.USAGE;
    }
    long failed = report.gates().stream().filter(GateResult::failed).count();
    long unknown = report.gates().stream().filter(g -> g.status() == GateStatus.UNKNOWN).count();
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
    out.println("evals4j: all " + (report.gates().size() - unknown) + " judged gates passed"
        + (unknown > 0 ? ", " + unknown + " unknown" : "") + " (" + report.prompts().size()
        + " prompt versions, " + Texts.printable(file) + ")");
    return 0;
  }
}
