package io.github.evals4j.junit;

import static io.github.evals4j.junit.Payloads.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentry.Sentry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The extension's client is its own: the application's Sentry (global, its own DSN) is neither
 * replaced nor closed, and its events during a test carry the test's trace.
 */
class ApplicationSentryTest {

  private static final int TESTS = 1;
  private static final int APP = 2;
  private SentryEndpoint sentry;

  @BeforeEach
  void start() {
    sentry = new SentryEndpoint();
  }

  @AfterEach
  void stop() {
    Sentry.close();
    sentry.close();
  }

  @Test
  @SuppressWarnings("try") // the resource captures stderr or is closed on purpose
  void should_leave_the_application_sentry_working_and_link_its_events_to_the_test_trace() {
    // GIVEN the application initialised Sentry for its own project before the tests
    Sentry.init(o -> o.setDsn(sentry.dsn(APP)));

    try (StdErr err = StdErr.capture()) {
      // WHEN
      Kit.sentry(sentry).run(Fixtures.AppUsesSentry.class)
          .testEvents().assertStatistics(s -> s.succeeded(1));
    }

    // THEN the application's event went to the application's project, in the test's trace
    JsonNode test = single(sentry.items(TESTS, "transaction"), "Fixtures.AppUsesSentry.capturesMessage");
    Sentry.flush(5_000);
    List<JsonNode> appEvents = sentry.items(APP, "event");
    assertThat(appEvents).singleElement().satisfies(e -> {
      assertThat(e.path("message").path("formatted").asText()).isEqualTo("from the app");
      assertThat(Payloads.traceId(e)).isEqualTo(Payloads.traceId(test));
      assertThat(e.path("contexts").path("trace").path("parent_span_id").asText())
          .isEqualTo(Payloads.spanId(test));
      assertThat(Payloads.tag(e, "test.name")).isEqualTo("Fixtures.AppUsesSentry.capturesMessage");
    });
    assertThat(sentry.items(TESTS, "event")).as("no app event in the tests' project").isEmpty();
    // and the application's Sentry still works after the run
    assertThat(Sentry.isEnabled()).isTrue();
    Sentry.captureMessage("after the run");
    Sentry.flush(5_000);
    assertThat(sentry.items(APP, "event")).hasSize(2);
    assertThat(sentry.items(APP, "transaction")).isEmpty();
  }

  @Test
  void should_keep_sending_when_the_application_initialises_and_closes_sentry_during_the_run() {
    // GIVEN
    Fixtures.AppInitialisesSentry.appDsn = sentry.dsn(APP);

    try (StdErr err = StdErr.capture()) {
      // WHEN
      Kit.sentry(sentry).run(Fixtures.AppInitialisesSentry.class)
          .testEvents().assertStatistics(s -> s.succeeded(2));

      // THEN every test transaction arrived despite Sentry.init/close by the application
      assertThat(Payloads.names(sentry.items(TESTS, "transaction"))).containsExactlyInAnyOrder(
          "Fixtures.AppInitialisesSentry", "Fixtures.AppInitialisesSentry.first",
          "Fixtures.AppInitialisesSentry.second");
      assertThat(sentry.items(APP, "event")).singleElement().satisfies(e ->
          assertThat(e.path("message").path("formatted").asText()).isEqualTo("app message"));
      assertThat(err.warnings()).isEmpty();
      assertThat(Sentry.isEnabled()).as("closed by the application, not by us").isFalse();
    }
  }

  @Test
  @SuppressWarnings("try") // the resource captures stderr or is closed on purpose
  void should_not_touch_the_global_sentry_when_the_application_does_not_use_it() {
    try (StdErr err = StdErr.capture()) {
      // WHEN
      Kit.sentry(sentry).run(Fixtures.AppUsesSentry.class);
    }

    // THEN
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(sentry.items(APP, "event")).isEmpty();
    assertThat(sentry.items(TESTS, "event")).as("the app's disabled Sentry sends nothing")
        .isEmpty();
  }
}
