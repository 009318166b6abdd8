package io.github.evals4j.sample.logs;

import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.junit.Evals4j;
import io.github.evals4j.junit.dataset.DatasetSource;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.sample.support.Evaluation;
import io.github.evals4j.sample.support.LlmEndpoint;
import io.github.evals4j.sample.support.LlmEndpointExtension;
import io.github.evals4j.sample.support.TaskChecks;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Log analysis, every prompt version × model ({@code @ParameterizedClass}) × dataset case
 * ({@code @DatasetSource}): the summary's numbers, times, codes and names must come from the log.
 */
@Evals4j
@ExtendWith(LlmEndpointExtension.class)
@ParameterizedClass(name = "{0}")
@MethodSource("prompts")
class LogAnalysisEvalTest {

  @Parameter
  PromptRef prompt;

  static Stream<PromptRef> prompts() {
    return Evaluation.prompts(LogAnalyzer.PROMPT_ID);
  }

  @ParameterizedTest(name = "{0}")
  @DatasetSource("datasets/log-analysis.jsonl")
  void should_summarize_with_facts_taken_from_the_log(EvalCase c, LlmEndpoint llm) {
    // GIVEN
    Evaluation eval = Evaluation.of(prompt, c).attribute();
    // the prompt file: the version, or the regressed text under -Devals4j.sample.regressed=true
    LogAnalyzer analyzer = new LogAnalyzer(llm.client(), prompt.model(), eval.appVersion());
    LogExcerpt excerpt = new LogExcerpt(c.id(), c.input("service"), c.input("log"));
    // WHEN
    String summary = eval.ask(() -> analyzer.summarize(excerpt));
    // THEN
    eval.verify(summary, TaskChecks.logAnalysis(c));
  }
}
