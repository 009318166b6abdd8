package io.github.evals4j.junit;

import static io.github.evals4j.junit.Payloads.named;
import static io.github.evals4j.junit.Payloads.spans;
import static io.github.evals4j.junit.Payloads.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void should_keep_every_span_and_tag_on_its_own_test_with_four_threads() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr err = StdErr.capture()) {
      // WHEN sixteen invocations run on four threads
      Kit.sentry(sentry)
          .and("junit.jupiter.execution.parallel.enabled", "true")
          .and("junit.jupiter.execution.parallel.mode.default", "concurrent")
          .and("junit.jupiter.execution.parallel.config.strategy", "fixed")
          .and("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
          .run(Fixtures.Parallel.class)
          .testEvents().assertStatistics(s -> s.started(16).succeeded(16));

      // THEN each transaction carries only its own worker's tag, spans and checks
      List<JsonNode> workers = named(sentry.transactions(), "Fixtures.Parallel.worker");
      SentrySchema.assertValid(workers);
      assertThat(workers).hasSize(16);
      Set<String> threads = workers.stream()
          .map(t -> spans(t, "junit.body").get(0).path("data").path("thread.name").asText())
          .collect(Collectors.toSet());
      for (JsonNode t : workers) {
        String n = t.path("contexts").path("trace").path("data").path("test.parameters").asText();
        assertThat(tag(t, "worker")).isEqualTo("w" + n);
        assertThat(spans(t, "work")).hasSize(3).allSatisfy(s -> {
          assertThat(s.path("description").asText()).startsWith("w" + n + " step ");
          assertThat(s.path("data").path("worker").asText()).isEqualTo(n);
          assertThat(s.path("parent_span_id").asText())
              .isEqualTo(spans(t, "junit.body").get(0).path("span_id").asText());
        });
        assertThat(spans(t, "evals4j.check")).hasSize(3).allSatisfy(s ->
            assertThat(s.path("description").asText()).isEqualTo("check-w" + n));
      }
      assertThat(threads).as("ran on several threads").hasSizeGreaterThan(1);
      assertThat(err.warnings()).isEmpty();
    }
  }
}
