package io.github.evals4j.junit;

import static io.github.evals4j.junit.Payloads.named;
import static io.github.evals4j.junit.Payloads.single;
import static io.github.evals4j.junit.Payloads.spans;
import static io.github.evals4j.junit.Payloads.status;
import static io.github.evals4j.junit.Payloads.tag;
import static io.github.evals4j.junit.Payloads.traceId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class Evals4jExtensionTest {

  private SentryEndpoint sentry;
  private StdErr err;

  @BeforeEach
  void start() {
    sentry = new SentryEndpoint();
    err = StdErr.capture();
  }

  @AfterEach
  void stop() {
    err.close();
    sentry.close();
  }

  @Test
  void should_gzip_envelopes_when_told_even_to_an_endpoint_on_this_machine() {
    // WHEN
    Kit.sentry(sentry).and(Config.COMPRESSION, "gzip").run(Fixtures.Lifecycle.class);

    // THEN the same transactions arrive, gzipped (SentryEndpoint inflates them)
    assertThat(sentry.contentEncodings()).hasSize(5).containsOnly("gzip");
    SentrySchema.assertValid(sentry.transactions());
    assertThat(Payloads.names(sentry.transactions())).hasSize(4);
  }

  @Test
  void should_send_one_transaction_per_test_with_status_and_phases() {
    // WHEN
    EngineExecutionResults results = Kit.sentry(sentry).run(Fixtures.Lifecycle.class);

    // THEN the outcomes are JUnit's own
    results.testEvents().assertStatistics(s -> s.started(3).succeeded(1).failed(1).aborted(1)
        .skipped(1));
    List<JsonNode> transactions = sentry.transactions();
    SentrySchema.assertValid(transactions);
    assertThat(sentry.contentEncodings()).as("not compressed for an endpoint on this machine")
        .hasSize(5).containsOnly("null");
    assertThat(Payloads.names(transactions)).containsExactlyInAnyOrder("Fixtures.Lifecycle",
        "Fixtures.Lifecycle.passes", "Fixtures.Lifecycle.fails", "Fixtures.Lifecycle.aborts");

    JsonNode passes = single(transactions, "Fixtures.Lifecycle.passes");
    assertThat(status(passes)).isEqualTo("ok");
    assertThat(passes.path("contexts").path("trace").path("op").asText()).isEqualTo("junit.test");
    assertThat(tag(passes, "test.status")).isEqualTo("pass");
    assertThat(tag(passes, "test.name")).isEqualTo("passes");
    assertThat(tag(passes, "test.suite")).isEqualTo(Fixtures.Lifecycle.class.getName());
    assertThat(tag(passes, "test.framework")).isEqualTo("junit-jupiter");
    assertThat(tag(passes, "test.framework_version")).isNotBlank();
    assertThat(tag(passes, "junit.tags")).isEqualTo("fast");
    assertThat(tag(passes, "evals4j.run_id")).isEqualTo("test-run");
    assertThat(spans(passes, "junit.before_each")).singleElement()
        .satisfies(s -> assertThat(s.path("description").asText()).isEqualTo("setUp"));
    assertThat(spans(passes, "junit.body")).singleElement()
        .satisfies(s -> assertThat(s.path("status").asText()).isEqualTo("ok"));
    assertThat(spans(passes, "junit.after_each")).hasSize(1);

    JsonNode fails = single(transactions, "Fixtures.Lifecycle.fails");
    assertThat(status(fails)).isEqualTo("internal_error");
    assertThat(tag(fails, "test.status")).isEqualTo("fail");
    assertThat(spans(fails, "junit.body")).singleElement()
        .satisfies(s -> assertThat(s.path("status").asText()).isEqualTo("internal_error"));

    JsonNode aborts = single(transactions, "Fixtures.Lifecycle.aborts");
    assertThat(status(aborts)).isEqualTo("cancelled");
    assertThat(tag(aborts, "test.status")).isEqualTo("skip");

    JsonNode clazz = single(transactions, "Fixtures.Lifecycle");
    assertThat(clazz.path("contexts").path("trace").path("op").asText()).isEqualTo("junit.class");
    assertThat(spans(clazz, "junit.before_all")).hasSize(1);
    assertThat(spans(clazz, "junit.after_all")).hasSize(1);
    // one trace per class: the class transaction is the parent of its tests
    assertThat(transactions).allSatisfy(t -> assertThat(traceId(t)).isEqualTo(traceId(clazz)));
    assertThat(passes.path("contexts").path("trace").path("parent_span_id").asText())
        .isEqualTo(Payloads.spanId(clazz));
  }

  @Test
  void should_link_the_failure_event_to_the_failed_test_transaction() {
    // WHEN
    Kit.sentry(sentry).run(Fixtures.Lifecycle.class);

    // THEN
    List<JsonNode> events = sentry.events();
    SentrySchema.assertValid(events);
    JsonNode fails = single(sentry.transactions(), "Fixtures.Lifecycle.fails");
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.path("level").asText()).isEqualTo("error");
      assertThat(e.path("transaction").asText()).isEqualTo("Fixtures.Lifecycle.fails");
      assertThat(traceId(e)).isEqualTo(traceId(fails));
      assertThat(Payloads.spanId(e)).isEqualTo(Payloads.spanId(fails));
      JsonNode exception = e.path("exception").path("values").get(0);
      assertThat(exception.path("type").asText()).isEqualTo("AssertionFailedError");
      assertThat(exception.path("value").asText()).contains("one is not two");
      assertThat(exception.path("stacktrace").path("frames").size()).isGreaterThan(3);
      assertThat(tag(e, "test.status")).isEqualTo("fail");
    });
  }

  @Test
  void should_count_the_disabled_test_in_the_summary_without_sending_it() {
    // WHEN
    Kit.sentry(sentry).run(Fixtures.Lifecycle.class);

    // THEN
    assertThat(named(sentry.transactions(), "Fixtures.Lifecycle.disabled")).isEmpty();
    assertThat(err.summary()).contains("4 tests (1 passed, 1 failed, 1 aborted, 1 skipped, 0 flaky)")
        .contains("4 transactions and 1 events handed over")
        .contains("0 failed, 0 dropped, 0 unconfirmed");
    assertThat(err.warnings()).isEmpty();
  }
}
