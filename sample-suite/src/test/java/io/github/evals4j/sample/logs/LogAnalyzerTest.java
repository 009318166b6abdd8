package io.github.evals4j.sample.logs;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.evals4j.assertions.SoftLlmAssertions;
import io.github.evals4j.assertions.grounding.Sources;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.sample.support.Evaluation;
import io.github.evals4j.sample.support.LlmEndpoint;
import io.github.evals4j.sample.support.LlmEndpointExtension;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The assertion style for one case: fluent evals4j assertions whose failure quotes each invented
 * figure with its position. Uses the fixture answers of case la-01.
 */
@ExtendWith(LlmEndpointExtension.class)
class LogAnalyzerTest {

  private LogExcerpt excerpt;
  private Sources log;

  @BeforeEach
  void setUp(LlmEndpoint llm) {
    assumeTrue(llm.replaying(), "asserts the fixture answers of la-01");
    EvalCase c = Evaluation.dataset(LogAnalyzer.PROMPT_ID).get(0);
    excerpt = new LogExcerpt(c.id(), c.input("service"), c.input("log"));
    log = Sources.of(excerpt.log());
  }

  @Test
  void should_pass_when_the_v2_summary_takes_every_fact_from_the_log(LlmEndpoint llm) {
    // WHEN
    String summary = new LogAnalyzer(llm.client(), "gpt-4o-mini", "v2").summarize(excerpt);
    // THEN
    assertThat(summary).hasNoUnsupportedClaims(log)
        .hasAtMostWords(150)
        .contains("payments-gateway", "2026-03-07T03:14:07.123Z");
  }

  @Test
  void should_fail_when_the_v1_summary_invents_numbers(LlmEndpoint llm) {
    // GIVEN
    String summary = new LogAnalyzer(llm.client(), "gpt-4o-mini", "v1").summarize(excerpt);
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(summary).hasNoUnsupportedClaims(log));
    // THEN
    Assertions.assertThat(error).hasMessageContaining("grounding.claims")
        .hasMessageContaining("line 3, column 9")
        .hasMessageContaining("\"35%\"")
        .hasMessageContaining("\"$45,000\"");
  }

  @Test
  void should_collect_every_failure_when_asserting_softly(LlmEndpoint llm) {
    // GIVEN
    String summary = new LogAnalyzer(llm.client(), "gpt-4o-mini", "v1").summarize(excerpt);
    SoftLlmAssertions softly = new SoftLlmAssertions();
    // WHEN
    softly.assertThat(summary).hasNoUnsupportedClaims(log);
    softly.assertThat(summary).hasAtMostWords(20);
    // THEN
    Assertions.assertThat(softly.errorsCollected()).hasSize(2);
  }
}
