package io.github.evals4j.sample.incidents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.evals4j.assertions.agent.AgentAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.github.evals4j.assertions.agent.AgentTrace;
import io.github.evals4j.assertions.agent.ToolCallCheck;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.junit.Evals4j;
import io.github.evals4j.junit.prompt.Prompts;
import io.github.evals4j.langchain4j.Evals4jChatModelListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agentic task: the incident agent (a LangChain4j AI Service with two tools, no evals4j code)
 * against WireMock serving recorded OpenAI answers, for both prompt versions. v1 stops at the
 * deployment; v2 also queries the error rate: the tool-call check's recall says so in the
 * report ({@code agent.tool_calls}, per prompt version).
 */
@Evals4j
class IncidentAgentEvalTest {

  static final String INCIDENT = "INC-7: checkout returns HTTP 5xx since 14:02";

  private static final WireMockServer LLM = new WireMockServer(options().dynamicPort());

  @BeforeAll
  static void serveRecordedAnswers() {
    LLM.start();
    // the answer to the tool results first, then the tool requests of each prompt version
    stub(1, "call_m2", "v2-answer.json");
    stub(2, "call_d1", "v1-answer.json");
    stub(3, "before concluding", "v2-tools.json");
    stub(4, "investigate production incidents", "v1-tools.json");
  }

  @AfterAll
  static void stop() {
    LLM.stop();
  }

  private static void stub(int priority, String bodyContains, String fixture) {
    LLM.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(priority)
        .withRequestBody(containing(bodyContains))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(fixture(fixture))));
  }

  private static String fixture(String name) {
    try (InputStream in = IncidentAgentEvalTest.class.getResourceAsStream("/incidents/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the application configures; the listener is the one line evals4j asks for. */
  private static ChatModel model() {
    return OpenAiChatModel.builder()
        .baseUrl(LLM.baseUrl() + "/v1").apiKey("test-key").modelName("gpt-4o-mini")
        .temperature(0.0).maxRetries(0)
        .listeners(List.of(new Evals4jChatModelListener()))
        .build();
  }

  private static IncidentTools tools() {
    return new IncidentTools(
        Map.of("checkout", "checkout 1.4.2 deployed at 14:00 by ci"),
        Map.of("checkout/error_rate", "12% since 14:02 (0.3% before)"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v1", "v2"})
  void should_look_up_what_changed_before_concluding(String version) {
    // GIVEN
    Prompts.use(IncidentAgents.PROMPT_ID, version, "gpt-4o-mini");
    Prompts.evalCase("inc-7");
    IncidentAgent agent = IncidentAgents.create(model(), tools(), version);

    // WHEN
    String[] answer = new String[1];
    AgentTrace trace = AgentTrace.of(() -> answer[0] = agent.investigate(INCIDENT));

    // THEN what every version must do
    assertThat(answer[0]).contains("1.4.2");
    assertThat(trace)
        .calledToolWithArgument("lookup_deployment", "/service", "checkout")
        .calledToolTimes("lookup_deployment", 1)
        .neverCalledTool("restart_service")
        .hasNoFailedToolCall()
        .hasLlmRoundTrips(2)
        .hasTotalTokensAtMost(1_000);
    // and what the report compares between versions (recorded, not thrown)
    CheckResult toolCalls = ToolCallCheck.expecting("lookup_deployment", "query_metric")
        .evaluate(trace);
    assertThat(toolCalls.score()).isEqualTo(version.equals("v2") ? 1.0 : 2 / 3.0);
  }
}
