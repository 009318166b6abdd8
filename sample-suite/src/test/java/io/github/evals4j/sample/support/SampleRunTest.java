package io.github.evals4j.sample.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.github.evals4j.sample.llm.LlmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SampleRunTest {

  static final List<String> PROMPTS = FixtureGenerator.PROMPTS;

  private static SampleRun run(Optional<List<String>> fails, Optional<String> error) {
    DatasetCase c = new DatasetCase("t-01", Map.of(), NullNode.instance, List.of(), "test:1");
    Answer a = new Answer("p", "t-01", "", "v1", List.of("m"), "{}", "stop", 0, "normal",
        Optional.empty(), fails, error, "answers/p.jsonl:1");
    return new SampleRun("p", "v1", "m", c, "", Optional.of(a));
  }

  @ParameterizedTest
  @FieldSource("PROMPTS")
  void should_have_a_fixture_answer_and_twelve_cases_for_every_run(String promptId) {
    assumeThat(LlmEndpoint.live()).as("fixture mode only").isEmpty();
    // WHEN
    List<SampleRun> runs = (promptId.equals("social-post")
        ? SampleRun.all(promptId, "X", "LinkedIn") : SampleRun.all(promptId)).toList();
    // THEN
    assertThat(DatasetCase.load(promptId)).hasSizeGreaterThanOrEqualTo(12);
    assertThat(LlmEndpoint.models(promptId)).containsExactly("gpt-4o-mini", "gpt-4.1-mini");
    assertThat(runs).allSatisfy(r -> assertThat(r.answer()).as("answer for %s", r).isPresent());
  }

  @Test
  void should_fail_when_a_verdict_differs_from_the_designed_one() {
    // GIVEN an answer designed to fail json.strict, and a check that passes it
    SampleRun run = run(Optional.of(List.of("json.strict")), Optional.empty());
    // WHEN / THEN
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> run.verify("{}", InterimChecks.strictJson()))
        .withMessageContaining("v1 m t-01").withMessageContaining("answers/p.jsonl:1")
        .withMessageContaining("pass json.strict");
  }

  @Test
  void should_pass_when_exactly_the_designed_checks_fail() {
    // GIVEN
    SampleRun run = run(Optional.of(List.of("json.strict")), Optional.empty());
    // WHEN / THEN
    assertThat(run.verify("{,}", InterimChecks.strictJson(), InterimChecks.noRefusal()))
        .extracting(r -> r.check() + "=" + r.passed())
        .containsExactly("json.strict=false", "no.refusal=true");
  }

  @Test
  void should_fail_when_a_designed_error_does_not_happen() {
    // GIVEN
    SampleRun run = run(Optional.empty(), Optional.of("MALFORMED_RESPONSE"));
    // WHEN / THEN
    assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> run.ask(() -> "fine"))
        .withMessageContaining("designed to fail with MALFORMED_RESPONSE");
    assertThat(run.ask(() -> {
      throw new LlmException(LlmException.Kind.MALFORMED_RESPONSE, 200, "cut", null);
    })).isNull();
  }
}
