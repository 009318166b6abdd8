package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM that ends without closing its JUnit session still flushes, within the bound. */
class ShutdownHookTest {

  @Test
  void should_flush_from_the_shutdown_hook_when_the_session_is_never_closed() throws Exception {
    try (SentryEndpoint sentry = new SentryEndpoint()) {
      // WHEN
      Result result = runJvm(sentry.dsn(), "10s");

      // THEN
      assertThat(result.exitCode).isZero();
      assertThat(sentry.transactions()).hasSize(4);
      assertThat(result.stderr).contains("[evals4j] run hook: 4 tests").contains("5 sent, 0 failed");
    }
  }

  @Test
  void should_not_hang_at_exit_when_sentry_never_answers() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      // WHEN the endpoint accepts connections (backlog) and never answers
      long start = System.nanoTime();
      Result result = runJvm("http://key@localhost:" + silent.getLocalPort() + "/1", "1s");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // THEN the JVM still ends, with one warning and the summary
      assertThat(result.exitCode).isZero();
      assertThat(took).as("JVM start, tests and a 1 s flush").isLessThan(Duration.ofSeconds(40));
      assertThat(result.stderr.lines().filter(l -> l.startsWith("[evals4j] WARNING")))
          .hasSize(1);
      assertThat(result.stderr).contains("unconfirmed");
    }
  }

  private record Result(int exitCode, String stderr) {}

  private static Result runJvm(String dsn, String flush) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ShutdownHookMain.class.getName(), dsn, flush)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the JVM did not end");
    }
    return new Result(p.exitValue(), new String(err, StandardCharsets.UTF_8));
  }
}
