package io.github.evals4j.sample.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed WireMock mappings are exactly what {@link FixtureGenerator} makes from the
 * datasets, answers and prompts. With {@code -Devals4j.sample.fixtures.write=true} it rewrites
 * them instead (the README's regeneration command).
 */
class FixturesTest {

  static final String WRITE = "evals4j.sample.fixtures.write";

  @Test
  void should_pass_when_committed_mappings_match_the_answers_and_prompts() throws IOException {
    // GIVEN
    Map<String, String> generated = FixtureGenerator.generateAll();
    if (Boolean.getBoolean(WRITE)) {
      write(generated);
    }
    // WHEN / THEN
    for (Map.Entry<String, String> file : generated.entrySet()) {
      assertThat(committed(file.getKey()))
          .as("%s is out of date: regenerate the mappings (README, sample section)", file.getKey())
          .isEqualTo(file.getValue());
    }
  }

  private static String committed(String resource) throws IOException {
    Path source = sourceRoot().resolve(resource);
    if (Files.exists(source)) {
      return Files.readString(source, StandardCharsets.UTF_8);
    }
    try (InputStream in = FixturesTest.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? "(missing)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void write(Map<String, String> generated) throws IOException {
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path target = sourceRoot().resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
      System.out.println("[evals4j-sample] wrote " + target);
    }
  }

  /** Surefire runs in the module directory and sets {@code basedir} to it. */
  static Path sourceRoot() {
    return Path.of(System.getProperty("basedir", "."), "src", "test", "resources");
  }
}
