package io.github.evals4j.springai;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.evals4j.springai.Fixtures.COMPLETIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.MissingRecordingException;
import io.github.evals4j.replay.ReplayMode;
import io.github.evals4j.replay.ReplayStore;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;

/** Records with Spring AI's real OpenAI client against WireMock, then replays with WireMock stopped. */
class ReplayingChatModelTest {

  @TempDir
  Path recordings;

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

  ChatModel live(String baseUrl) {
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new Evals4jObservationHandler());
    return OpenAiChatModel.builder()
        .options(OpenAiChatOptions.builder().baseUrl(baseUrl).apiKey("test-key")
            .model("gpt-4o-mini").temperature(0.0).maxRetries(0).build())
        .observationRegistry(observations)
        .build();
  }

  // tag::chat-client[]
  static class WeatherTools {
    final List<String> asked = new CopyOnWriteArrayList<>();

    @Tool(description = "The current weather in a city")
    String weather(String city) {
      asked.add(city);
      return "sunny, 21 degrees";
    }
  }

  String ask(ChatModel live, ReplayStore store, WeatherTools tools, String question) {
    ChatModel model = ReplayingChatModel.wrap(live, store);
    return ChatClient.create(model).prompt()
        .user(question)
        .tools(tools)
        .call()
        .content();
  }
  // end::chat-client[]

  @Test
  void should_replay_a_plain_chat_offline_after_recording_it() {
    Fixtures.stubChat(server);
    String url = server.baseUrl() + "/v1";
    ChatModel recording = ReplayingChatModel.wrap(live(url), ReplayStore.at(recordings, ReplayMode.RECORD));

    String recorded = recording.call("What is the capital of France?");
    server.stop();
    ChatModel replaying = ReplayingChatModel.wrap(live(url), ReplayStore.at(recordings, ReplayMode.REPLAY));
    String replayed = replaying.call("What is the capital of France?");

    assertThat(replayed).isEqualTo(recorded).isEqualTo("Paris is the capital of France.");
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).replayed()).isFalse();
    assertThat(calls.get(1)).satisfies(call -> {
      assertThat(call.replayed()).isTrue();
      assertThat(call.provider()).isEqualTo("openai");
      assertThat(call.requestModel()).isEqualTo("gpt-4o-mini");
      assertThat(call.responseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
      assertThat(call.inputTokens()).isEqualTo(21);
      assertThat(call.outputTokens()).isEqualTo(8);
      assertThat(call.cachedInputTokens()).isEqualTo(16);
      assertThat(call.reasoningTokens()).isEqualTo(3);
      assertThat(call.finishReason()).isEqualTo("stop");
    });
  }

  @Test
  void should_replay_a_stream_offline_as_one_response() {
    Fixtures.stubStream(server);
    String url = server.baseUrl() + "/v1";
    Prompt prompt = new Prompt("What is the capital of France?");

    List<ChatResponse> recorded = ReplayingChatModel.wrap(live(url),
        ReplayStore.at(recordings, ReplayMode.RECORD)).stream(prompt).collectList().block();
    server.stop();
    List<ChatResponse> replayed = ReplayingChatModel.wrap(live(url),
        ReplayStore.at(recordings, ReplayMode.REPLAY)).stream(prompt).collectList().block();

    assertThat(recorded).singleElement().satisfies(r ->
        assertThat(r.getResult().getOutput().getText()).isEqualTo("Paris is the capital of France."));
    assertThat(replayed).singleElement().satisfies(r -> {
      assertThat(r.getResult().getOutput().getText()).isEqualTo("Paris is the capital of France.");
      assertThat(r.getMetadata().getUsage().getPromptTokens()).isEqualTo(21);
    });
    assertThat(calls).extracting(LlmCall::replayed).containsExactly(false, true);
    assertThat(calls).extracting(LlmCall::inputTokens).containsExactly(21L, 21L);
  }

  @Test
  void should_replay_a_tool_call_round_trip_of_a_chat_client_offline() {
    Fixtures.stubWeather(server);
    String url = server.baseUrl() + "/v1";
    WeatherTools recordTools = new WeatherTools();
    String recorded = ask(live(url), ReplayStore.at(recordings, ReplayMode.RECORD), recordTools,
        "What is the weather in Paris?");
    server.verify(2, postRequestedFor(urlEqualTo(COMPLETIONS)));

    WeatherTools replayTools = new WeatherTools();
    String replayed = ask(live(url), ReplayStore.at(recordings, ReplayMode.REPLAY), replayTools,
        "What is the weather in Paris?");
    server.verify(2, postRequestedFor(urlEqualTo(COMPLETIONS))); // the replay made no HTTP request

    assertThat(replayed).isEqualTo(recorded).isEqualTo("It is sunny in Paris, 21 degrees.");
    assertThat(recordTools.asked).containsExactly("Paris");
    assertThat(replayTools.asked).as("the tool still runs on replay").containsExactly("Paris");
    assertThat(calls).extracting(LlmCall::replayed).containsExactly(false, false, true, true);
    assertThat(calls).extracting(LlmCall::finishReason)
        .containsExactly("tool_calls", "stop", "tool_calls", "stop");
  }

  @Test
  void should_fail_in_replay_mode_on_a_request_never_recorded_without_calling_the_model() {
    ChatModel replaying = ReplayingChatModel.wrap(live(server.baseUrl() + "/v1"),
        ReplayStore.at(recordings, ReplayMode.REPLAY));

    assertThatThrownBy(() -> replaying.call("Never recorded"))
        .isInstanceOf(MissingRecordingException.class)
        .hasMessageContaining("openai/gpt-4o-mini");
    server.verify(0, postRequestedFor(urlEqualTo(COMPLETIONS)));
    assertThat(calls).isEmpty();
  }

  @Test
  void should_key_recordings_by_options_and_tools() {
    ChatModel cold = live("http://127.0.0.1:9/v1");
    Prompt prompt = new Prompt("Hi");
    Prompt warm = new Prompt("Hi", OpenAiChatOptions.builder().temperature(0.7).build());
    Prompt withTool = new Prompt("Hi", OpenAiChatOptions.builder()
        .toolCallbacks(org.springframework.ai.support.ToolCallbacks.from(new WeatherTools())).build());

    var plain = ReplayingChatModel.canonicalRequest(prompt, cold.getOptions());
    var hot = ReplayingChatModel.canonicalRequest(warm, cold.getOptions());
    var tool = ReplayingChatModel.canonicalRequest(withTool, cold.getOptions());

    assertThat(plain.get("options").get("temperature").asDouble()).isEqualTo(0.0);
    assertThat(plain.get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(hot).isNotEqualTo(plain);
    assertThat(hot.get("options").get("temperature").asDouble()).isEqualTo(0.7);
    assertThat(tool.get("tools").get(0).get("name").asText()).isEqualTo("weather");
    assertThat(tool.get("tools").get(0).get("inputSchema").asText()).contains("city");
  }

  @Test
  void should_name_the_provider_after_the_model_class() {
    assertThat(ReplayingChatModel.providerOf(live("http://127.0.0.1:9/v1"))).isEqualTo("openai");
  }
}
