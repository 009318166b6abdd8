package io.github.evals4j.sample.quality;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.judge.JudgeChecks;
import io.github.evals4j.judge.JudgeErrors;
import io.github.evals4j.judge.OpenAiJudge;
import io.github.evals4j.judge.Preference;
import io.github.evals4j.sample.support.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The judge fixtures' three faults, each on a fresh WireMock server with the committed mappings:
 * a malformed verdict is a judge error (the case is unknown, never a pass or a fail), a 429 with
 * {@code Retry-After} is retried and then scored, and a position-biased pairwise judge (it always
 * prefers the first response) produces no win.
 */
class JudgeFaultsTest {

  private WireMockServer server;
  private OpenAiJudge judge;

  @BeforeEach
  void start() {
    assumeTrue(SampleJudge.replaying(), "the faults are those of the recorded judge");
    server = SampleJudge.fixtureServer(true);
    judge = SampleJudge.fixtureJudge(server);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static Answer answer(String task, String version, String caseId, String platform) {
    return Answer.load(task).stream().filter(a -> a.version().equals(version)
        && a.caseId().equals(caseId) && a.platform().equals(platform)).findFirst().orElseThrow();
  }

  private CheckResult grade(String task, String output) {
    return QualityRubrics.rubric(task, judge).evaluate(output);
  }

  @Test
  void should_count_a_malformed_verdict_as_a_judge_error() {
    String output = answer("log-analysis", "v1", JudgeFixtures.MALFORMED_CASE, "").content();

    CheckResult r = grade("log-analysis", output);

    assertThat(JudgeErrors.isJudgeError(r)).isTrue();
    assertThat(r.check()).isEqualTo("quality.log-analysis.judge-error");
    assertThat(r.message()).startsWith("judge error in quality.log-analysis (counted apart, neither"
        + " pass nor fail): the judge's reply is not a valid verdict");
  }

  @Test
  void should_retry_after_a_429_and_then_score() {
    String output = answer("social-post", "v2", JudgeFixtures.THROTTLED_CASE, "X").content();

    CheckResult r = grade("social-post", output);

    assertThat(JudgeErrors.isJudgeError(r)).as(r.message()).isFalse();
    assertThat(r.score()).isBetween(1.0, 10.0);
    server.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
  }

  @Test
  void should_not_let_a_position_biased_judge_produce_a_win() {
    String v1 = answer("log-analysis", "v1", "la-01", "").content();
    String v2 = answer("log-analysis", "v2", "la-01", "").content();

    Preference p = JudgeChecks.pairwise(judge, "More useful to the on-call engineer").compare(v2, v1);
    CheckResult better = JudgeChecks.pairwise(judge, "More useful to the on-call engineer")
        .preferredOver(v1).evaluate(v2);

    assertThat(p.winner()).isEqualTo(Preference.Winner.INCONSISTENT);
    assertThat(better.passed()).isFalse();
    assertThat(better.score()).isEqualTo(0.5);
    assertThat(better.message()).contains("inconsistent: the two orders disagree, so no win");
  }
}
