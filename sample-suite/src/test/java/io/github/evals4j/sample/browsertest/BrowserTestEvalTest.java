package io.github.evals4j.sample.browsertest;

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
 * Browser test generation, every prompt version × model × case: JSON steps whose CSS selectors
 * all exist in the page's HTML.
 */
@Evals4j
@ExtendWith(LlmEndpointExtension.class)
@ParameterizedClass(name = "{0}")
@MethodSource("prompts")
class BrowserTestEvalTest {

  @Parameter
  PromptRef prompt;

  static Stream<PromptRef> prompts() {
    return Evaluation.prompts(BrowserTestGenerator.PROMPT_ID);
  }

  @ParameterizedTest(name = "{0}")
  @DatasetSource("datasets/browser-test.jsonl")
  void should_generate_steps_whose_selectors_exist_in_the_page(EvalCase c, LlmEndpoint llm) {
    // GIVEN
    Evaluation eval = Evaluation.of(prompt, c).attribute();
    BrowserTestGenerator generator =
        new BrowserTestGenerator(llm.client(), prompt.model(), prompt.version());
    PageUnderTest page = new PageUnderTest(c.id(), c.input("feature"), c.input("url"), c.input("html"));
    // WHEN
    String steps = eval.ask(() -> generator.generate(page));
    // THEN
    eval.verify(steps, TaskChecks.browserTest(c));
  }
}
