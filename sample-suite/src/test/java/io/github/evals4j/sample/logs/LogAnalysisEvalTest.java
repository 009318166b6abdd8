package io.github.evals4j.sample.logs;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;

import io.github.evals4j.sample.support.InterimChecks;
import io.github.evals4j.sample.support.LlmEndpoint;
import io.github.evals4j.sample.support.LlmEndpointExtension;
import io.github.evals4j.sample.support.SampleRun;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Log analysis: the summary's numbers and timestamps must come from the log (no invented ones). */
@ExtendWith(LlmEndpointExtension.class)
class LogAnalysisEvalTest {

  static Stream<SampleRun> runs() {
    return SampleRun.all(LogAnalyzer.PROMPT_ID);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void should_summarize_with_numbers_taken_from_the_log(SampleRun run, LlmEndpoint llm) {
    // GIVEN
    LogAnalyzer analyzer = new LogAnalyzer(llm.client(), run.model(), run.version());
    LogExcerpt excerpt = new LogExcerpt(run.caseId(), run.in("service"), run.in("log"));
    // WHEN
    String summary = run.ask(() -> analyzer.summarize(excerpt));
    // THEN
    run.verify(summary, InterimChecks.numbersGrounded(excerpt.log()));
    assertThat(summary).isNotBlank().doesNotContain("{{");
  }
}
