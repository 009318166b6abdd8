package io.github.evals4j.sample.variants;

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

/** A/B variant suggestions, every prompt version × model × case: specific, not generic advice. */
@Evals4j
@ExtendWith(LlmEndpointExtension.class)
@ParameterizedClass(name = "{0}")
@MethodSource("prompts")
class VariantSuggestionsEvalTest {

  @Parameter
  PromptRef prompt;

  static Stream<PromptRef> prompts() {
    return Evaluation.prompts(VariantSuggester.PROMPT_ID);
  }

  @ParameterizedTest(name = "{0}")
  @DatasetSource("datasets/variant-suggestions.jsonl")
  void should_suggest_specific_variants(EvalCase c, LlmEndpoint llm) {
    // GIVEN
    Evaluation eval = Evaluation.of(prompt, c).attribute();
    VariantSuggester suggester = new VariantSuggester(llm.client(), prompt.model(), prompt.version());
    ExperimentContext context = new ExperimentContext(c.id(), c.input("product"), c.input("page"),
        c.input("goal"), c.input("baseline"), c.input("notes"));
    // WHEN
    String ideas = eval.ask(() -> suggester.suggest(context));
    // THEN
    eval.verify(ideas, TaskChecks.variantSuggestions());
  }
}
