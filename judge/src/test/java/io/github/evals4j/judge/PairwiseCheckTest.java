package io.github.evals4j.judge;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.evals4j.judge.JudgeFixtures.better;
import static io.github.evals4j.judge.JudgeFixtures.completion;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.replay.ReplayStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PairwiseCheckTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  static final String GOOD = "Refund sent on 2 Dec; expect it within 3 business days.";
  static final String VAGUE = "We are looking into it.";

  PairwiseCheck pairwise() {
    return JudgeChecks.pairwise(OpenAiJudge.builder().baseUrl(server.baseUrl() + "/v1")
        .model("judge-model").recordings(ReplayStore.live()).build(), "More specific and useful");
  }

  @Test
  void a_judge_that_always_prefers_the_first_position_never_produces_a_win() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .willReturn(okJson(completion(better("1", "Response 1 is better.")))));

    Preference p = pairwise().compare(GOOD, VAGUE);
    CheckResult r = pairwise().preferredOver(VAGUE).evaluate(GOOD);

    assertThat(p.winner()).isEqualTo(Preference.Winner.INCONSISTENT);
    assertThat(p.message()).contains("A then B: A", "B then A: B", "position bias");
    assertThat(r.passed()).isFalse();
    assertThat(r.score()).isEqualTo(0.5);
    assertThat(r.message()).contains("inconsistent: the two orders disagree, so no win");
  }

  @Test
  void a_judge_that_prefers_content_gives_the_same_winner_in_both_orders() {
    // answers "1" when the specific response is shown first, else "2"
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing("RESPONSE 1:\\n<<<\\nRefund sent"))
        .willReturn(okJson(completion(better("1", "Dates and a delay.")))));
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing("RESPONSE 1:\\n<<<\\nWe are looking"))
        .willReturn(okJson(completion(better("2", "Dates and a delay.")))));

    assertThat(pairwise().compare(GOOD, VAGUE).winner()).isEqualTo(Preference.Winner.A);
    assertThat(pairwise().compare(VAGUE, GOOD).winner()).isEqualTo(Preference.Winner.B);
    CheckResult r = pairwise().preferredOver(VAGUE).evaluate(GOOD);
    assertThat(r.passed()).isTrue();
    assertThat(r.score()).isEqualTo(1.0);
  }

  @Test
  void a_malformed_preference_is_a_judge_error_not_a_loss() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .willReturn(okJson(completion("{\"better\": \"first\", \"reason\": \"x\"}"))));
    assertThat(pairwise().compare(GOOD, VAGUE).winner()).isEqualTo(Preference.Winner.JUDGE_ERROR);
    CheckResult r = pairwise().preferredOver(VAGUE).evaluate(GOOD);
    assertThat(JudgeErrors.isJudgeError(r)).isTrue();
    assertThat(r.check()).isEqualTo("pairwise.judge-error");
  }
}
