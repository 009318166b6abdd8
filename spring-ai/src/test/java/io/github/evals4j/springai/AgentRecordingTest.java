package io.github.evals4j.springai;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.evals4j.agent.AgentRun;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;

/** A ChatClient with one tool over Spring AI's real OpenAI client: tool calls and agent runs. */
class AgentRecordingTest {

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final Events events = new Events();
  private Recording.Binding binding;

  /** What the recorder was told, in order. */
  static final class Events implements Recorder {
    final List<Object> all = new CopyOnWriteArrayList<>();
    volatile boolean captures;

    @Override
    public boolean capturesMessages() {
      return captures;
    }

    @Override
    public void onLlmCall(LlmCall call) {
      all.add(call);
    }

    @Override
    public void onToolCall(ToolCall call) {
      all.add(call);
    }

    @Override
    public void onAgentRunStart(AgentRun run) {
      all.add(run);
    }

    @Override
    public void onAgentRunEnd(AgentRun run, Duration duration, String error) {
      all.add("end " + run.agentName() + (error == null ? "" : " " + error));
    }
  }

  static class WeatherTools {
    @Tool(description = "The current weather in a city")
    String weather(String city) {
      return "sunny, 21 degrees";
    }
  }

  @BeforeEach
  void start() {
    server.start();
    Fixtures.stubWeather(server);
    binding = Recording.bind(events);
  }

  @AfterEach
  void stop() {
    binding.close();
    server.stop();
  }

  private ChatClient client(ObservationRegistry observations) {
    ChatModel model = OpenAiChatModel.builder()
        .options(OpenAiChatOptions.builder().baseUrl(server.baseUrl() + "/v1").apiKey("test-key")
            .model("gpt-4o-mini").maxRetries(0).build())
        .observationRegistry(observations)
        .build();
    return ChatClient.create(model, observations);
  }

  private static ObservationRegistry observed() {
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new Evals4jObservationHandler());
    return observations;
  }

  @Test
  void should_record_a_tool_calling_chat_client_call_as_an_agent_run_with_its_llm_and_tool_calls() {
    String answer = client(observed()).prompt()
        .user("What is the weather in Paris?")
        .tools(new WeatherTools())
        .advisors(a -> a.param("gen_ai.agent.name", "WeatherAgent")
            .param(ChatMemory.CONVERSATION_ID, "case-7"))
        .call()
        .content();

    assertThat(answer).isEqualTo("It is sunny in Paris, 21 degrees.");
    assertThat(events.all).hasSize(5);
    assertThat(events.all.get(0)).isInstanceOfSatisfying(AgentRun.class, run -> {
      assertThat(run.agentName()).isEqualTo("WeatherAgent");
      assertThat(run.conversationId()).isEqualTo("case-7");
    });
    assertThat(events.all.get(1)).isInstanceOfSatisfying(LlmCall.class, call -> {
      assertThat(call.finishReason()).isEqualTo("tool_calls");
      assertThat(call.inputTokens()).isEqualTo(40);
    });
    assertThat(events.all.get(2)).isInstanceOfSatisfying(ToolCall.class, tool -> {
      assertThat(tool.name()).isEqualTo("weather");
      assertThat(tool.type()).isEqualTo("function");
      assertThat(tool.callId()).isEqualTo("call_1");
      assertThat(tool.description()).isEqualTo("The current weather in a city");
      assertThat(tool.arguments()).isEqualTo("{\"city\":\"Paris\"}");
      assertThat(tool.result()).contains("sunny, 21 degrees");
      assertThat(tool.failed()).isFalse();
      assertThat(tool.latency()).isPositive();
    });
    assertThat(events.all.get(3)).isInstanceOfSatisfying(LlmCall.class, call -> {
      assertThat(call.finishReason()).isEqualTo("stop");
      assertThat(call.inputTokens()).isEqualTo(70);
    });
    assertThat(events.all.get(4)).isEqualTo("end WeatherAgent");
  }

  @Test
  void should_put_the_messages_on_the_calls_only_when_the_recorder_captures_them() {
    client(observed()).prompt().user("What is the weather in Paris?").tools(new WeatherTools())
        .call().content();
    events.captures = true;
    client(observed()).prompt().user("What is the weather in Paris?").tools(new WeatherTools())
        .call().content();

    List<LlmCall> calls = events.all.stream().filter(LlmCall.class::isInstance)
        .map(LlmCall.class::cast).toList();
    assertThat(calls).hasSize(4);
    assertThat(calls.subList(0, 2)).allSatisfy(c -> {
      assertThat(c.inputMessages()).isNull();
      assertThat(c.outputMessages()).isNull();
    });
    assertThat(calls.get(2).inputMessages())
        .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"What is the weather in Paris?\"}]}]");
    assertThat(calls.get(2).outputMessages())
        .isEqualTo("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\","
            + "\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}],\"finish_reason\":\"tool_calls\"}]");
    assertThat(calls.get(3).inputMessages())
        .contains("{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_1\"")
        .contains("sunny, 21 degrees");
    assertThat(calls.get(3).outputMessages()).contains("It is sunny in Paris, 21 degrees.");
  }

  @Test
  void should_name_the_agent_chat_client_when_the_call_names_none() {
    client(observed()).prompt().user("What is the weather in Paris?").tools(new WeatherTools())
        .call().content();

    assertThat(events.all).filteredOn(AgentRun.class::isInstance).singleElement()
        .satisfies(run -> {
          assertThat(((AgentRun) run).agentName()).isEqualTo("ChatClient");
          assertThat(((AgentRun) run).conversationId()).isNull();
        });
    assertThat(events.all).last().isEqualTo("end ChatClient");
  }

  @Test
  void should_record_a_chat_client_call_without_tools_as_a_plain_llm_call() {
    server.resetAll();
    Fixtures.stubChat(server);

    client(observed()).prompt().user("What is the capital of France?").call().content();

    assertThat(events.all).singleElement().isInstanceOf(LlmCall.class);
  }

  @Test
  void should_end_a_failed_agent_run_with_its_error() {
    server.resetAll();
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(Fixtures.COMPLETIONS))
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(429)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));

    try {
      client(observed()).prompt().user("What is the weather in Paris?").tools(new WeatherTools())
          .call().content();
    } catch (RuntimeException expected) {
      // the application sees the provider's error
    }

    assertThat(events.all).hasSize(3);
    assertThat(events.all.get(1)).isInstanceOfSatisfying(LlmCall.class,
        call -> assertThat(call.error()).startsWith("RateLimitException"));
    assertThat(events.all.get(2)).asString().startsWith("end ChatClient RateLimitException");
  }
}
