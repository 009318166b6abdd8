package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** Nothing silently dropped: a big run is delivered whole, and what cannot be is counted. */
class DeliveryTest {

  @Test
  void should_deliver_every_one_of_5000_transactions_to_a_healthy_endpoint() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr err = StdErr.capture()) {
      // WHEN
      Kit.sentry(sentry).and(Config.FLUSH_TIMEOUT, "120s").run(Fixtures.Many.class)
          .testEvents().assertStatistics(s -> s.succeeded(Fixtures.Many.COUNT));

      // THEN
      assertThat(sentry.transactions()).hasSize(Fixtures.Many.COUNT + 1);
      assertThat(err.summary()).contains("5001 sent, 0 failed, 0 dropped, 0 unconfirmed");
      assertThat(err.warnings()).isEmpty();
    }
  }

  @Test
  void should_count_what_a_too_small_queue_drops() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr err = StdErr.capture()) {
      // WHEN one sender with the SDK's default queue of 30 gets 500 transactions at once, and a
      // full queue drops
      Kit.sentry(sentry).and(Config.QUEUE_SIZE, "30").and(Config.SENDERS, "1")
          .and(Config.QUEUE_FULL, "drop")
          .run(Fixtures.Hundreds.class);

      // THEN what was dropped is said, and sent + dropped add up
      int received = sentry.transactions().size();
      assertThat(received).isLessThan(Fixtures.Hundreds.COUNT + 1);
      assertThat(err.summary()).contains(received + " sent")
          .contains(" dropped (queue full ×" + (Fixtures.Hundreds.COUNT + 1 - received) + ")");
      assertThat(err.warnings()).singleElement().asString().contains("evals4j.sentry.queue-size");
    }
  }

  @Test
  void should_deliver_everything_through_a_too_small_queue_when_tests_wait_for_room() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr err = StdErr.capture()) {
      // WHEN the same 500 transactions meet the same queue of 30 with the default policy (wait)
      Kit.sentry(sentry).and(Config.QUEUE_SIZE, "30").and(Config.SENDERS, "1")
          .and(Config.FLUSH_TIMEOUT, "120s")
          .run(Fixtures.Hundreds.class);

      // THEN the tests waited for room instead of dropping: all arrived
      assertThat(sentry.transactions()).hasSize(Fixtures.Hundreds.COUNT + 1);
      assertThat(err.summary()).contains((Fixtures.Hundreds.COUNT + 1) + " sent, 0 failed, 0 dropped");
      assertThat(err.warnings()).isEmpty();
    }
  }

  @Test
  void should_stop_waiting_and_count_drops_when_the_endpoint_stalls() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr err = StdErr.capture()) {
      // GIVEN an endpoint that takes a second per envelope, one sender and a queue of 30
      sentry.answer(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
          .withBody("{}").withFixedDelay(1_000));

      // WHEN 500 tests may each wait at most 20 ms for room
      Kit.sentry(sentry).and(Config.QUEUE_SIZE, "30").and(Config.SENDERS, "1")
          .and(Config.QUEUE_FULL_WAIT, "20ms").and(Config.FLUSH_TIMEOUT, "1s")
          .run(Fixtures.Hundreds.class)
          .testEvents().assertStatistics(s -> s.succeeded(Fixtures.Hundreds.COUNT));

      // THEN most are dropped, counted, and the warning names both remedies
      assertThat(err.summary()).containsPattern(" dropped \\(queue full ×\\d{3}");
      assertThat(err.warnings()).singleElement().asString()
          .contains("evals4j.sentry.queue-size").contains("evals4j.sentry.queue-full-wait");
    }
  }

  @Test
  void should_not_start_sentry_without_a_dsn_and_close_twice_safely() {
    Namespace namespace = Namespace.create(RunState.NAMESPACE.getParts());
    try (StdErr err = StdErr.capture()) {
      LauncherSession session = LauncherFactory.openSession();
      session.getStore().put(namespace, RunState.ENVIRONMENT_KEY, Map.of("CI", "true"));
      session.getLauncher().execute(request().selectors(selectClass(Fixtures.Lifecycle.class))
          .build(), new SummaryGeneratingListener());

      // THEN no Sentry client was created
      RunState run = RunState.find(session.getStore()).orElseThrow();
      assertThat(run.sentry()).isEmpty();

      // WHEN closed twice (the session, then again)
      session.close();
      run.close();

      // THEN one summary
      assertThat(err.evals4jLines()).singleElement().asString().contains("Sentry: off (no DSN)")
          .contains("4 tests (1 passed, 1 failed, 1 aborted, 1 skipped, 0 flaky)");
    }
  }
}
