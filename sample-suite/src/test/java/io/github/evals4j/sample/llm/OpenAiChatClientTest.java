package io.github.evals4j.sample.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiChatClientTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/v1/chat/completions";
  private static final ChatRequest REQUEST = new ChatRequest("gpt-4o-mini",
      List.of(ChatMessage.system("Be brief."), ChatMessage.user("Reference: t-1\nSay hi")),
      0.2, 64, Map.of("Prompt-Id", "greeting", "Prompt-Version", "v2"));

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final List<LlmCall> calls = new CopyOnWriteArrayList<>();
  private final Recorder recorder = new Recorder() {
    @Override
    public void onLlmCall(LlmCall call) {
      calls.add(call);
    }
  };

  private OpenAiChatClient client;

  @BeforeEach
  void setUp() {
    client = clientWith(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 0,
        Duration.ofSeconds(30)), Duration.ofSeconds(5));
  }

  private OpenAiChatClient clientWith(RetryPolicy policy, Duration timeout) {
    return OpenAiChatClient.builder(server.baseUrl() + "/v1/")
        .apiKey("sk-test-123")
        .timeout(timeout)
        .retryPolicy(policy)
        .sleeper(sleeps::add)
        .build();
  }

  static String completion(String content, String usage) {
    return """
        {"id":"chatcmpl-1","object":"chat.completion","created":1763900000,
         "model":"gpt-4o-mini-2024-07-18",
         "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},
                     "logprobs":null,"finish_reason":"stop"}]%s}
        """.formatted(content == null ? "null" : "\"" + content + "\"", usage == null ? "" : "," + usage);
  }

  static final String USAGE = """
      "usage":{"prompt_tokens":812,"completion_tokens":164,"total_tokens":976,
               "prompt_tokens_details":{"cached_tokens":512,"audio_tokens":0},
               "completion_tokens_details":{"reasoning_tokens":64,"audio_tokens":0}}""";

  @Test
  void should_send_model_messages_parameters_key_and_tags() {
    // GIVEN
    server.stubFor(post(PATH).willReturn(okJson(completion("hi", USAGE))));
    // WHEN
    client.complete(REQUEST);
    // THEN
    server.verify(postRequestedFor(urlEqualTo(PATH))
        .withHeader("Authorization", equalTo("Bearer sk-test-123"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("X-Prompt-Id", equalTo("greeting"))
        .withHeader("X-Prompt-Version", equalTo("v2"))
        .withRequestBody(equalToJson("""
            {"model":"gpt-4o-mini","temperature":0.2,"max_tokens":64,
             "messages":[{"role":"system","content":"Be brief."},
                         {"role":"user","content":"Reference: t-1\\nSay hi"}]}""")));
  }

  @Test
  void should_parse_content_finish_reason_model_and_usage() {
    // GIVEN
    server.stubFor(post(PATH).willReturn(okJson(completion("hi there", USAGE))));
    // WHEN
    ChatResponse response = client.complete(REQUEST);
    // THEN
    assertThat(response.text()).isEqualTo("hi there");
    assertThat(response.finishReason()).isEqualTo("stop");
    assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(response.usage()).isEqualTo(new TokenUsage(812, 164, 512, 64));
    assertThat(response.replayed()).isFalse();
  }

  @Test
  void should_record_the_call_with_usage_latency_and_replay_flag() {
    // GIVEN
    server.stubFor(post(PATH).willReturn(okJson(completion("hi", USAGE))
        .withHeader(OpenAiChatClient.REPLAY_HEADER, "true")));
    // WHEN
    try (Recording.Binding ignored = Recording.bind(recorder)) {
      client.complete(REQUEST);
    }
    // THEN
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.provider()).isEqualTo("openai");
      assertThat(call.operation()).isEqualTo("chat");
      assertThat(call.requestModel()).isEqualTo("gpt-4o-mini");
      assertThat(call.responseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
      assertThat(call.inputTokens()).isEqualTo(812);
      assertThat(call.outputTokens()).isEqualTo(164);
      assertThat(call.cachedInputTokens()).isEqualTo(512);
      assertThat(call.reasoningTokens()).isEqualTo(64);
      assertThat(call.totalTokens()).isEqualTo(976);
      assertThat(call.finishReason()).isEqualTo("stop");
      assertThat(call.latency()).isPositive();
      assertThat(call.error()).isNull();
      assertThat(call.replayed()).isTrue();
    });
  }

  @Test
  void should_report_unknown_usage_as_minus_one_when_the_server_omits_it() {
    // GIVEN a local server that sends no usage block
    server.stubFor(post(PATH).willReturn(okJson(completion("hi", null))));
    // WHEN
    ChatResponse response = client.complete(REQUEST);
    // THEN
    assertThat(response.usage()).isEqualTo(TokenUsage.UNKNOWN);
  }

  @Test
  void should_retry_429_after_the_delay_in_retry_after() {
    // GIVEN
    server.stubFor(post(PATH).inScenario("limit").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
            .withBody("{\"error\":{\"code\":\"rate_limit_exceeded\"}}"))
        .willSetStateTo("open"));
    server.stubFor(post(PATH).inScenario("limit").whenScenarioStateIs("open")
        .willReturn(okJson(completion("after the limit", USAGE))));
    // WHEN
    ChatResponse response = client.complete(REQUEST);
    // THEN
    assertThat(response.text()).isEqualTo("after the limit");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    server.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void should_prefer_openai_retry_after_ms_to_retry_after() {
    // GIVEN
    server.stubFor(post(PATH).inScenario("ms").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
            .withHeader("retry-after-ms", "250"))
        .willSetStateTo("open"));
    server.stubFor(post(PATH).inScenario("ms").whenScenarioStateIs("open")
        .willReturn(okJson(completion("ok", USAGE))));
    // WHEN
    client.complete(REQUEST);
    // THEN
    assertThat(sleeps).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void should_retry_5xx_with_exponential_backoff() {
    // GIVEN three server errors, then an answer
    server.stubFor(post(PATH).inScenario("5xx").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("2"));
    server.stubFor(post(PATH).inScenario("5xx").whenScenarioStateIs("2")
        .willReturn(aResponse().withStatus(502)).willSetStateTo("3"));
    server.stubFor(post(PATH).inScenario("5xx").whenScenarioStateIs("3")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("4"));
    server.stubFor(post(PATH).inScenario("5xx").whenScenarioStateIs("4")
        .willReturn(okJson(completion("finally", USAGE))));
    // WHEN
    ChatResponse response = client.complete(REQUEST);
    // THEN
    assertThat(response.text()).isEqualTo("finally");
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void should_fail_with_the_last_status_when_retries_are_exhausted() {
    // GIVEN
    server.stubFor(post(PATH).willReturn(aResponse().withStatus(503).withBody("upstream overloaded")));
    // WHEN
    LlmException e;
    try (Recording.Binding ignored = Recording.bind(recorder)) {
      e = catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST));
    }
    // THEN
    assertThat(e.kind()).isEqualTo(LlmException.Kind.HTTP_STATUS);
    assertThat(e.status()).isEqualTo(503);
    assertThat(e).hasMessageContaining("HTTP 503").hasMessageContaining("attempt 4")
        .hasMessageContaining("«upstream overloaded»");
    server.verify(4, postRequestedFor(urlEqualTo(PATH)));
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.error()).contains("HTTP 503");
      assertThat(call.inputTokens()).isEqualTo(-1);
    });
  }

  @Test
  void should_stop_retrying_and_keep_the_interrupt_when_interrupted() {
    // GIVEN a server error and a wait that gets interrupted
    server.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
    OpenAiChatClient interrupted = OpenAiChatClient.builder(server.baseUrl() + "/v1")
        .sleeper(d -> {
          throw new InterruptedException("shutdown");
        })
        .build();
    // WHEN
    LlmException e = catchThrowableOfType(LlmException.class, () -> interrupted.complete(REQUEST));
    // THEN
    assertThat(e.kind()).isEqualTo(LlmException.Kind.INTERRUPTED);
    assertThat(e.getSuppressed()).singleElement().satisfies(s -> assertThat(s).hasMessageContaining("HTTP 503"));
    assertThat(Thread.interrupted()).as("interrupt flag restored (and cleared here)").isTrue();
    server.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void should_not_retry_a_client_error() {
    // GIVEN
    server.stubFor(post(PATH).willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":{\"message\":\"Incorrect API key provided\"}}")));
    // WHEN
    LlmException e = catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST));
    // THEN
    assertThat(e.status()).isEqualTo(401);
    assertThat(e).hasMessageContaining("Incorrect API key provided");
    assertThat(sleeps).isEmpty();
    server.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void should_time_out_each_attempt_and_retry() {
    // GIVEN an answer slower than the client's timeout
    client = clientWith(new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), 0,
        Duration.ZERO), Duration.ofMillis(200));
    server.stubFor(post(PATH).willReturn(okJson(completion("late", USAGE)).withFixedDelay(1500)));
    // WHEN
    LlmException e = catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST));
    // THEN
    assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
    assertThat(e).hasMessageContaining("within 200 ms").hasMessageContaining("attempt 2");
    assertThat(sleeps).containsExactly(Duration.ofMillis(10));
  }

  @Test
  void should_retry_a_dropped_connection() {
    // GIVEN
    server.stubFor(post(PATH).inScenario("reset").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
    server.stubFor(post(PATH).inScenario("reset").whenScenarioStateIs("up")
        .willReturn(okJson(completion("reconnected", USAGE))));
    // WHEN
    ChatResponse response = client.complete(REQUEST);
    // THEN
    assertThat(response.text()).isEqualTo("reconnected");
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void should_fail_clearly_on_a_malformed_json_body() {
    // GIVEN a body cut in the middle, with status 200
    String full = completion("cut short", USAGE);
    server.stubFor(post(PATH).willReturn(okJson(full.substring(0, full.length() / 2))));
    // WHEN
    LlmException e = catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST));
    // THEN
    assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED_RESPONSE);
    assertThat(e).hasMessageContaining("is not valid JSON at line")
        .hasMessageContaining("column").hasMessageContaining("chatcmpl-1");
    assertThat(sleeps).as("a malformed answer is not retried").isEmpty();
  }

  @Test
  void should_fail_clearly_when_the_body_is_not_a_chat_completion() {
    // GIVEN
    server.stubFor(post(PATH).willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
    // WHEN
    LlmException e = catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST));
    // THEN
    assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED_RESPONSE);
    assertThat(e).hasMessageContaining("has no choices[0].message");
  }

  @Test
  void should_fail_clearly_on_an_empty_body() {
    // GIVEN
    server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("")));
    // WHEN
    LlmException e = catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST));
    // THEN
    assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED_RESPONSE);
    assertThat(e).hasMessageContaining("(empty body)");
  }

  @Test
  void should_read_a_refusal_given_in_the_refusal_field() {
    // GIVEN
    server.stubFor(post(PATH).willReturn(okJson("""
        {"choices":[{"index":0,"message":{"role":"assistant","content":null,
          "refusal":"I'm sorry, I can't help with that."},"finish_reason":"stop"}]}""")));
    // WHEN
    ChatResponse response = client.complete(REQUEST);
    // THEN
    assertThat(response.content()).isNull();
    assertThat(response.refusal()).isEqualTo("I'm sorry, I can't help with that.");
    assertThat(response.text()).isEqualTo(response.refusal());
  }

  @Test
  void should_keep_non_latin_text_and_lone_surrogates_intact() {
    // GIVEN CJK, Arabic, emoji and an escaped lone surrogate, as JSON escapes allow
    server.stubFor(post(PATH).willReturn(okJson(
        completion("日本語 العربية 🎒 \\ud800 end", USAGE))));
    // WHEN
    ChatResponse response = client.complete(REQUEST);
    // THEN
    assertThat(response.text()).isEqualTo("日本語 العربية 🎒 \ud800 end");
  }

  @Test
  void should_read_a_large_answer() {
    // GIVEN a 2 MB answer
    String big = "x".repeat(2_000_000);
    server.stubFor(post(PATH).willReturn(okJson(completion(big, USAGE))));
    // WHEN
    ChatResponse response = client.complete(REQUEST);
    // THEN
    assertThat(response.text()).hasSize(2_000_000);
  }
}
