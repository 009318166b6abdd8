package io.github.evals4j.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.evals4j.langchain4j.Evals4jChatModelListenerTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import io.github.evals4j.agent.AgentRun;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.recording.Recording;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AI Services built with no evals4j call: the registrar factory found through ServiceLoader
 * records the invocation as an agent run and the tool executions, around the model's calls.
 */
class AiServiceListenersTest {

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final Events events = new Events();
  private Recording.Binding binding;

  @BeforeEach
  void start() {
    server.start();
    binding = Recording.bind(events);
  }

  @AfterEach
  void stop() {
    binding.close();
    server.stop();
  }

  interface Assistant {
    String chat(String question);
  }

  interface MemoryAssistant {
    String chat(@MemoryId String conversation, @UserMessage String question);
  }

  static class WeatherTools {
    @Tool("The current weather in a city")
    String weather(String city) {
      return "sunny, 21 degrees";
    }
  }

  private ChatModel model() {
    return OpenAiChatModel.builder()
        .baseUrl(server.baseUrl() + "/v1").apiKey("test-key").modelName("gpt-4o-mini")
        .maxRetries(0)
        .listeners(List.of(new Evals4jChatModelListener()))
        .build();
  }

  private void stubToolRoundTrip() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing("call_1")).atPriority(1)
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(fixture("tool-answer.json"))));
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(2)
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(fixture("tool-call.json"))));
  }

  @Test
  void should_record_the_invocation_as_an_agent_run_around_its_llm_and_tool_calls() {
    stubToolRoundTrip();
    Assistant assistant = AiServices.builder(Assistant.class)
        .chatModel(model()).tools(new WeatherTools()).build();

    String answer = assistant.chat("What is the weather in Paris?");

    assertThat(answer).isEqualTo("It is sunny in Paris, 21 degrees.");
    assertThat(events.order).containsExactly(
        "start Assistant", "llm tool_execution", "tool weather", "llm stop", "end Assistant");
    assertThat(events.runs).singleElement().extracting(AgentRun::conversationId).isNull();
    ToolCall tool = events.toolCalls.get(0);
    assertThat(tool.callId()).isEqualTo("call_1");
    assertThat(tool.type()).isEqualTo("function");
    assertThat(tool.arguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(tool.result()).isEqualTo("sunny, 21 degrees");
    assertThat(tool.error()).isNull();
    assertThat(tool.startedAt()).isAfterOrEqualTo(events.runs.get(0).startedAt());
    assertThat(Evals4jAiServiceListeners.openRuns()).isZero();
  }

  @Test
  void should_take_the_chat_memory_id_as_the_conversation_id() {
    stubToolRoundTrip();
    MemoryAssistant assistant = AiServices.builder(MemoryAssistant.class)
        .chatModel(model()).tools(new WeatherTools())
        .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(10))
        .build();

    assistant.chat("conv-42", "What is the weather in Paris?");

    assertThat(events.runs).singleElement().satisfies(run -> {
      assertThat(run.agentName()).isEqualTo("MemoryAssistant");
      assertThat(run.conversationId()).isEqualTo("conv-42");
    });
  }

  @Test
  void should_end_the_agent_run_as_failed_when_the_model_is_rate_limited() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
    Assistant assistant = AiServices.builder(Assistant.class)
        .chatModel(model()).tools(new WeatherTools()).build();

    assertThatThrownBy(() -> assistant.chat("What is the weather in Paris?"))
        .hasMessageContaining("Rate limit");

    assertThat(events.order).containsExactly("start Assistant", "llm null", "end Assistant failed");
    assertThat(events.runErrors).singleElement().asString().contains("Rate limit");
    assertThat(events.llmCalls.get(0).error()).startsWith("RateLimitException");
    assertThat(Evals4jAiServiceListeners.openRuns()).isZero();
  }

  @Test
  void should_record_nothing_outside_a_test() {
    stubToolRoundTrip();
    binding.close();
    Assistant assistant = AiServices.builder(Assistant.class)
        .chatModel(model()).tools(new WeatherTools()).build();

    assertThat(assistant.chat("What is the weather in Paris?")).contains("sunny");

    assertThat(events.order).isEmpty();
    assertThat(Evals4jAiServiceListeners.openRuns()).isZero();
  }
}
