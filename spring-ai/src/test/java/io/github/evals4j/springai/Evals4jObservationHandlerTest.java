package io.github.evals4j.springai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.evals4j.springai.Fixtures.COMPLETIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/** Spring AI's real OpenAI client against WireMock, the handler registered on its registry. */
class Evals4jObservationHandlerTest {

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final Fixtures.Calls recorder = new Fixtures.Calls();
  private final List<LlmCall> calls = recorder.calls;
  private Recording.Binding binding;

  @BeforeEach
  void start() {
    server.start();
    binding = Recording.bind(recorder);
  }

  @AfterEach
  void stop() {
    binding.close();
    server.stop();
  }

  // tag::registration[]
  ChatModel model(String baseUrl) {
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new Evals4jObservationHandler());
    return OpenAiChatModel.builder()
        .options(OpenAiChatOptions.builder()
            .baseUrl(baseUrl)
            .apiKey("test-key")
            .model("gpt-4o-mini")
            .maxRetries(0)
            .build())
        .observationRegistry(observations)
        .build();
  }
  // end::registration[]

  @Test
  void should_record_a_plain_chat_with_tokens_finish_reason_and_latency() {
    Fixtures.stubChat(server);

    String answer = model(server.baseUrl() + "/v1").call("What is the capital of France?");

    assertThat(answer).isEqualTo("Paris is the capital of France.");
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.provider()).isEqualTo("openai");
      assertThat(call.requestModel()).isEqualTo("gpt-4o-mini");
      assertThat(call.responseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
      assertThat(call.inputTokens()).isEqualTo(21);
      assertThat(call.outputTokens()).isEqualTo(8);
      assertThat(call.cachedInputTokens()).isEqualTo(16);
      assertThat(call.reasoningTokens()).isEqualTo(3);
      assertThat(call.finishReason()).isEqualTo("stop");
      assertThat(call.latency()).isPositive();
      assertThat(call.error()).isNull();
      assertThat(call.replayed()).isFalse();
    });
  }

  @Test
  void should_record_a_streamed_chat_once_with_its_usage() {
    Fixtures.stubStream(server);

    List<ChatResponse> chunks = model(server.baseUrl() + "/v1")
        .stream(new Prompt("What is the capital of France?")).collectList().block();

    assertThat(chunks).extracting(r -> r.getResult() == null ? "" : r.getResult().getOutput().getText())
        .contains("Paris is", " the capital of France.");
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.requestModel()).isEqualTo("gpt-4o-mini");
      assertThat(call.responseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
      assertThat(call.inputTokens()).isEqualTo(21);
      assertThat(call.outputTokens()).isEqualTo(8);
      assertThat(call.finishReason()).isEqualTo("stop");
      assertThat(call.error()).isNull();
    });
  }

  @Test
  void should_attribute_a_stream_to_the_test_that_started_it_whichever_thread_completes_it()
      throws Exception {
    Fixtures.stubStream(server);
    ChatModel model = model(server.baseUrl() + "/v1");
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      // subscribed here (the observation starts on this thread), completed on the client's thread
      var done = model.stream(new Prompt("What is the capital of France?")).collectList().toFuture();
      binding.close(); // the test's recorder is no longer bound on this thread either
      other.submit(() -> done.get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }

    assertThat(calls).singleElement().satisfies(call -> assertThat(call.inputTokens()).isEqualTo(21));
  }

  @Test
  void should_record_a_rate_limited_call_with_its_error() {
    server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\",\"type\":\"requests\"}}")));

    assertThatThrownBy(() -> model(server.baseUrl() + "/v1").call("Hi"))
        .hasMessageContaining("Rate limit reached");

    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.requestModel()).isEqualTo("gpt-4o-mini");
      assertThat(call.error()).startsWith("RateLimitException: ").contains("Rate limit reached");
      assertThat(call.inputTokens()).isEqualTo(-1);
      assertThat(call.finishReason()).isNull();
    });
  }

  @Test
  void should_record_a_malformed_body_as_an_error() {
    server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"id\": \"chatcmpl-1\", \"choices\": [")));

    assertThatThrownBy(() -> model(server.baseUrl() + "/v1").call("Hi"));

    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.error()).isNotBlank();
      assertThat(call.finishReason()).isNull();
      assertThat(call.outputTokens()).isEqualTo(-1);
    });
  }

  @Test
  void should_record_nothing_outside_a_test() {
    Fixtures.stubChat(server);
    binding.close();

    String answer = model(server.baseUrl() + "/v1").call("Hi");

    assertThat(answer).isEqualTo("Paris is the capital of France.");
    assertThat(calls).isEmpty();
  }
}
