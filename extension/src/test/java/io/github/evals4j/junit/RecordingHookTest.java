package io.github.evals4j.junit;

import static io.github.evals4j.junit.Payloads.single;
import static io.github.evals4j.junit.Payloads.spans;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.recording.Recording;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks and LLM calls recorded inside a test land on that test's transaction. */
class RecordingHookTest {

  @Test
  void should_record_llm_calls_as_gen_ai_spans_and_checks_as_check_spans() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr err = StdErr.capture()) {
      // WHEN
      Kit.sentry(sentry).run(Fixtures.Recorded.class)
          .testEvents().assertStatistics(s -> s.succeeded(1));

      // THEN
      JsonNode tx = single(sentry.transactions(), "Fixtures.Recorded.callsModel");
      SentrySchema.assertValid(List.of(tx));
      JsonNode body = spans(tx, "junit.body").get(0);
      assertThat(spans(tx, "gen_ai.chat")).singleElement().satisfies(s -> {
        assertThat(s.path("description").asText()).isEqualTo("chat gpt-4o-mini");
        assertThat(s.path("parent_span_id").asText()).isEqualTo(body.path("span_id").asText());
        JsonNode data = s.path("data");
        assertThat(data.path("gen_ai.operation.name").asText()).isEqualTo("chat");
        assertThat(data.path("gen_ai.provider.name").asText()).isEqualTo("openai");
        assertThat(data.path("gen_ai.request.model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(data.path("gen_ai.response.model").asText())
            .isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(data.path("gen_ai.usage.input_tokens").asLong()).isEqualTo(812);
        assertThat(data.path("gen_ai.usage.input_tokens.cached").asLong()).isEqualTo(100);
        assertThat(data.path("gen_ai.usage.output_tokens").asLong()).isEqualTo(164);
        assertThat(data.path("gen_ai.usage.output_tokens.reasoning").asLong()).isEqualTo(20);
        assertThat(data.path("gen_ai.usage.total_tokens").asLong()).isEqualTo(976);
        assertThat(s.path("timestamp").asDouble() - s.path("start_timestamp").asDouble())
            .isBetween(0.929, 0.931);
      });
      List<JsonNode> checks = spans(tx, "evals4j.check");
      assertThat(checks).extracting(c -> c.path("description").asText())
          .containsExactly("length.max_tokens", "json.valid");
      assertThat(checks.get(0).path("data").path("evals4j.check.score").asDouble()).isEqualTo(164);
      assertThat(checks.get(0).path("data").path("evals4j.check.threshold").asDouble())
          .isEqualTo(200);
      assertThat(checks.get(1).path("status").asText()).isEqualTo("internal_error");
      assertThat(checks.get(1).path("data").path("evals4j.check.message").asText())
          .isEqualTo("not JSON at line 1");
      JsonNode data = tx.path("contexts").path("trace").path("data");
      assertThat(data.path("evals4j.checks.total").asInt()).isEqualTo(2);
      assertThat(data.path("evals4j.checks.failed").asInt()).isEqualTo(1);
      assertThat(data.path("cart.items").asInt()).isEqualTo(3);
      assertThat(err.warnings()).isEmpty();
    }
  }

  @Test
  void should_bind_no_recorder_outside_a_test() {
    // THEN
    assertThat(Evals4jTest.current()).isEmpty();
    assertThat(Recording.current()).isEmpty();
    try (Evals4jTest.Span span = Evals4jTest.span("op", "nothing")) {
      assertThat(span).isSameAs(Evals4jTest.Span.NOOP);
    }
  }

  @Test
  @SuppressWarnings("try") // the resource captures stderr or is closed on purpose
  void should_cap_spans_per_test_and_say_so() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr err = StdErr.capture()) {
      // WHEN each parallel worker makes 3 spans and 3 checks but only 2 spans are allowed
      Kit.sentry(sentry).and(Config.MAX_SPANS, "2").run(Fixtures.Parallel.class);

      // THEN
      assertThat(Payloads.named(sentry.transactions(), "Fixtures.Parallel.worker"))
          .hasSize(16).allSatisfy(t -> {
            assertThat(spans(t, "work").size() + spans(t, "evals4j.check").size()).isEqualTo(2);
            assertThat(t.path("contexts").path("trace").path("data")
                .path("evals4j.spans_dropped").asInt()).isEqualTo(4);
          });
    }
  }
}
