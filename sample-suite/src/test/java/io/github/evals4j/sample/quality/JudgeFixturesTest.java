package io.github.evals4j.sample.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed judge mappings are exactly what {@link JudgeFixtures} makes from the answers and
 * the calibration set. With {@code -Devals4j.sample.judge-fixtures.write=true} it rewrites them.
 */
class JudgeFixturesTest {

  static final String WRITE = "evals4j.sample.judge-fixtures.write";

  @Test
  void should_pass_when_committed_judge_mappings_match_the_answers_and_calibration_set()
      throws IOException {
    String generated = JudgeFixtures.generate();
    Path source = Path.of(System.getProperty("basedir", "."), "src", "test", "resources",
        JudgeFixtures.MAPPINGS);
    if (Boolean.getBoolean(WRITE)) {
      Files.createDirectories(source.getParent());
      Files.writeString(source, generated, StandardCharsets.UTF_8);
    }
    assertThat(committed(source)).as("%s is out of date: rerun with -D%s=true", JudgeFixtures.MAPPINGS,
        WRITE).isEqualTo(generated);
    // the calibration set: at least 40 hand-labelled outputs over the five tasks
    assertThat(JudgeFixtures.calibrationSizes().values().stream().mapToInt(i -> i).sum())
        .isGreaterThanOrEqualTo(40);
    assertThat(JudgeFixtures.calibrationSizes()).hasSize(5);
  }

  private static String committed(Path source) throws IOException {
    if (Files.exists(source)) {
      return Files.readString(source, StandardCharsets.UTF_8);
    }
    try (InputStream in = JudgeFixturesTest.class.getClassLoader()
        .getResourceAsStream(JudgeFixtures.MAPPINGS)) {
      return in == null ? "(missing)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
