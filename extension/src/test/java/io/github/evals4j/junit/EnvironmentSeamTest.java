package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Every environment variable the extension reads goes through {@link Environment}:
 * {@code evals4j.environment=none} keeps an ambient {@code SENTRY_DSN} (and CI variables) out of a
 * run. A child JVM is given a real {@code SENTRY_DSN}, since a test cannot set its own
 * environment.
 */
class EnvironmentSeamTest {

  @Test
  void should_read_the_ambient_sentry_dsn_by_default() throws Exception {
    try (SentryEndpoint sentry = new SentryEndpoint()) {
      String stderr = runJvm(sentry.dsn(), "system");

      assertThat(stderr).contains("[evals4j] run env-seam: 4 tests");
      assertThat(sentry.transactions()).isNotEmpty();
    }
  }

  @Test
  void should_read_no_environment_variable_when_the_environment_is_none() throws Exception {
    try (SentryEndpoint sentry = new SentryEndpoint()) {
      String stderr = runJvm(sentry.dsn(), "none");

      assertThat(stderr).contains("[evals4j] run env-seam: 4 tests").contains("Sentry: off (no DSN)");
      assertThat(sentry.requestCount()).isZero();
    }
  }

  private static String runJvm(String dsn, String environment)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), environment).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("SENTRY_DSN", dsn);
    builder.environment().put("GITHUB_ACTIONS", "true");
    Process p = builder.start();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the JVM did not end");
    }
    return new String(err, StandardCharsets.UTF_8);
  }

  /** The child JVM: one fixture class, run id "env-seam", environment as told. */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) {
      try (LauncherSession session = LauncherFactory.openSession()) {
        session.getLauncher().execute(request().selectors(selectClass(Fixtures.Lifecycle.class))
            .configurationParameter(Config.ENVIRONMENT_SOURCE, args[0])
            .configurationParameter(Config.RUN_ID, "env-seam")
            .configurationParameter(Config.FLUSH_TIMEOUT, "10s")
            .build());
      }
    }
  }
}
