package io.github.evals4j.judge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.evals4j.judge.JudgeFixtures.completion;
import static io.github.evals4j.judge.JudgeFixtures.refusal;
import static io.github.evals4j.judge.JudgeFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.ReplayStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiJudgeTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  static final String ANSWER = "Thanks for waiting! Your refund was sent today; call us tomorrow if "
      + "it has not arrived.";

  final List<Duration> waits = new CopyOnWriteArrayList<>();

  OpenAiJudge.Builder judge() {
    return OpenAiJudge.builder().baseUrl(server.baseUrl() + "/v1").apiKey("test-key")
        .model("judge-model").recordings(ReplayStore.live()).sleeper(waits::add);
  }

  static void answer(String body) {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(body)));
  }

  @Test
  void should_pass_a_well_formed_verdict_above_the_threshold_and_locate_the_quote() {
    answer(completion(verdict(8, "Polite and names the next step.", "call us tomorrow")));
    JudgeFixtures.Calls calls = new JudgeFixtures.Calls();

    CheckResult r;
    try (Recording.Binding b = Recording.bind(calls)) {
      r = JudgeChecks.rubric(judge().build(), "Polite; names a concrete next step").evaluate(ANSWER);
    }

    assertThat(r.passed()).isTrue();
    assertThat(r.check()).isEqualTo("rubric");
    assertThat(r.score()).isEqualTo(8.0);
    assertThat(r.threshold()).isEqualTo(7.0);
    assertThat(r.direction()).isEqualTo(Direction.AT_LEAST);
    assertThat(r.evidence()).extracting(e -> e.kind())
        .containsExactly("judge-reason", "judge-quote", "quality-scale");
    assertThat(r.evidence().get(2).text()).isEqualTo("1..10");
    var quote = r.evidence().get(1);
    assertThat(ANSWER.substring(quote.start(), quote.end())).isEqualTo("call us tomorrow");
    assertThat(r.message()).contains("score 8 / 10 \u2265 threshold 7", "judge judge-model-2026",
        "Polite and names the next step.", "judge-quote at line 1, column 49 (offset 48..64)");
    // the judge call is recorded as a judge call (cost apart), with its usage
    assertThat(calls.application).isEmpty();
    assertThat(calls.judge).singleElement().satisfies(c -> {
      assertThat(c.inputTokens()).isEqualTo(120);
      assertThat(c.outputTokens()).isEqualTo(30);
      assertThat(c.responseModel()).isEqualTo("judge-model-2026");
    });
    // structured output was asked for, at temperature 0, with the rubric and the key
    server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withHeader("Authorization", equalTo("Bearer test-key"))
        .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
        .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
        .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.0")))
        .withRequestBody(containing("names a concrete next step")));
  }

  @Test
  void should_fail_a_well_formed_verdict_below_the_threshold() {
    answer(completion(verdict(4, "Vague: no next step.")));
    CheckResult r = JudgeChecks.rubric(judge().build(), "names a next step").evaluate(ANSWER);
    assertThat(r.passed()).isFalse();
    assertThat(JudgeErrors.isJudgeError(r)).isFalse();
    assertThat(r.message()).contains("score 4 / 10 < threshold 7", "Vague: no next step.");
  }

  @Test
  void should_report_a_malformed_verdict_as_a_judge_error() {
    answer(completion("{\"score\": 8, \"reason\": \"fine\", \"quotes\": [], \"score\": 2}"));
    CheckResult r = JudgeChecks.rubric(judge().build(), "polite").evaluate(ANSWER);
    assertThat(JudgeErrors.isJudgeError(r)).isTrue();
    assertThat(r.passed()).isFalse();
    assertThat(r.check()).isEqualTo("rubric.judge-error");
    assertThat(r.score()).isNaN();
    assertThat(r.message()).contains("judge error in rubric", "not a valid verdict", "score");
  }

  @Test
  void should_report_a_verdict_missing_a_field_as_a_judge_error() {
    answer(completion("{\"score\": 8}"));
    CheckResult r = JudgeChecks.rubric(judge().build(), "polite").evaluate(ANSWER);
    assertThat(JudgeErrors.isJudgeError(r)).isTrue();
    assertThat(r.message()).contains("reason");
  }

  @Test
  void should_report_a_refusal_field_as_a_judge_error() {
    answer(refusal("I can't assist with grading this."));
    CheckResult r = JudgeChecks.rubric(judge().build(), "polite").evaluate(ANSWER);
    assertThat(JudgeErrors.isJudgeError(r)).isTrue();
    assertThat(r.message()).contains("the judge refused", "I can't assist with grading this.");
  }

  @Test
  void should_report_a_refusal_in_words_as_a_judge_error() {
    answer(completion("I'm sorry, but I can't help with that request."));
    CheckResult r = JudgeChecks.rubric(judge().build(), "polite").evaluate(ANSWER);
    assertThat(JudgeErrors.isJudgeError(r)).isTrue();
    assertThat(r.message()).contains("the judge refused");
  }

  @Test
  void should_report_an_out_of_scale_score_as_a_judge_error() {
    answer(completion(verdict(11, "Excellent.")));
    CheckResult r = JudgeChecks.rubric(judge().build(), "polite").evaluate(ANSWER);
    assertThat(JudgeErrors.isJudgeError(r)).isTrue();
    assertThat(r.message()).contains("score 11 is outside the scale 1\u201310");

    answer(completion(verdict(0, "Bad.")));
    assertThat(JudgeErrors.isJudgeError(
        JudgeChecks.rubric(judge().build(), "polite").evaluate(ANSWER))).isTrue();
  }

  @Test
  void should_report_a_timeout_as_a_judge_error() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .willReturn(okJson(completion(verdict(9, "ok"))).withFixedDelay(5_000)));
    CheckResult r = JudgeChecks.rubric(judge().timeout(Duration.ofMillis(200)).build(), "polite")
        .evaluate(ANSWER);
    assertThat(JudgeErrors.isJudgeError(r)).isTrue();
    assertThat(r.message()).contains("timed out after PT0.2S");
  }

  @Test
  void should_retry_a_429_after_what_retry_after_says() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("rate")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
            .withBody("{\"error\":{\"message\":\"Rate limit reached\"}}"))
        .willSetStateTo("ok"));
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("rate")
        .whenScenarioStateIs("ok").willReturn(okJson(completion(verdict(9, "Clear.")))));

    CheckResult r = JudgeChecks.rubric(judge().build(), "polite").evaluate(ANSWER);

    assertThat(r.passed()).isTrue();
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    server.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void should_give_up_on_a_lasting_429_after_bounded_waits_as_a_judge_error() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "3600").withBody("slow down")));

    CheckResult r = JudgeChecks.rubric(
        judge().maxRetries(2).maxRetryWait(Duration.ofSeconds(5)).build(), "polite").evaluate(ANSWER);

    assertThat(JudgeErrors.isJudgeError(r)).isTrue();
    assertThat(r.message()).contains("HTTP 429 after 3 attempts", "slow down");
    assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    server.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void should_not_retry_a_400() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .willReturn(aResponse().withStatus(400).withBody("bad schema")));
    CheckResult r = JudgeChecks.rubric(judge().build(), "polite").evaluate(ANSWER);
    assertThat(r.message()).contains("HTTP 400: bad schema");
    assertThat(waits).isEmpty();
    server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void retry_wait_reads_seconds_and_http_dates_and_is_bounded() {
    Instant now = Instant.parse("2026-12-02T10:00:00Z");
    Duration max = Duration.ofSeconds(30);
    assertThat(OpenAiJudge.retryWait("1.5", 0, max, now)).isEqualTo(Duration.ofMillis(1500));
    assertThat(OpenAiJudge.retryWait("Wed, 02 Dec 2026 10:00:10 GMT", 0, max, now))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(OpenAiJudge.retryWait("86400", 0, max, now)).isEqualTo(max);
    assertThat(OpenAiJudge.retryWait(null, 2, max, now)).isEqualTo(Duration.ofSeconds(2));
    assertThat(OpenAiJudge.retryWait("garbage", 0, max, now)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void should_take_its_settings_from_properties_before_the_environment_and_never_from_llm_vars() {
    Map<String, String> env = Map.of("EVALS4J_JUDGE_BASE_URL", "http://env:1/v1",
        "EVALS4J_JUDGE_MODEL", "env-model", "LLM_MODEL", "app-model");
    OpenAiJudge j = OpenAiJudge.fromEnvironment(
        k -> k.equals("evals4j.judge.model") ? "prop-model" : null, env)
        .recordings(ReplayStore.live()).build();
    assertThat(j.model()).isEqualTo("prop-model");

    assertThatThrownBy(() -> OpenAiJudge.fromEnvironment(k -> null, Map.of("LLM_MODEL", "m",
        "LLM_BASE_URL", "http://x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("EVALS4J_JUDGE_BASE_URL").hasMessageContaining("EVALS4J_JUDGE_MODEL");
  }
}
