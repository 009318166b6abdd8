package io.github.evals4j.judge;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.evals4j.judge.JudgeFixtures.completion;
import static io.github.evals4j.judge.JudgeFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.ReplayMode;
import io.github.evals4j.replay.ReplayStore;
import io.github.evals4j.replay.StaleRecordingException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class JudgeReplayTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  @TempDir Path recordings;

  OpenAiJudge judge(ReplayMode mode) {
    return OpenAiJudge.builder().baseUrl(server.baseUrl() + "/v1").model("judge-model")
        .recordings(ReplayStore.at(recordings, mode)).build();
  }

  @Test
  void a_second_run_with_the_same_rubric_makes_no_request_and_a_changed_word_is_stale() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .willReturn(okJson(completion(verdict(9, "Polite.")))));
    String answer = "Your refund was sent today.";

    CheckResult first = JudgeChecks.rubric(judge(ReplayMode.AUTO), "Is it polite?").evaluate(answer);
    JudgeFixtures.Calls calls = new JudgeFixtures.Calls();
    CheckResult second;
    try (Recording.Binding b = Recording.bind(calls)) {
      second = JudgeChecks.rubric(judge(ReplayMode.REPLAY), "Is it polite?").evaluate(answer);
    }

    assertThat(first.passed()).isTrue();
    assertThat(second).isEqualTo(first);
    server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    assertThat(calls.judge).singleElement().satisfies(c -> assertThat(c.replayed()).isTrue());

    assertThatThrownBy(() -> JudgeChecks.rubric(judge(ReplayMode.REPLAY), "Is it courteous?")
        .evaluate(answer))
        .isInstanceOf(StaleRecordingException.class)
        .hasMessageContaining("Stale recording for call 'judge/rubric/")
        .hasMessageContaining("/messages/0/content")
        .hasMessageContaining("courteous");
    server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void another_judge_model_never_reuses_a_verdict() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .willReturn(okJson(completion(verdict(9, "Polite.")))));
    JudgeChecks.rubric(judge(ReplayMode.AUTO), "Is it polite?").evaluate("Hello.");
    OpenAiJudge other = OpenAiJudge.builder().baseUrl(server.baseUrl() + "/v1").model("judge-2")
        .recordings(ReplayStore.at(recordings, ReplayMode.AUTO)).build();
    JudgeChecks.rubric(other, "Is it polite?").evaluate("Hello.");
    server.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }
}
