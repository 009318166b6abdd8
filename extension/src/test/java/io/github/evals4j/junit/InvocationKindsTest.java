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

/** Every kind of test invocation becomes exactly one transaction with a stable name. */
class InvocationKindsTest {

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
  void should_send_one_transaction_per_invocation_named_after_the_method() {
    // WHEN
    Kit.sentry(sentry).run(Fixtures.Templates.class)
        .testEvents().assertStatistics(s -> s.started(8).succeeded(7).failed(1));

    // THEN
    List<JsonNode> tx = sentry.transactions();
    SentrySchema.assertValid(tx);
    List<JsonNode> parameterized = named(tx, "Fixtures.Templates.parameterized");
    assertThat(parameterized).hasSize(2)
        .extracting(t -> tag(t, "test.invocation")).containsExactlyInAnyOrder("#1", "#2");
    assertThat(parameterized).extracting(t -> t.path("contexts").path("trace").path("data")
        .path("test.parameters").asText()).containsExactlyInAnyOrder("alpha", "beta");
    assertThat(named(tx, "Fixtures.Templates.repeated")).hasSize(3)
        .allSatisfy(t -> assertThat(status(t)).isEqualTo("ok"));
    List<JsonNode> dynamic = named(tx, "Fixtures.Templates.dynamic");
    assertThat(dynamic).hasSize(2).extracting(Payloads::status)
        .containsExactlyInAnyOrder("ok", "internal_error");
    assertThat(dynamic).allSatisfy(t -> assertThat(spans(t, "junit.body")).hasSize(1));
    JsonNode nested = single(tx, "Fixtures.Templates.Inner.nestedTest");
    JsonNode outer = single(tx, "Fixtures.Templates");
    JsonNode inner = single(tx, "Fixtures.Templates.Inner");
    // nested classes share the top-level class's trace, nested under their class transaction
    assertThat(traceId(nested)).isEqualTo(traceId(outer));
    assertThat(inner.path("contexts").path("trace").path("parent_span_id").asText())
        .isEqualTo(Payloads.spanId(outer));
    assertThat(nested.path("contexts").path("trace").path("parent_span_id").asText())
        .isEqualTo(Payloads.spanId(inner));
    // the failed dynamic test has its error event, linked to its own transaction
    JsonNode failedDynamic = dynamic.stream().filter(t -> status(t).equals("internal_error"))
        .findFirst().orElseThrow();
    assertThat(sentry.events()).singleElement()
        .satisfies(e -> assertThat(Payloads.spanId(e)).isEqualTo(Payloads.spanId(failedDynamic)));
  }

  @Test
  void should_name_the_tests_of_a_parameterized_class_after_the_class_and_method() {
    // WHEN
    Kit.sentry(sentry).run(Fixtures.ClassTemplate.class)
        .testEvents().assertStatistics(s -> s.started(4).succeeded(4));

    // THEN one stable name for every class and method invocation, the invocations as tags
    List<JsonNode> tx = named(sentry.transactions(), "Fixtures.ClassTemplate.parameterized");
    assertThat(tx).hasSize(4).extracting(t -> tag(t, "test.invocation"))
        .containsExactlyInAnyOrder("#1/#1", "#1/#2", "#2/#1", "#2/#2");
    assertThat(tx).extracting(t -> tag(t, "test.class")).containsOnly("Fixtures.ClassTemplate");
  }

  @Test
  void should_time_phases_that_throw() {
    // WHEN
    Kit.sentry(sentry).run(Fixtures.ThrowingPhases.class)
        .testEvents().assertStatistics(s -> s.started(2).failed(2));

    // THEN
    JsonNode setupFails = single(sentry.transactions(), "Fixtures.ThrowingPhases.setupFails");
    assertThat(status(setupFails)).isEqualTo("internal_error");
    assertThat(spans(setupFails, "junit.before_each")).singleElement()
        .satisfies(s -> {
          assertThat(s.path("status").asText()).isEqualTo("internal_error");
          assertThat(s.path("timestamp").asDouble())
              .isGreaterThanOrEqualTo(s.path("start_timestamp").asDouble());
        });
    assertThat(spans(setupFails, "junit.body")).as("the body never ran").isEmpty();
    JsonNode teardownFails = single(sentry.transactions(), "Fixtures.ThrowingPhases.teardownFails");
    assertThat(spans(teardownFails, "junit.body")).singleElement()
        .satisfies(s -> assertThat(s.path("status").asText()).isEqualTo("ok"));
    assertThat(spans(teardownFails, "junit.after_each")).singleElement()
        .satisfies(s -> assertThat(s.path("status").asText()).isEqualTo("internal_error"));
    assertThat(status(teardownFails)).isEqualTo("internal_error");
  }

