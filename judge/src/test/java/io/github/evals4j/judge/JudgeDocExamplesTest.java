package io.github.evals4j.judge;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.evals4j.judge.JudgeFixtures.better;
import static io.github.evals4j.judge.JudgeFixtures.completion;
import static io.github.evals4j.judge.JudgeFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.replay.ReplayMode;
import io.github.evals4j.replay.ReplayStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of {@code docs/judge.md}: every region between {@code // tag::name[]} and {@code //
 * end::name[]} runs here against a WireMock judge, and must appear verbatim in the page.
 */
class JudgeDocExamplesTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  @TempDir Path recordings;
  Judge judge;
  final String answer = "Your refund of 40 EUR was sent on 2 December; expect it within 3 business days.";
  final String policy = "Refunds are sent within 5 business days of approval.";

  @BeforeEach
  void judge() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .willReturn(okJson(completion(verdict(8, "Specific: amount, date and delay.",
            "within 3 business days")))));
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing("RESPONSE 1:\\n<<<\\nYour refund"))
        .willReturn(okJson(completion(better("1", "States amount and date.")))));
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing("RESPONSE 1:\\n<<<\\nWe are"))
        .willReturn(okJson(completion(better("2", "States amount and date.")))));
    String baseUrl = server.baseUrl() + "/v1";
    Path dir = recordings;
    // tag::configure[]
    Judge judge = OpenAiJudge.builder()
        .baseUrl(baseUrl)                       // e.g. https://api.openai.com/v1
        .apiKey(System.getenv("EVALS4J_JUDGE_API_KEY"))
        .model("gpt-4o-mini")
        .recordings(ReplayStore.at(dir, ReplayMode.AUTO))
        .build();
    // end::configure[]
    this.judge = judge;
  }

  @Test
  void rubric() {
    // tag::rubric[]
    CheckResult r = JudgeChecks.rubric(judge, "Specific: states the amount, the date and what happens next")
        .steps("List the facts the answer gives.", "Check each against the question.", "Score.")
        .threshold(7)
        .evaluate(answer);
    // r.message(): rubric: score 8 / 10 ≥ threshold 7 (scale 1–10, judge judge-model-2026): "Specific: ..."
    // end::rubric[]
    assertThat(r.passed()).isTrue();
    assertThat(r.message()).startsWith("rubric: score 8 / 10 \u2265 threshold 7 (scale 1\u201310");
  }

  @Test
  void faithfulness_and_answers_question() {
    // tag::faithfulness[]
    CheckResult faithful = JudgeChecks.faithfulness(judge, policy).evaluate(answer);
    CheckResult answers = JudgeChecks.answersQuestion(judge, "When will I get my refund?")
        .evaluate(answer);
    // end::faithfulness[]
    assertThat(faithful.passed()).isTrue();
    assertThat(faithful.check()).isEqualTo("faithfulness");
    assertThat(answers.check()).isEqualTo("answers-question");
  }

  @Test
  void pairwise() {
    String before = "We are looking into it.";
    // tag::pairwise[]
    Preference p = JudgeChecks.pairwise(judge, "More useful to the customer").compare(answer, before);
    // p.winner(): A, B, TIE, INCONSISTENT (the two orders disagree) or JUDGE_ERROR
    CheckResult better = JudgeChecks.pairwise(judge, "More useful to the customer")
        .preferredOver(before).evaluate(answer);
    // end::pairwise[]
    assertThat(p.winner()).isEqualTo(Preference.Winner.A);
    assertThat(better.passed()).isTrue();
  }

  @Test
  void samples() {
    // tag::samples[]
    CheckResult r = JudgeChecks.rubric(judge, "Polite and specific").samples(3).evaluate(answer);
    // score = mean of 3 verdicts; the message adds "mean of 3 samples, sd 0, range 8–8"
    // end::samples[]
    assertThat(r.message()).contains("mean of 3 samples, sd 0, range 8\u20138");
  }

  @Test
  void judge_errors() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .willReturn(okJson(completion("Sure! I'd give it an 8."))));
    // tag::errors[]
    CheckResult r = JudgeChecks.rubric(judge, "Polite").evaluate(answer);
    if (JudgeErrors.isJudgeError(r)) {
      // r.check() is "rubric.judge-error": neither a pass nor a fail; the report counts it apart
    }
    // end::errors[]
    assertThat(JudgeErrors.isJudgeError(r)).isTrue();
  }

  @Test
  void calibration() {
    // tag::calibration[]
    Calibration.Result agreement = Calibration.of(JudgeChecks.rubric(judge, "Specific"), List.of(
        new Calibration.Labelled(answer, true, 9),
        new Calibration.Labelled("We are looking into it.", false, 2)));
    GateResult gate = agreement.gate(0.6); // min-judge-agreement: Cohen's kappa ≥ 0.6
    // end::calibration[]
    assertThat(agreement.compared()).isEqualTo(2);
    assertThat(gate.metric()).isEqualTo("min-judge-agreement");
  }

  @Test
  void every_tagged_example_appears_verbatim_in_docs_judge_md() throws Exception {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    String page = Files.readString(root.resolveSibling("docs").resolve("judge.md"),
        StandardCharsets.UTF_8);
    String source = Files.readString(root.resolve(
        "src/test/java/io/github/evals4j/judge/JudgeDocExamplesTest.java"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("// tag::(\\w+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]",
        Pattern.DOTALL).matcher(source);
    List<String> tags = new ArrayList<>();
    while (m.find()) {
      tags.add(m.group(1));
      String snippet = m.group(2).stripIndent();
      assertThat(page).as("docs/judge.md must contain the '%s' example verbatim", m.group(1))
          .contains(snippet);
    }
    assertThat(tags).contains("configure", "rubric", "faithfulness", "pairwise", "samples",
        "errors", "calibration");
  }
}
