package io.github.evals4j.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LangChain4j's real OpenAI client against WireMock, with the listener registered. */
class Evals4jChatModelListenerTest {

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final List<LlmCall> calls = new CopyOnWriteArrayList<>();
  private Recording.Binding binding;

  @BeforeEach
  void start() {
    server.start();
    Recorder recorder = new Recorder() {
      @Override
      public void onLlmCall(LlmCall call) {
        calls.add(call);
      }
    };
    binding = Recording.bind(recorder);
  }

  @AfterEach
  void stop() {
    binding.close();
    server.stop();
  }

  static String fixture(String name) {
    try (InputStream in = Evals4jChatModelListenerTest.class.getResourceAsStream("/openai/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // tag::registration[]
  ChatModel model(String baseUrl) {
    return OpenAiChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey("test-key")
        .modelName("gpt-4o-mini")
        .maxRetries(0)
        .listeners(List.of(new Evals4jChatModelListener()))
        .build();
  }
  // end::registration[]

  @Test
  void should_record_a_plain_chat_with_tokens_finish_reason_and_latency() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(fixture("chat-completion.json"))));

    String answer = model(server.baseUrl() + "/v1").chat("What is the capital of France?");

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
  void should_record_a_rate_limited_call_with_its_error() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\",\"type\":\"requests\"}}")));

    assertThatThrownBy(() -> model(server.baseUrl() + "/v1").chat("Hi"))
        .hasMessageContaining("Rate limit reached");

    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.requestModel()).isEqualTo("gpt-4o-mini");
      assertThat(call.error()).startsWith("RateLimitException: ").contains("Rate limit reached");
      assertThat(call.inputTokens()).isEqualTo(-1);
    });
  }

  @Test
  void should_record_a_malformed_body_as_an_error() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"id\": \"chatcmpl-1\", \"choices\": [")));

    assertThatThrownBy(() -> model(server.baseUrl() + "/v1").chat("Hi"));

    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.error()).isNotBlank();
      assertThat(call.finishReason()).isNull();
    });
  }

  @Test
  void should_record_nothing_outside_a_test() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(fixture("chat-completion.json"))));
    binding.close();

    model(server.baseUrl() + "/v1").chat("Hi");

    assertThat(calls).isEmpty();
  }
}
