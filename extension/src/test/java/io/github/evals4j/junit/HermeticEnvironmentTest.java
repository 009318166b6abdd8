package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The project's own tests never see a developer's Sentry DSN, {@code EVALS4J_*} settings or a CI
 * runner's variables: the build removes them from the test JVM (Surefire's
 * {@code excludedEnvironmentVariables} in the parent pom). Run
 * {@code SENTRY_DSN=http://public@127.0.0.1:9/1 GITHUB_ACTIONS=true ./mvnw verify} to see it hold.
 */
class HermeticEnvironmentTest {

  /** Variables that change what the extension does: DSN, run id, replay mode, CI detection. */
  private static final List<String> NAMES = List.of("SENTRY_DSN", "SENTRY_ENVIRONMENT",
      "SENTRY_RELEASE", "SENTRY_PROPERTIES_FILE", "CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY",
      "GITLAB_CI", "JENKINS_URL", "CIRCLECI", "BUILDKITE", "TF_BUILD");

  @Test
  void should_not_see_sentry_evals4j_or_ci_variables() {
    Map<String, String> seen = new TreeMap<>();
    System.getenv().forEach((name, value) -> {
      if (NAMES.contains(name) || name.startsWith("EVALS4J_")) {
        seen.put(name, value);
      }
    });
    assertThat(seen.keySet())
        .as("environment variables a test of evals4j must not see; add them to"
            + " <excludedEnvironmentVariables> in the parent pom")
        .isEmpty();
  }
}
