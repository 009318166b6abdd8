package io.github.evals4j.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A test outcome never depends on Sentry: for each fault, the outcomes equal a run without Sentry,
 * the added time stays below the flush timeout plus a generous constant, and exactly one warning
 * line is printed (no stack trace).
 */
class FaultsTest {

  /** For endpoints that never answer: the whole flush timeout is spent. */
  private static final Duration FLUSH = Duration.ofSeconds(1);
  /** For endpoints that answer (with an error): enough to hear every answer on a busy machine. */
  private static final Duration ANSWERED_FLUSH = Duration.ofSeconds(5);
  /** Loose upper bound on top of the flush timeout: a shared CI machine can be slow. */
  private static final Duration SLACK = Duration.ofSeconds(15);

  private SentryEndpoint sentry;

  @BeforeEach
  void start() {
    sentry = new SentryEndpoint();
  }

  @AfterEach
  void stop() {
    sentry.close();
  }

  @Test
  void should_not_change_outcomes_when_the_port_is_refused() throws IOException {
    String dsn;
    try (ServerSocket socket = new ServerSocket(0)) {
      dsn = "http://key@localhost:" + socket.getLocalPort() + "/1";
    }
    Run run = runAgainst(dsn, Fixtures.Lifecycle.class, ANSWERED_FLUSH);
    run.assertOneWarningContaining("sending to Sentry failed");
    assertThat(run.summary).contains("failed (network ×");
  }

  @Test
  void should_not_change_outcomes_when_the_endpoint_never_answers() throws IOException {
    try (BlackHole hole = new BlackHole()) {
      Run run = runAgainst("http://key@localhost:" + hole.port() + "/1", Fixtures.Lifecycle.class,
          FLUSH);
      run.assertOneWarningContaining("did not confirm");
      assertThat(run.summary).contains("unconfirmed");
    }
  }

  @Test
  void should_not_change_outcomes_when_the_endpoint_takes_five_seconds() {
    sentry.answer(aResponse().withStatus(200).withFixedDelay(5_000));
    Run run = runAgainst(sentry.dsn(), Fixtures.Lifecycle.class, FLUSH);
    run.assertOneWarningContaining("did not confirm");
  }

  @Test
  void should_count_http_500_as_failed() {
    Run run = answering(aResponse().withStatus(500));
    run.assertOneWarningContaining("HTTP 500");
    assertThat(run.summary).contains("0 sent, 5 failed (HTTP 500 ×5)");
  }

  @Test
  void should_count_http_413_as_failed() {
    Run run = answering(aResponse().withStatus(413));
    run.assertOneWarningContaining("HTTP 413");
    assertThat(run.summary).contains("failed (HTTP 413 ×");
  }

  @Test
  void should_back_off_on_429_with_retry_after_and_count_the_dropped_envelopes() {
    // GIVEN envelopes created after the 429 answer (those queued before it are still sent)
    sentry.answer(aResponse().withStatus(429).withHeader("Retry-After", "60"));

    // WHEN
    Run run = runAgainst(sentry.dsn(), Fixtures.Hundreds.class, ANSWERED_FLUSH);

    // THEN
    run.assertOneWarningContaining("HTTP 429");
    assertThat(run.summary).contains("failed (HTTP 429 ×").contains("dropped (rate limit ×");
    assertThat(sentry.requestCount()).as("no request during the back-off")
        .isLessThan(Fixtures.Hundreds.COUNT / 2);
  }

  @Test
  void should_turn_sentry_off_for_a_malformed_dsn() {
    Run run = runAgainst("this is not a DSN", Fixtures.Lifecycle.class, FLUSH);
    run.assertOneWarningContaining("Sentry is off for this run");
    assertThat(run.summary).contains("Sentry: off (unusable DSN)");
    assertThat(run.warnings.get(0)).doesNotContain("this is not a DSN");
  }

  private Run answering(ResponseDefinitionBuilder response) {
    sentry.answer(response);
    return runAgainst(sentry.dsn(), Fixtures.Lifecycle.class, ANSWERED_FLUSH);
  }

  private static Run runAgainst(String dsn, Class<?> fixture, Duration flush) {
    long baselineStart = System.nanoTime();
    EngineExecutionResults baseline = Kit.with(Config.ENABLED, "false").run(fixture);
    Duration baselineTook = Duration.ofNanos(System.nanoTime() - baselineStart);
    try (StdErr err = StdErr.capture()) {
      long start = System.nanoTime();
      EngineExecutionResults results = Kit.with(Config.DSN, dsn)
          .and(Config.FLUSH_TIMEOUT, flush.toMillis() + "ms").run(fixture);
      Duration added = Duration.ofNanos(System.nanoTime() - start).minus(baselineTook);
      assertThat(added).as("time added by Sentry").isLessThan(flush.plus(SLACK));
      assertSameOutcomes(baseline, results);
      assertThat(err.all()).doesNotContain("\tat ");
      return new Run(err.warnings(), err.summary());
    }
  }

  private static void assertSameOutcomes(EngineExecutionResults expected,
      EngineExecutionResults actual) {
    var e = expected.testEvents();
    var a = actual.testEvents();
    assertThat(a.started().count()).isEqualTo(e.started().count());
    assertThat(a.succeeded().count()).isEqualTo(e.succeeded().count());
    assertThat(a.failed().count()).isEqualTo(e.failed().count());
    assertThat(a.aborted().count()).isEqualTo(e.aborted().count());
    assertThat(a.skipped().count()).isEqualTo(e.skipped().count());
  }

  private record Run(List<String> warnings, String summary) {
    void assertOneWarningContaining(String text) {
      assertThat(warnings).singleElement().asString().contains(text);
    }
  }

  /** Accepts connections and never answers. */
  private static final class BlackHole implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    BlackHole() throws IOException {
      server = new ServerSocket(0);
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            accepted.add(server.accept());
          } catch (IOException e) {
            return;
          }
        }
      }, "black-hole");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() {
      try {
        server.close();
        for (Socket s : accepted) {
          s.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
