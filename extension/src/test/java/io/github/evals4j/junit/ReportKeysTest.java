package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.config.ConfigKeys;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each key of the registry takes effect under the extension: every typed key is read (a malformed
 * value is named, never silently ignored), and each report key changes what the run writes.
 */
class ReportKeysTest {

  @TempDir
  Path dir;

  private static final Set<String> TYPED =
      Set.of("boolean", "integer", "number", "duration", "choice", "rate");

  /** Every key of a type with malformed values, families spelled out for prompt "summarize". */
  static Stream<String> typedKeys() {
    return ConfigKeys.all().stream().filter(k -> TYPED.contains(k.type())).map(k -> k.name()
        .replace("[<target>.]", "").replace("[<prompt id>.]", "").replace("<model>", "gpt-4o-mini")
        .replace("<prompt id>", "summarize"));
  }

  @ParameterizedTest
  @MethodSource("typedKeys")
  void should_name_the_key_of_a_malformed_value_so_no_key_is_silently_ignored(String key) {
    // WHEN the key comes from a system property, as -Dkey=value would
    LauncherRun.Result r = LauncherRun.reportingTo(dir).systemProperty(key, "not-a-value")
        .run(ConfigFixtures.Probe.class);

    // THEN
    assertThat(r.stderr() + String.join("\n", r.failures())).contains(key).contains("not-a-value");
  }

  private Report report() {
    return ReportJson.read(dir.resolve("report.json"));
  }

  @Test
  void should_keep_as_many_failing_examples_as_max_examples_says() {
    // WHEN the default, then 1 (Probe fails c3 and c4)
    LauncherRun.reportingTo(dir).run(ConfigFixtures.Probe.class);
    int byDefault = report().prompts().get(0).examples().size();
    LauncherRun.reportingTo(dir).param("evals4j.report.max-examples", "1").run(ConfigFixtures.Probe.class);

    // THEN
    assertThat(byDefault).isEqualTo(2);
    assertThat(report().prompts().get(0).examples()).hasSize(1);
  }

  @Test
  void should_write_no_report_when_reports_are_disabled() {
    // WHEN
    LauncherRun.reportingTo(dir).param("evals4j.report.enabled", "false").run(ConfigFixtures.Probe.class);

    // THEN
    assertThat(dir.resolve("report.json")).doesNotExist();
  }

  @Test
  void should_write_the_reports_where_the_dir_key_says() {
    // WHEN
    LauncherRun.reportingTo(dir.resolve("a/b")).run(ConfigFixtures.Probe.class);

    // THEN
    assertThat(dir.resolve("a/b/report.json")).exists();
    assertThat(dir.resolve("a/b/report.html")).exists();
  }

  @Test
  void should_print_no_table_when_the_console_is_off() {
    // WHEN
    LauncherRun.Result on = LauncherRun.reportingTo(dir).run(ConfigFixtures.Probe.class);
    LauncherRun.Result off = LauncherRun.reportingTo(dir).param("evals4j.report.console", "false")
        .run(ConfigFixtures.Probe.class);

    // THEN
    assertThat(on.stderr()).contains("[evals4j] evals4j report");
    assertThat(off.stderr()).doesNotContain("[evals4j] evals4j report");
    assertThat(dir.resolve("report.json")).exists();
  }

  @Test
  void should_word_the_gate_line_so_that_it_is_true_when_mvn_test_ends_in_build_success() {
    // WHEN v1 passes 2 of 4 against the default 90 %
    LauncherRun.Result r = LauncherRun.reportingTo(dir).run(ConfigFixtures.Probe.class);

    // THEN the tests passed, and the line says where the build fails instead of claiming it does
    assertThat(r.summary().getTestsFailedCount()).isZero();
    assertThat(r.stderr()).contains("[evals4j] 1 gate failed (lines above); this run's tests are "
        + "not failed by it: the build fails only where 'ReportCli check "
        + dir.resolve("report.json") + "' runs (e.g. mvn verify with the evals4j-gates execution")
        .doesNotContain("the build fails at");
  }

  @Test
  void should_append_to_the_step_summary_unless_switched_off() throws Exception {
    // GIVEN
    Path summary = dir.resolve("step-summary.md");

    // WHEN off
    LauncherRun.reportingTo(dir).env("GITHUB_STEP_SUMMARY", summary.toString())
        .param("evals4j.report.step-summary", "false").run(ConfigFixtures.Probe.class);
    boolean writtenWhenOff = Files.exists(summary);
    // WHEN on (the default)
    LauncherRun.reportingTo(dir).env("GITHUB_STEP_SUMMARY", summary.toString())
        .run(ConfigFixtures.Probe.class);

    // THEN
    assertThat(writtenWhenOff).isFalse();
    assertThat(Files.readString(summary)).contains("## evals4j report");
  }

  @Test
  void should_not_fail_a_run_on_an_informational_check() {
    // WHEN
    LauncherRun.reportingTo(dir).param("evals4j.checks.informational", "answer.correct")
        .run(ConfigFixtures.Probe.class);

    // THEN 2 of 4 answers were wrong, but the check only informs
    assertThat(report().prompts().get(0).passRate()).isEqualTo(1.0);
  }

  @Test
  void should_compare_with_the_baseline_report_it_names() throws Exception {
    // GIVEN a first run's report as the baseline
    LauncherRun.reportingTo(dir).run(ConfigFixtures.Probe.class);
    Path baseline = Files.copy(dir.resolve("report.json"), dir.resolve("baseline.json"));

    // WHEN
    LauncherRun.reportingTo(dir).param("evals4j.baseline", baseline.toString())
        .run(ConfigFixtures.Probe.class);

    // THEN
    assertThat(report().baselineComparisons()).isNotEmpty();
    assertThat(report().gates()).filteredOn(g -> g.metric().equals("no-regression")).singleElement()
        .satisfies(g -> assertThat(g.baseline()).isEqualTo("pass rate 50.0 %"));
  }
}
