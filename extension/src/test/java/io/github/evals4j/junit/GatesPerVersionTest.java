package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team keeps v1 to compare against v2: gates on {@code @Prompt(version = "v2", gates = ...)}
 * apply to v2 only, and the reference version (annotation or {@code evals4j.prompt.<id>.reference})
 * is compared but never gated, so the default gates do not fail the build on the weaker v1.
 */
class GatesPerVersionTest {

  @TempDir
  Path dir;

  private Report report() {
    return ReportJson.read(dir.resolve("report.json"));
  }

  private static List<GateResult> of(Report report, String version) {
    return report.gates().stream().filter(g -> g.prompt().version().equals(version)).toList();
  }

  @Test
  void should_apply_the_annotation_gates_to_its_own_version_only() {
    // WHEN v2 declares min-pass-rate=0.7 and v1 declares nothing
    LauncherRun.reportingTo(dir).run(ConfigFixtures.PlainV1.class, ConfigFixtures.CandidateV2.class);

    // THEN v1 keeps the default threshold, v2 has its own
    Report report = report();
    assertThat(of(report, "v1")).filteredOn(g -> g.metric().equals("min-pass-rate")).singleElement()
        .satisfies(g -> assertThat(g.threshold()).isEqualTo("≥ 90.0 %"));
    assertThat(of(report, "v2")).filteredOn(g -> g.metric().equals("min-pass-rate")).singleElement()
        .satisfies(g -> {
          assertThat(g.threshold()).isEqualTo("≥ 70.0 %");
          assertThat(g.status()).isEqualTo(GateStatus.PASSED);
        });
  }

  @Test
  void should_compare_but_not_gate_the_reference_version_marked_on_the_annotation() {
    // WHEN
    LauncherRun.Result r = LauncherRun.reportingTo(dir)
        .run(ConfigFixtures.ReferenceV1.class, ConfigFixtures.CandidateV2.class);

    // THEN v1 (2 of 4 passing) gets one "reference" line instead of failed default gates
    Report report = report();
    assertThat(of(report, "v1")).singleElement().satisfies(g -> {
      assertThat(g.metric()).isEqualTo("reference");
      assertThat(g.status()).isEqualTo(GateStatus.NOT_APPLICABLE);
      assertThat(g.message()).isEqualTo("summarize@v1/gpt-4o-mini: reference version "
          + "(evals4j.prompt.summarize.reference=v1): compared, not gated");
    });
    assertThat(of(report, "v2")).extracting(GateResult::metric).contains("min-pass-rate");
    assertThat(report.gateFailed()).isFalse();
    assertThat(report.comparisons()).isNotEmpty();
    assertThat(r.stderr()).containsPattern("summarize +v1 .* reference\\R");
  }

  @Test
  void should_take_the_reference_version_from_the_configuration() throws Exception {
    // WHEN
    LauncherRun.reportingTo(dir).param("evals4j.prompt.summarize.reference", "v1")
        .run(ConfigFixtures.PlainV1.class, ConfigFixtures.CandidateV2.class);

    // THEN
    assertThat(of(report(), "v1")).extracting(GateResult::metric).containsExactly("reference");
    assertThat(report().gateFailed()).isFalse();
    assertThat(Files.readString(dir.resolve("report.md"))).contains("| summarize | v1 |", "| reference |");
  }

  @Test
  void should_gate_one_version_by_a_per_version_key() {
    // WHEN the configuration raises v2's bar only
    LauncherRun.reportingTo(dir).param("evals4j.gate.summarize@v2.min-pass-rate", "0.8")
        .param("evals4j.gate.summarize.min-pass-rate", "0.5")
        .run(ConfigFixtures.PlainV1.class, ConfigFixtures.CandidateV2.class);

    // THEN the per-version key wins for v2 (over its annotation's 0.7), the per-prompt key holds for v1
    Report report = report();
    assertThat(of(report, "v1")).filteredOn(g -> g.metric().equals("min-pass-rate")).singleElement()
        .satisfies(g -> assertThat(g.status()).isEqualTo(GateStatus.PASSED));
    assertThat(of(report, "v2")).filteredOn(g -> g.metric().equals("min-pass-rate")).singleElement()
        .satisfies(g -> {
          assertThat(g.threshold()).isEqualTo("≥ 80.0 %");
          assertThat(g.status()).isEqualTo(GateStatus.FAILED);
        });
  }

  @Test
  void should_fail_the_tests_when_two_versions_of_one_prompt_are_marked_reference() {
    // WHEN
    LauncherRun.Result r = LauncherRun.reportingTo(dir)
        .run(ConfigFixtures.ReferenceV1.class, ConfigFixtures.OtherReference.class);

    // THEN
    assertThat(r.failures()).isNotEmpty().allSatisfy(m -> assertThat(m).contains(
        "reference = true", "is already its reference; one reference per prompt id"));
  }
}