  @Test
  void should_report_a_failing_class_setup_on_the_class_transaction() {
    // WHEN
    Kit.sentry(sentry).run(Fixtures.BrokenSetup.class)
        .containerEvents().assertStatistics(s -> s.failed(1));

    // THEN
    JsonNode clazz = single(sentry.transactions(), "Fixtures.BrokenSetup");
    SentrySchema.assertValid(sentry.transactions());
    assertThat(status(clazz)).isEqualTo("internal_error");
    assertThat(spans(clazz, "junit.before_all")).singleElement()
        .satisfies(s -> assertThat(s.path("status").asText()).isEqualTo("internal_error"));
    assertThat(sentry.events()).singleElement().satisfies(e -> {
      assertThat(Payloads.spanId(e)).isEqualTo(Payloads.spanId(clazz));
      assertThat(e.path("exception").path("values").get(0).path("value").asText())
          .isEqualTo("no database");
    });
    assertThat(err.summary()).contains("1 class setup/teardown failures");
  }

  @Test
  void should_register_through_auto_detection() {
    // WHEN
    Kit.sentry(sentry).and("junit.jupiter.extensions.autodetection.enabled", "true")
        .run(Fixtures.Plain.class);

    // THEN
    assertThat(Payloads.names(sentry.transactions()))
        .containsExactlyInAnyOrder("Fixtures.Plain", "Fixtures.Plain.detected");
  }

  @Test
  void should_do_nothing_for_a_class_without_the_extension_when_auto_detection_is_off() {
    // WHEN
    Kit.sentry(sentry).run(Fixtures.Plain.class);

    // THEN
    assertThat(sentry.requestCount()).isZero();
  }

  @Test
  void should_put_each_test_in_its_own_trace_in_test_mode() {
    // WHEN
    Kit.sentry(sentry).and(Config.TRACE, "test").run(Fixtures.Lifecycle.class);

    // THEN
    List<JsonNode> tx = sentry.transactions();
    assertThat(tx).hasSize(4);
    assertThat(tx.stream().map(Payloads::traceId).distinct()).hasSize(4);
  }

  @Test
  void should_put_every_class_in_one_trace_in_run_mode() {
    // WHEN
    Kit.sentry(sentry).and(Config.TRACE, "run")
        .run(Fixtures.Lifecycle.class, Fixtures.Templates.class);

    // THEN
    assertThat(sentry.transactions().stream().map(Payloads::traceId).distinct()).hasSize(1);
  }

  @Test
  void should_use_the_same_class_trace_id_for_the_same_run_id_on_every_shard() {
    // GIVEN two shards of one run
    Kit.sentry(sentry).run(Fixtures.Lifecycle.class);
    Kit.sentry(sentry).run(Fixtures.Lifecycle.class);

    // THEN
    List<JsonNode> classes = named(sentry.transactions(), "Fixtures.Lifecycle");
    assertThat(classes).hasSize(2);
    assertThat(traceId(classes.get(0))).isEqualTo(traceId(classes.get(1)));
  }

  @Test
  void should_flag_unstable_display_names_in_the_summary() {
    // WHEN
    Kit.sentry(sentry).run(Fixtures.UnstableNames.class);

    // THEN
    assertThat(err.summary()).contains("unstable display names break history")
        .contains("Fixtures.UnstableNames.withObject (identity hash");
  }

  @Test
  void should_not_flag_stable_display_names() {
    // WHEN
    Kit.sentry(sentry).run(Fixtures.Templates.class);

    // THEN
    assertThat(err.summary()).isNotEmpty().doesNotContain("unstable");
  }
}
