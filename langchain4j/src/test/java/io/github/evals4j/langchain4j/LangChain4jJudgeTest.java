package io.github.evals4j.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.judge.Judge;
import io.github.evals4j.judge.JudgeChecks;
import io.github.evals4j.judge.JudgeErrors;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.ReplayMode;
import io.github.evals4j.replay.ReplayStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LangChain4jJudge} over the real langchain4j-open-ai client and a WireMock judge. */
class LangChain4jJudgeTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ANSWER = "Your refund of $40 was sent on 3 May and arrives within 5 days.";

  final WireMockServer server = new WireMockServer(options().dynamicPort());
  final List<LlmCall> judgeCalls = new CopyOnWriteArrayList<>();
  final List<LlmCall> appCalls = new CopyOnWriteArrayList<>();
  Recording.Binding binding;

  @BeforeEach
  void start() {
    server.start();
    binding = Recording.bind(new Recorder() {
      @Override
      public void onLlmCall(LlmCall call) {
        appCalls.add(call);
      }

      @Override
      public void onJudgeCall(LlmCall call) {
        judgeCalls.add(call);
      }
    });
  }

  @AfterEach
  void stop() {
    binding.close();
    server.stop();
  }

  OpenAiChatModel.OpenAiChatModelBuilder openAi() {
    return OpenAiChatModel.builder().baseUrl(server.baseUrl() + "/v1").apiKey("test-key")
        .modelName("gpt-4o-mini").maxRetries(0);
  }

  static String completion(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1)
        .put("model", "gpt-4o-mini-2024-07-18");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    root.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30)
        .put("total_tokens", 150);
    return root.toString();
  }

  void judgeAnswers(String content) {
    server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(completion(content))));
  }

  @Test
  void should_grade_with_the_verdict_schema_as_response_format_and_record_a_judge_call() {
    judgeAnswers("{\"score\": 8, \"reason\": \"States the amount and the date.\", \"quotes\": [\"$40\"]}");
    Judge judge = LangChain4jJudge.builder(openAi()
        .supportedCapabilities(Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA)).strictJsonSchema(true)
        .build()).build();

    CheckResult r = JudgeChecks.rubric(judge, "Specific: states the amount and the date").evaluate(ANSWER);

    assertThat(r.passed()).as(r.message()).isTrue();
    assertThat(r.score()).isEqualTo(8.0);
    assertThat(r.message()).contains("score 8 / 10", "gpt-4o-mini-2024-07-18");
    server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
        .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.properties.score"))
        .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.0")))
        .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system"))));
    assertThat(appCalls).isEmpty();
    assertThat(judgeCalls).singleElement().satisfies(c -> {
      assertThat(c.provider()).isEqualTo("openai");
      assertThat(c.inputTokens()).isEqualTo(120);
      assertThat(c.outputTokens()).isEqualTo(30);
      assertThat(c.error()).isNull();
    });
  }

  @Test
  void should_ask_for_json_mode_when_the_model_declares_no_schema_support() {
    judgeAnswers("{\"score\": 3, \"reason\": \"Vague.\", \"quotes\": []}");
    Judge judge = LangChain4jJudge.builder(openAi().build()).build();

    CheckResult r = JudgeChecks.rubric(judge, "Specific").evaluate(ANSWER);

    assertThat(r.passed()).isFalse();
    assertThat(r.score()).isEqualTo(3.0);
    server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object"))));
  }

  @Test
  void should_make_a_malformed_verdict_a_judge_error() {
    judgeAnswers("{\"score\": 8, \"reason\": \"ok\"");
    Judge judge = LangChain4jJudge.builder(openAi().build()).build();

    CheckResult r = JudgeChecks.rubric(judge, "Specific").evaluate(ANSWER);

    assertThat(JudgeErrors.isJudgeError(r)).as(r.message()).isTrue();
    assertThat(r.check()).isEqualTo("rubric.judge-error");
    assertThat(r.message()).contains("not a valid verdict");
  }

  @Test
  void should_make_a_rate_limit_a_judge_error_and_record_the_failed_call() {
    server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\",\"type\":\"requests\"}}")));
    Judge judge = LangChain4jJudge.builder(openAi().build()).build();

    CheckResult r = JudgeChecks.rubric(judge, "Specific").evaluate(ANSWER);

    assertThat(JudgeErrors.isJudgeError(r)).as(r.message()).isTrue();
    assertThat(r.message()).contains("judge gpt-4o-mini failed", "RateLimitException");
    assertThat(judgeCalls).singleElement()
        .satisfies(c -> assertThat(c.error()).contains("RateLimitException"));
  }

  @Test
  void should_work_as_documented(@TempDir Path dir) {
    judgeAnswers("{\"score\": 8, \"reason\": \"States the amount and the date.\", \"quotes\": []}");
    String baseUrl = server.baseUrl() + "/v1";
    String apiKey = "test-key";
    String answer = ANSWER;
    // tag::langchain4j-judge[]
    ChatModel gpt = OpenAiChatModel.builder()
        .baseUrl(baseUrl).apiKey(apiKey).modelName("gpt-4o-mini")
        .build();
    Judge judge = LangChain4jJudge.builder(gpt)           // any LangChain4j ChatModel
        .recordings(ReplayStore.at(dir, ReplayMode.AUTO)) // record once, then replay
        .build();
    CheckResult r = JudgeChecks.rubric(judge, "Specific: states the amount and the date")
        .evaluate(answer);
    // end::langchain4j-judge[]

    assertThat(r.passed()).isTrue();
    assertThat(judgeCalls).hasSize(1);
  }

  @Test
  void every_tagged_example_appears_verbatim_in_docs_judge_md() throws Exception {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    String page = Files.readString(module.resolveSibling("docs").resolve("judge.md"),
        StandardCharsets.UTF_8);
    String source = Files.readString(module.resolve(
        "src/test/java/io/github/evals4j/langchain4j/LangChain4jJudgeTest.java"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("// tag::([\\w-]+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]",
        Pattern.DOTALL).matcher(source);
    List<String> tags = new ArrayList<>();
    while (m.find()) {
      tags.add(m.group(1));
      assertThat(page).as("docs/judge.md must contain the '%s' example verbatim", m.group(1))
          .contains(m.group(2).stripIndent());
    }
    assertThat(tags).containsExactly("langchain4j-judge");
  }

  @Test
  void should_replay_a_recorded_verdict_without_asking_the_model_again(@TempDir Path dir) {
    judgeAnswers("{\"score\": 9, \"reason\": \"Complete.\", \"quotes\": []}");
    CheckResult first = JudgeChecks.rubric(LangChain4jJudge.builder(openAi().build())
        .recordings(ReplayStore.at(dir, ReplayMode.AUTO)).build(), "Specific").evaluate(ANSWER);
    CheckResult second = JudgeChecks.rubric(LangChain4jJudge.builder(openAi().build())
        .recordings(ReplayStore.at(dir, ReplayMode.REPLAY)).build(), "Specific").evaluate(ANSWER);

    assertThat(second).isEqualTo(first);
    server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    assertThat(judgeCalls).hasSize(2);
    assertThat(judgeCalls.get(1).replayed()).isTrue();
  }
}
