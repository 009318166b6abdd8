package io.github.evals4j.junit;

import static io.github.evals4j.junit.Payloads.named;
import static io.github.evals4j.junit.Payloads.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The run summary counts tests as Surefire does (every invocation is a test) and reports the
 * retries of a test apart, whether the extension only counts or also sends to Sentry.
 */
class SurefireCountsTest {

  /** The summary of {@link CountingFixtures.EveryKind}. */
  private static final String COUNTS =
      "12 tests (10 passed, 1 failed, 0 aborted, 1 skipped, 1 flaky), 1 retry";

  private StdErr err;

  @BeforeEach
  void start() {
    CountingFixtures.EveryKind.RETRIED_CALLS.set(0);
    err = StdErr.capture();
  }

  @AfterEach
  void stop() {
    err.close();
  }

  @Test
  void should_count_each_repetition_and_invocation_as_a_test_and_retries_apart() {
    // WHEN nothing but counting
    EngineExecutionResults results = Kit.plain().run(CountingFixtures.EveryKind.class);

    // THEN
    assertThat(err.summary()).contains(COUNTS);
    assertSurefireCount(results, 12, 1);
  }

  @Test
  void should_count_the_same_way_when_sending_to_sentry() {
    try (SentryEndpoint sentry = new SentryEndpoint()) {
      // WHEN
      EngineExecutionResults results = Kit.sentry(sentry).run(CountingFixtures.EveryKind.class);

      // THEN
      assertThat(err.summary()).contains(COUNTS);
      assertSurefireCount(results, 12, 1);
      // repetitions are tests of their own: first attempts, never flaky
      List<JsonNode> repetitions = named(sentry.transactions(), "CountingFixtures.EveryKind.repeated");
      assertThat(repetitions).hasSize(3).allSatisfy(t -> {
        assertThat(tag(t, "test.attempt")).isEqualTo("1");
        assertThat(tag(t, "test.flaky")).isNull();
      });
      assertThat(named(sentry.transactions(), "CountingFixtures.EveryKind.retried"))
          .extracting(t -> tag(t, "test.attempt") + "/" + tag(t, "test.flaky"))
          .containsExactlyInAnyOrder("1/null", "2/true");
    }
  }

  /**
   * What Surefire reports as "Tests run" for this class: each executed invocation plus each
   * skipped one, where a retried attempt that failed (aborted by {@code @RetryingTest}) is one
   * more "skipped" test; so it is the summary's tests plus its retries.
   */
  private static void assertSurefireCount(EngineExecutionResults results, int tests, int retries) {
    var events = results.testEvents();
    long surefireTestsRun = events.started().count() + events.skipped().count();
    assertThat(surefireTestsRun).isEqualTo(tests + retries);
    assertThat(events.aborted().count()).as("the retried attempt").isEqualTo(retries);
  }
}
