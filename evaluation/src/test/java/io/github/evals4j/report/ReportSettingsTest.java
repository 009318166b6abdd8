package io.github.evals4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.evals4j.cost.ModelPrice;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportSettingsTest {

  @Test
  void should_use_defaults_when_nothing_is_configured() {
    ReportSettings s = ReportSettings.from(Map.of());
    assertThat(s.reportDir()).isEqualTo(Path.of("target/evals4j"));
    assertThat(s.baseline()).isEmpty();
    assertThat(s.aggregation().informationalChecks()).isEmpty();
    assertThat(s.aggregation().maxExamples()).isEqualTo(10);
    assertThat(s.prices().lookup("gpt-4o-mini")).isPresent();
  }

  @Test
  void should_read_every_key_when_configured() {
    ReportSettings s = ReportSettings.from(Map.of(
        "evals4j.report.dir", "build/evals",
        "evals4j.baseline", "src/test/resources/evals4j-baseline.json",
        "evals4j.checks.informational", "tone, style ,,",
        "evals4j.report.max-examples", "3",
        "evals4j.price.my-model.input", "1",
        "evals4j.price.my-model.output", "2"));
    assertThat(s.reportDir()).isEqualTo(Path.of("build/evals"));
    assertThat(s.baseline()).contains(Path.of("src/test/resources/evals4j-baseline.json"));
    assertThat(s.aggregation().informationalChecks()).containsExactlyInAnyOrder("tone", "style");
    assertThat(s.aggregation().maxExamples()).isEqualTo(3);
    assertThat(s.prices().lookup("my-model")).get().extracting(ModelPrice::outputPerMillion).isEqualTo(2.0);
  }

  @Test
  void should_name_key_when_value_is_malformed() {
    assertThatThrownBy(() -> ReportSettings.from(Map.of("evals4j.report.max-examples", "-1")))
        .hasMessage("evals4j.report.max-examples: expected an integer >= 0, got '-1'");
  }
}
