package io.github.evals4j.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.evals4j.langchain4j.Evals4jChatModelListenerTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.MissingRecordingException;
import io.github.evals4j.replay.ReplayMode;
import io.github.evals4j.replay.ReplayStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records with the real OpenAI client against WireMock, then replays with WireMock stopped. */
class ReplayingChatModelTest {

  @TempDir
  Path recordings;

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final List<LlmCall> calls = new CopyOnWriteArrayList<>();
  private Recording.Binding binding;

  @BeforeEach
  void start() {
    server.start();
    binding = Recording.bind(new Recorder() {
      @Override
      public void onLlmCall(LlmCall call) {
        calls.add(call);
      }
    });
  }

  @AfterEach
  void stop() {
    binding.close();
    server.stop();
  }

  ChatModel live(String baseUrl) {
    return OpenAiChatModel.builder()
        .baseUrl(baseUrl).apiKey("test-key").modelName("gpt-4o-mini").temperature(0.0)
        .maxRetries(0)
        .listeners(List.of(new Evals4jChatModelListener()))
        .build();
  }

  // tag::ai-service[]
  interface Assistant {
    String chat(String question);
  }

  static class WeatherTools {
    final List<String> asked = new CopyOnWriteArrayList<>();

    @Tool("The current weather in a city")
    String weather(String city) {
      asked.add(city);
      return "sunny, 21 degrees";
    }
  }

  Assistant assistant(ChatModel live, ReplayStore store, WeatherTools tools) {
    ChatModel model = ReplayingChatModel.wrap(live, store);
    return AiServices.builder(Assistant.class)
        .chatModel(model)
        .tools(tools)
        .build();
  }
  // end::ai-service[]

  private void stubWeather() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing("call_1"))
        .atPriority(1)
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(fixture("tool-answer.json"))));
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .atPriority(2)
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(fixture("tool-call.json"))));
  }

  @Test
  void should_replay_a_plain_chat_offline_after_recording_it() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(fixture("chat-completion.json"))));
    String url = server.baseUrl() + "/v1";
    ChatModel recording = ReplayingChatModel.wrap(live(url), ReplayStore.at(recordings, ReplayMode.RECORD));

    String recorded = recording.chat("What is the capital of France?");
    server.stop();
    ChatModel replaying = ReplayingChatModel.wrap(live(url), ReplayStore.at(recordings, ReplayMode.REPLAY));
    String replayed = replaying.chat("What is the capital of France?");

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
  void should_replay_a_tool_call_round_trip_of_an_ai_service_offline() {
    stubWeather();
    String url = server.baseUrl() + "/v1";
    WeatherTools recordTools = new WeatherTools();
    String recorded = assistant(live(url), ReplayStore.at(recordings, ReplayMode.RECORD), recordTools)
        .chat("What is the weather in Paris?");
    server.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    server.stop();

    WeatherTools replayTools = new WeatherTools();
    String replayed = assistant(live(url), ReplayStore.at(recordings, ReplayMode.REPLAY), replayTools)
        .chat("What is the weather in Paris?");

    assertThat(replayed).isEqualTo(recorded).isEqualTo("It is sunny in Paris, 21 degrees.");
    assertThat(recordTools.asked).containsExactly("Paris");
    assertThat(replayTools.asked).as("the tool still runs on replay").containsExactly("Paris");
    assertThat(calls).extracting(LlmCall::replayed).containsExactly(false, false, true, true);
    assertThat(calls).extracting(LlmCall::finishReason)
        .containsExactly("tool_execution", "stop", "tool_execution", "stop");
  }

  @Test
  void should_fail_in_replay_mode_on_a_request_never_recorded_without_calling_the_model() {
    ChatModel replaying = ReplayingChatModel.wrap(live(server.baseUrl() + "/v1"),
        ReplayStore.at(recordings, ReplayMode.REPLAY));

    assertThatThrownBy(() -> replaying.chat("Never recorded"))
        .isInstanceOf(MissingRecordingException.class);
    server.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void should_key_recordings_by_parameters_and_tools() {
    ChatModel a = OpenAiChatModel.builder().baseUrl("http://127.0.0.1:9").apiKey("k")
        .modelName("gpt-4o-mini").temperature(0.0).build();
    ChatModel b = OpenAiChatModel.builder().baseUrl("http://127.0.0.1:9").apiKey("k")
        .modelName("gpt-4o-mini").temperature(0.7).build();
    var request = dev.langchain4j.model.chat.request.ChatRequest.builder()
        .messages(dev.langchain4j.data.message.UserMessage.from("Hi")).build();
    var withTool = request.toBuilder().toolSpecifications(
        dev.langchain4j.agent.tool.ToolSpecifications.toolSpecificationsFrom(new WeatherTools())).build();

    var ka = ReplayingChatModel.canonicalRequest(
        dev.langchain4j.model.chat.request.ChatRequest.builder().messages(request.messages())
            .parameters(a.defaultRequestParameters().overrideWith(request.parameters())).build());
    var kb = ReplayingChatModel.canonicalRequest(
        dev.langchain4j.model.chat.request.ChatRequest.builder().messages(request.messages())
            .parameters(b.defaultRequestParameters().overrideWith(request.parameters())).build());
    var kt = ReplayingChatModel.canonicalRequest(withTool);

    assertThat(ka).isNotEqualTo(kb);
    assertThat(ka.get("parameters").get("temperature").asDouble()).isEqualTo(0.0);
    assertThat(kt.get("tools").get(0).get("name").asText()).isEqualTo("weather");
    assertThat(kt.get("tools").get(0).get("parameters").asText()).contains("city");
  }
}
