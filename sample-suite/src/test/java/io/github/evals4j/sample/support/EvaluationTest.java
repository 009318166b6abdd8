package io.github.evals4j.sample.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.evals4j.assertions.Checks;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.sample.llm.LlmException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class EvaluationTest {

  static final List<String> PROMPTS = FixtureGenerator.PROMPTS;

  private static Evaluation evaluation(Optional<List<String>> fails, Optional<String> error) {
    EvalCase c = new EvalCase("t-01", null, null, List.of(), "test:1");
    Answer a = new Answer("p", "t-01", "", "v1", List.of("m"), "{}", "stop", 0, "normal",
        Optional.empty(), fails, error, "answers/p.jsonl:1");
    return new Evaluation(new PromptRef("p", "v1", "m"), c, "", Optional.of(a));
  }

  @ParameterizedTest
  @FieldSource("PROMPTS")
  void should_have_a_fixture_answer_and_twelve_cases_for_every_evaluation(String promptId) {
    assumeThat(LlmEndpoint.live()).as("fixture mode only").isEmpty();
    // WHEN
    List<Evaluation> evaluations = (promptId.equals("social-post")
        ? Evaluation.all(promptId, "X", "LinkedIn") : Evaluation.all(promptId)).toList();
    // THEN
    assertThat(Evaluation.dataset(promptId)).hasSizeGreaterThanOrEqualTo(12);
    assertThat(LlmEndpoint.models(promptId)).containsExactly("gpt-4o-mini", "gpt-4.1-mini");
    assertThat(evaluations).allSatisfy(e -> assertThat(e.answer()).as("answer for %s", e).isPresent());
  }

  @Test
  void should_fail_when_a_verdict_differs_from_the_designed_one() {
    // GIVEN an answer designed to fail json.valid, and an output that passes it
    Evaluation eval = evaluation(Optional.of(List.of("json.valid")), Optional.empty());
    // WHEN / THEN
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> eval.verify("{}", List.of(Checks.validJson())))
        .withMessageContaining("p@v1/m t-01").withMessageContaining("answers/p.jsonl:1")
        .withMessageContaining("pass json.valid");
  }

  @Test
  void should_pass_when_exactly_the_designed_checks_fail() {
    // GIVEN
    Evaluation eval = evaluation(Optional.of(List.of("json.valid")), Optional.empty());
    // WHEN / THEN
    assertThat(eval.verify("{,}", List.of(Checks.validJson(), Checks.noRefusal())))
        .extracting(r -> r.check() + "=" + r.passed())
        .containsExactly("json.valid=false", "content.refusal=true");
  }

  @Test
  void should_fail_when_a_designed_error_does_not_happen() {
    // GIVEN
    Evaluation eval = evaluation(Optional.empty(), Optional.of("MALFORMED_RESPONSE"));
    // WHEN / THEN
    assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> eval.ask(() -> "fine"))
        .withMessageContaining("designed to fail with MALFORMED_RESPONSE");
    assertThat(eval.ask(() -> {
      throw new LlmException(LlmException.Kind.MALFORMED_RESPONSE, 200, "cut", null);
    })).isNull();
  }

  @Test
  void should_key_social_cases_by_platform() {
    // GIVEN
    EvalCase c = new EvalCase("sp-03", null, null, List.of(), "test:1");
    // WHEN
    Evaluation eval = new Evaluation(new PromptRef("social-post", "v2", "m"), c, "X", Optional.empty());
    // THEN
    assertThat(eval.caseId()).isEqualTo("sp-03/X");
    assertThat(eval).hasToString("social-post@v2/m sp-03/X");
  }

  @Test
  void should_run_the_regressed_text_for_v2_only_when_switched_on() {
    // GIVEN
    PromptRef v1 = new PromptRef("log-analysis", "v1", "m");
    PromptRef v2 = new PromptRef("log-analysis", "v2", "m");
    PromptRef other = new PromptRef("browser-test", "v2", "m");
    String before = System.clearProperty(Evaluation.REGRESSED_SWITCH);
    try {
      assertThat(Evaluation.appVersion(v2)).isEqualTo("v2");
      // WHEN
      System.setProperty(Evaluation.REGRESSED_SWITCH, "true");
      // THEN the run still says v2: the prompt was edited in place
      assertThat(Evaluation.appVersion(v2)).isEqualTo("v3");
      assertThat(Evaluation.appVersion(v1)).isEqualTo("v1");
      assertThat(Evaluation.appVersion(other)).isEqualTo("v2");
    } finally {
      if (before == null) {
        System.clearProperty(Evaluation.REGRESSED_SWITCH);
      } else {
        System.setProperty(Evaluation.REGRESSED_SWITCH, before);
      }
    }
  }
}
