package io.github.evals4j.junit;

import static io.github.evals4j.junit.Payloads.named;
import static io.github.evals4j.junit.Payloads.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attempts, flaky tests and the volume controls. */
class RetriesAndModesTest {

  private SentryEndpoint sentry;
  private StdErr err;

  @BeforeEach
  void start() {
    Fixtures.Flaky.CALLS.set(0);
    sentry = new SentryEndpoint();
    err = StdErr.capture();
  }

  @AfterEach
  void stop() {
    err.close();
    sentry.close();
  }

  @Test
  void should_record_each_attempt_and_report_a_flaky_test_once() {
    // WHEN the retried test fails once, then passes
    Kit.sentry(sentry).run(Fixtures.Flaky.class);

    // THEN
    List<JsonNode> attempts = named(sentry.transactions(), "Fixtures.Flaky.sometimes");
    SentrySchema.assertValid(attempts);
    assertThat(attempts).extracting(t -> tag(t, "test.attempt")).containsExactlyInAnyOrder("1", "2");
    JsonNode second = attempts.stream().filter(t -> "2".equals(tag(t, "test.attempt")))
        .findFirst().orElseThrow();
    assertThat(tag(second, "test.flaky")).isEqualTo("true");
    assertThat(tag(second, "test.is_retry")).isEqualTo("true");
    List<JsonNode> flakyIssues = Payloads.where(sentry.events(),
        e -> e.path("level").asText().equals("warning"));
    SentrySchema.assertValid(flakyIssues);
    assertThat(flakyIssues).singleElement().satisfies(e -> {
      assertThat(e.path("fingerprint").get(0).asText()).isEqualTo("evals4j-flaky-test");
      assertThat(e.path("fingerprint").get(1).asText()).isEqualTo("Fixtures.Flaky.sometimes");
      assertThat(Payloads.spanId(e)).isEqualTo(Payloads.spanId(second));
    });
    // each repetition is a test of its own, never flaky
    assertThat(named(sentry.transactions(), "Fixtures.Flaky.stable")).hasSize(2)
        .allSatisfy(t -> assertThat(tag(t, "test.flaky")).isNull());
    // the retried test counted once, its retry apart: three tests, one flaky, none failed
    assertThat(err.summary())
        .contains("3 tests (3 passed, 0 failed, 0 aborted, 0 skipped, 1 flaky), 1 retry");
  }

  @Test
  void should_count_attempts_flaky_tests_and_unstable_names_without_sentry() {
    // WHEN no DSN and no collector: the extension only counts
    Kit.plain().run(Fixtures.Flaky.class, Fixtures.UnstableNames.class);

    // THEN
    assertThat(err.summary())
        .contains("4 tests (4 passed, 0 failed, 0 aborted, 0 skipped, 1 flaky), 1 retry")
        .contains("Sentry: off (no DSN)")
        .contains("Fixtures.UnstableNames.withObject (identity hash");
    assertThat(sentry.requestCount()).isZero();
  }

  @Test
  void should_send_only_failures_in_errors_only_mode() {
    // WHEN
    Kit.sentry(sentry).and(Config.SEND, "errors-only").run(Fixtures.Lifecycle.class);

    // THEN
    assertThat(Payloads.names(sentry.transactions()))
        .containsExactlyInAnyOrder("Fixtures.Lifecycle", "Fixtures.Lifecycle.fails");
    assertThat(sentry.events()).hasSize(1);
  }

  @Test
  void should_send_only_flaky_tests_with_their_failed_attempts_in_flaky_only_mode() {
    // WHEN
    Kit.sentry(sentry).and(Config.SEND, "flaky-only").run(Fixtures.Flaky.class);

    // THEN
    assertThat(Payloads.names(sentry.transactions())).containsExactlyInAnyOrder(
        "Fixtures.Flaky", "Fixtures.Flaky.sometimes", "Fixtures.Flaky.sometimes");
  }

  @Test
  void should_send_nothing_in_flaky_only_mode_when_nothing_is_flaky() {
    // WHEN
    Kit.sentry(sentry).and(Config.SEND, "flaky-only").run(Fixtures.Lifecycle.class);

    // THEN
    assertThat(sentry.requestCount()).isZero();
  }

  @Test
  void should_drop_passing_tests_at_sample_rate_zero_but_keep_failures() {
    // WHEN
    Kit.sentry(sentry).and(Config.SAMPLE_RATE, "0").run(Fixtures.Lifecycle.class);

    // THEN
    assertThat(Payloads.names(sentry.transactions())).containsExactlyInAnyOrder(
        "Fixtures.Lifecycle", "Fixtures.Lifecycle.fails");
  }

  @Test
  void should_send_everything_when_always_report_overrides_the_mode() {
    // WHEN
    Kit.sentry(sentry).and(Config.SEND, "errors-only").and(Config.ALWAYS_REPORT, "true")
        .run(Fixtures.Lifecycle.class);

    // THEN
    assertThat(sentry.transactions()).hasSize(4);
  }

  @Test
  void should_send_disabled_tests_as_cancelled_when_configured() {
    // WHEN
    Kit.sentry(sentry).and(Config.SEND_SKIPPED, "true").run(Fixtures.Lifecycle.class);

    // THEN
    JsonNode disabled = Payloads.single(sentry.transactions(), "Fixtures.Lifecycle.disabled");
    SentrySchema.assertValid(List.of(disabled));
    assertThat(Payloads.status(disabled)).isEqualTo("cancelled");
    assertThat(disabled.path("contexts").path("trace").path("data").path("test.skip_reason")
        .asText()).isEqualTo("broken upstream");
  }
}
