package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import io.github.evals4j.junit.TestRecord.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The run-level part through the real Launcher (EngineTestKit calls no session listeners):
 * collectors receive every record, the session's end flushes and prints the summary once.
 */
class CollectorsAndSessionTest {

  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());

  /** A collector that remembers what it was handed. */
  static final class Remembering implements RunCollector {
    final List<TestRecord> records = new CopyOnWriteArrayList<>();
    final List<RunOutcome> runs = new CopyOnWriteArrayList<>();

    @Override
    public void testFinished(TestRecord record) {
      records.add(record);
    }

    @Override
    public void runFinished(RunOutcome run) {
      runs.add(run);
    }
  }

  @Test
  void should_hand_every_record_to_collectors_and_end_the_run_when_the_session_closes() {
    Remembering collector = new Remembering();
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr err = StdErr.capture()) {
      // GIVEN a launcher session on GitHub Actions
      try (LauncherSession session = LauncherFactory.openSession()) {
        session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, Map.of(
            "GITHUB_ACTIONS", "true", "GITHUB_RUN_ID", "9001", "GITHUB_RUN_ATTEMPT", "2",
            "GITHUB_SHA", "abc123", "GITHUB_REF_NAME", "main",
            "EVALS4J_SENTRY_DSN", sentry.dsn()));
        session.getStore().put(NAMESPACE, RunState.COLLECTORS_KEY, List.of(collector));
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        // WHEN
        session.getLauncher().execute(request().selectors(selectClass(Fixtures.Lifecycle.class),
            selectClass(Fixtures.Recorded.class)).build(), summary);

        // THEN the run is not over before the session is
        assertThat(collector.runs).isEmpty();
        assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(1);
      }

      // THEN
      assertThat(collector.records).hasSize(5);
      assertThat(collector.records).extracting(TestRecord::status).containsExactlyInAnyOrder(
          Status.PASSED, Status.FAILED, Status.ABORTED, Status.SKIPPED, Status.PASSED);
      TestRecord recorded = collector.records.stream()
          .filter(r -> r.name().equals("Fixtures.Recorded.callsModel")).findFirst().orElseThrow();
      assertThat(recorded.checks()).hasSize(2);
      assertThat(recorded.llmCalls()).singleElement()
          .satisfies(c -> assertThat(c.inputTokens()).isEqualTo(812));
      assertThat(recorded.runId()).isEqualTo("github-9001-2");
      assertThat(recorded.traceId()).hasSize(32);
      TestRecord failed = collector.records.stream().filter(r -> r.status() == Status.FAILED)
          .findFirst().orElseThrow();
      assertThat(failed.failure()).contains("one is not two");
      assertThat(collector.runs).singleElement().satisfies(run -> {
        assertThat(run.runId()).isEqualTo("github-9001-2");
        assertThat(run.tests()).isEqualTo(5);
        assertThat(run.skipped()).isEqualTo(1);
        assertThat(run.release()).isEqualTo("abc123");
        assertThat(run.environment()).isEqualTo("ci");
      });
      // CI facts and release on every transaction
      assertThat(sentry.transactions()).hasSize(6).allSatisfy(t -> {
        assertThat(Payloads.tag(t, "ci.provider.name")).isEqualTo("github");
        assertThat(Payloads.tag(t, "git.commit.sha")).isEqualTo("abc123");
        assertThat(Payloads.tag(t, "git.branch")).isEqualTo("main");
        assertThat(Payloads.tag(t, "evals4j.run_id")).isEqualTo("github-9001-2");
        assertThat(t.path("release").asText()).isEqualTo("abc123");
        assertThat(t.path("environment").asText()).isEqualTo("ci");
      });
      assertThat(err.evals4jLines()).filteredOn(l -> l.contains("run github-9001-2:")).hasSize(1);
    }
  }

  @Test
  void should_detect_a_flaky_test_rerun_in_the_same_session_like_surefire_reruns() {
    // GIVEN Surefire's rerunFailingTestsCount: one session, the failed test executed again
    Fixtures.FailsOnce.CALLS.set(0);
    Remembering collector = new Remembering();
    try (StdErr err = StdErr.capture()) {
      try (LauncherSession session = LauncherFactory.openSession()) {
        session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, Map.of());
        session.getStore().put(NAMESPACE, RunState.COLLECTORS_KEY, List.of(collector));
        var request = request().selectors(selectClass(Fixtures.FailsOnce.class)).build();

        // WHEN
        session.getLauncher().execute(request, new SummaryGeneratingListener());
        session.getLauncher().execute(request, new SummaryGeneratingListener());
      }

      // THEN two attempts, one flaky test, not a failed one
      assertThat(collector.records).extracting(TestRecord::attempt, TestRecord::status,
              TestRecord::flaky)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Status.FAILED, false),
              org.assertj.core.groups.Tuple.tuple(2, Status.PASSED, true));
      assertThat(collector.runs).singleElement().satisfies(run -> {
        assertThat(run.tests()).isEqualTo(1);
        assertThat(run.failed()).isZero();
        assertThat(run.flaky()).isEqualTo(1);
        assertThat(run.retries()).isEqualTo(1);
      });
      assertThat(err.summary())
          .contains("1 tests (1 passed, 0 failed, 0 aborted, 0 skipped, 1 flaky), 1 retry");
    }
  }

  @Test
  @SuppressWarnings("try") // the resource captures stderr or is closed on purpose
  void should_report_a_throwing_collector_once_and_keep_the_outcomes() {
    RunCollector throwing = new RunCollector() {
      @Override
      public void testFinished(TestRecord record) {
        throw new IllegalStateException("collector bug");
      }
    };
    try (StdErr err = StdErr.capture();
        LauncherSession session = LauncherFactory.openSession()) {
      session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, Map.of());
      session.getStore().put(NAMESPACE, RunState.COLLECTORS_KEY, List.of(throwing));
      SummaryGeneratingListener summary = new SummaryGeneratingListener();

      // WHEN
      session.getLauncher().execute(
          request().selectors(selectClass(Fixtures.Lifecycle.class)).build(), summary);
      session.close();

      // THEN
      assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
      assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(1);
      assertThat(err.warnings()).singleElement().asString().contains("collector bug");
    }
  }

  @Test
  @SuppressWarnings("try") // the resource captures stderr or is closed on purpose
  void should_say_a_collector_linkage_error_at_the_end_of_the_run_and_still_print_the_summary() {
    // GIVEN a collector that meets an older library at the end of the run, as the report writer
    // did under the Jackson 2.15 of WireMock 3.0 (consumer-tests: wiremock-next-to-evals4j)
    RunCollector olderLibrary = new RunCollector() {
      @Override
      public void runFinished(RunOutcome run) {
        throw new NoSuchMethodError("StreamReadConstraints$Builder.maxDocumentLength(long)");
      }
    };
    try (StdErr err = StdErr.capture();
        LauncherSession session = LauncherFactory.openSession()) {
      session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, Map.of());
      session.getStore().put(NAMESPACE, RunState.COLLECTORS_KEY, List.of(olderLibrary));

      // WHEN
      session.getLauncher().execute(
          request().selectors(selectClass(Fixtures.Lifecycle.class)).build(),
          new SummaryGeneratingListener());
      session.close();

      // THEN the failure is said, not swallowed, and the run still ends with its summary line
      assertThat(err.warnings()).singleElement().asString()
          .contains("failed and was ignored").contains("maxDocumentLength");
      assertThat(err.summary()).contains("1 passed, 1 failed");
    }
  }
}
