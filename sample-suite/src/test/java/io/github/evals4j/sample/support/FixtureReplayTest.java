package io.github.evals4j.sample.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.sample.features.FeatureExtractor;
import io.github.evals4j.sample.features.ProductPage;
import io.github.evals4j.sample.llm.LlmException;
import io.github.evals4j.sample.variants.ExperimentContext;
import io.github.evals4j.sample.variants.VariantSuggester;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole path: fixture stub → HTTP client → usage → the LlmCall the recorder receives. */
@ExtendWith(LlmEndpointExtension.class)
class FixtureReplayTest {

  private final List<LlmCall> calls = new CopyOnWriteArrayList<>();
  private final Recorder recorder = new Recorder() {
    @Override
    public void onLlmCall(LlmCall call) {
      calls.add(call);
    }
  };

  @Test
  void should_record_the_fixture_usage_as_a_replayed_call(LlmEndpoint llm) throws IOException {
    assumeTrue(llm.replaying(), "fixture mode");
    // GIVEN
    EvalCase c = Evaluation.dataset(FeatureExtractor.PROMPT_ID).get(0);
    JsonNode usage = servedUsage("feature-extraction v2 gpt-4.1-mini fe-01");
    // WHEN
    try (Recording.Binding ignored = Recording.bind(recorder)) {
      new FeatureExtractor(llm.client(), "gpt-4.1-mini", "v2")
          .extract(new ProductPage(c.id(), c.input("productName"), c.input("description")));
    }
    // THEN
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.replayed()).isTrue();
      assertThat(call.requestModel()).isEqualTo("gpt-4.1-mini");
      assertThat(call.responseModel()).isEqualTo("gpt-4.1-mini-2025-04-14");
      assertThat(call.inputTokens()).isEqualTo(usage.get("prompt_tokens").asLong()).isGreaterThan(200);
      assertThat(call.outputTokens()).isEqualTo(usage.get("completion_tokens").asLong());
      assertThat(call.cachedInputTokens()).isZero();
      assertThat(call.finishReason()).isEqualTo("stop");
    });
  }

  @Test
  void should_record_the_malformed_fixture_as_a_failed_call(LlmEndpoint llm) {
    assumeTrue(llm.replaying(), "fixture mode");
    // GIVEN the case whose fixture body is cut off
    EvalCase c = Evaluation.dataset(VariantSuggester.PROMPT_ID).stream()
        .filter(k -> k.id().equals("vs-09")).findFirst().orElseThrow();
    ExperimentContext context = new ExperimentContext(c.id(), c.input("product"), c.input("page"),
        c.input("goal"), c.input("baseline"), c.input("notes"));
    // WHEN
    try (Recording.Binding ignored = Recording.bind(recorder)) {
      org.assertj.core.api.Assertions.assertThatExceptionOfType(LlmException.class)
          .isThrownBy(() -> new VariantSuggester(llm.client(), "gpt-4.1-mini", "v1").suggest(context))
          .withMessageContaining("is not valid JSON");
    }
    // THEN
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.error()).contains("is not valid JSON");
      assertThat(call.inputTokens()).isEqualTo(-1);
    });
  }

  private static JsonNode servedUsage(String stubName) throws IOException {
    try (InputStream in = FixtureReplayTest.class.getClassLoader()
        .getResourceAsStream("wiremock/mappings/feature-extraction.json")) {
      for (JsonNode stub : Jsonl.JSON.readTree(in).get("mappings")) {
        if (stub.get("name").asText().equals(stubName)) {
          return stub.at("/response/jsonBody/usage");
        }
      }
    }
    throw new IllegalStateException("no stub " + stubName);
  }
}
