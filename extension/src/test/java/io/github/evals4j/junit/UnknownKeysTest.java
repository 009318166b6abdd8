package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Misspelled keys are said when the run starts, before any test body, naming the closest known
 * key; {@code evals4j.config.strict=true} makes them a failure. Keys come from real sources: system
 * properties (as {@code -D} on the command line) and the environment.
 */
class UnknownKeysTest {

  @TempDir
  Path dir;

  private static final String BODY = ConfigFixtures.BODY;

  @Test
  void should_warn_at_the_start_naming_the_closest_key_when_keys_are_misspelled() {
    // WHEN
    LauncherRun.Result r = LauncherRun.reportingTo(dir)
        .systemProperty("evals4j.sentry.sned", "errors-only")
        .systemProperty("evals4j.report.dirr", "elsewhere")
        .systemProperty("evals4j.repeat", "3")
        .run(ConfigFixtures.Probe.class);

    // THEN each is one line, said before the first test body ran
    String[] expected = {
        "[evals4j] WARNING unknown configuration key 'evals4j.sentry.sned' (system property); "
            + "closest known key: 'evals4j.sentry.send'",
        "[evals4j] WARNING unknown configuration key 'evals4j.report.dirr' (system property); "
            + "closest known key: 'evals4j.report.dir'",
        "[evals4j] WARNING unknown configuration key 'evals4j.repeat' (system property); "
            + "closest known key: 'evals4j.repeats'"};
    for (String line : expected) {
      assertThat(r.at(line)).as(line).isNotNegative().isLessThan(r.at(BODY));
    }
    assertThat(r.summary().getTestsFailedCount()).isZero();
  }

  @Test
  void should_warn_about_an_unknown_EVALS4J_environment_variable() {
    // WHEN
    LauncherRun.Result r = LauncherRun.reportingTo(dir)
        .env("EVALS4J_SENTRY_DNS", "http://key@127.0.0.1:9/1")
        .env("EVALS4J_RUN_ID", "known-one")
        .run(ConfigFixtures.Probe.class);

    // THEN
    assertThat(r.stderr()).contains("[evals4j] WARNING unknown environment variable "
        + "'EVALS4J_SENTRY_DNS'; closest known variable: 'EVALS4J_SENTRY_DSN'")
        .doesNotContain("'EVALS4J_RUN_ID'");
    assertThat(r.at("EVALS4J_SENTRY_DNS")).isLessThan(r.at(BODY));
  }

  @Test
  void should_fail_the_run_before_any_test_body_when_strict() {
    // WHEN
    LauncherRun.Result r = LauncherRun.reportingTo(dir)
        .param("evals4j.config.strict", "true")
        .systemProperty("evals4j.sentry.sned", "errors-only")
        .run(ConfigFixtures.Probe.class);

    // THEN
    assertThat(r.stderr()).doesNotContain(BODY);
    assertThat(r.summary().getTotalFailureCount()).isPositive();
    assertThat(r.failures()).allSatisfy(m -> assertThat(m).contains(
        "unknown configuration key 'evals4j.sentry.sned' (system property); closest known key: "
            + "'evals4j.sentry.send'", "evals4j.config.strict=true"));
    assertThat(dir.resolve("report.json")).doesNotExist();
  }

  @Test
  void should_not_warn_about_keys_the_user_listed_as_their_own() {
    // WHEN
    LauncherRun.Result r = LauncherRun.reportingTo(dir)
        .param("evals4j.config.ignore", "evals4j.mine.*, evals4j.other")
        .systemProperty("evals4j.mine.switch", "on")
        .systemProperty("evals4j.other", "1")
        .systemProperty("evals4j.othe", "1")
        .run(ConfigFixtures.Probe.class);

    // THEN
    assertThat(r.stderr()).doesNotContain("evals4j.mine.switch", "'evals4j.other'")
        .contains("unknown configuration key 'evals4j.othe'");
  }

  @Test
  void should_warn_at_the_start_about_a_misspelled_gate_metric_and_still_write_the_report() {
    // WHEN
    LauncherRun.Result r = LauncherRun.reportingTo(dir)
        .systemProperty("evals4j.gate.summarize.min-pass-rat", "0.4")
        .run(ConfigFixtures.Probe.class);

    // THEN the closest spells the user's prompt id out
    String line = "unknown configuration key 'evals4j.gate.summarize.min-pass-rat' (system property); "
        + "closest known key: 'evals4j.gate.summarize.min-pass-rate'";
    assertThat(r.at(line)).isNotNegative().isLessThan(r.at(BODY));
    Report report = ReportJson.read(dir.resolve("report.json"));
    assertThat(report.gates()).filteredOn(g -> g.metric().equals("min-pass-rate")).singleElement()
        .satisfies(g -> {
          assertThat(g.threshold()).isEqualTo("≥ 90.0 %"); // the misspelled 0.4 is not applied
          assertThat(g.status()).isEqualTo(GateStatus.FAILED);
        });
  }

  @Test
  void should_say_at_the_start_when_a_gate_threshold_is_malformed() {
    // WHEN
    LauncherRun.Result r = LauncherRun.reportingTo(dir)
        .systemProperty("evals4j.gate.summarize.min-pass-rate", "ninety")
        .run(ConfigFixtures.Probe.class);

    // THEN
    int line = r.at("[evals4j] the run report is off: evals4j.gate.summarize.min-pass-rate: "
        + "expected a number");
    assertThat(line).isNotNegative().isLessThan(r.at(BODY));
  }
}
