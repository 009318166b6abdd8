package io.github.evals4j.sample.logs;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.evals4j.assertions.Check;
import io.github.evals4j.sample.support.DatasetCase;
import io.github.evals4j.sample.support.InterimChecks;
import io.github.evals4j.sample.support.LlmEndpoint;
import io.github.evals4j.sample.support.LlmEndpointExtension;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The assertion style for one case: a throwing AssertJ assertion whose failure quotes the invented
 * number with its position. Uses the fixture answers of case la-01.
 */
@ExtendWith(LlmEndpointExtension.class)
class LogAnalyzerTest {

  private LogExcerpt excerpt;
  private Check grounded;

  @BeforeEach
  void setUp(LlmEndpoint llm) {
    assumeTrue(llm.replaying(), "asserts the fixture answers of la-01");
    DatasetCase c = DatasetCase.load(LogAnalyzer.PROMPT_ID).get(0);
    excerpt = new LogExcerpt(c.id(), c.in("service"), c.in("log"));
    grounded = InterimChecks.numbersGrounded(excerpt.log());
  }

  @Test
  void should_pass_when_the_v2_summary_takes_every_number_from_the_log(LlmEndpoint llm) {
    // WHEN
    String summary = new LogAnalyzer(llm.client(), "gpt-4o-mini", "v2").summarize(excerpt);
    // THEN
    assertThat(summary).passes(grounded).contains("payments-gateway", "2026-03-07T03:14:07.123Z");
  }

  @Test
  void should_fail_when_the_v1_summary_invents_numbers(LlmEndpoint llm) {
    // GIVEN
    String summary = new LogAnalyzer(llm.client(), "gpt-4o-mini", "v1").summarize(excerpt);
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(summary).passes(grounded));
    // THEN
    Assertions.assertThat(error).hasMessageContaining("to pass check numbers.grounded")
        .hasMessageContaining("6 of 11 numbers are not in the source")
        .hasMessageContaining("number at line 3, column 9")
        .hasMessageContaining("\"35\"")
        .hasMessageContaining("\"45,000\" \u2014 not in the source");
  }
}
