package io.github.evals4j.sample.features;

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

/** Feature extraction, every prompt version × model × case: strict JSON that follows the schema. */
@Evals4j
@ExtendWith(LlmEndpointExtension.class)
@ParameterizedClass(name = "{0}")
@MethodSource("prompts")
class FeatureExtractionEvalTest {

  @Parameter
  PromptRef prompt;

  static Stream<PromptRef> prompts() {
    return Evaluation.prompts(FeatureExtractor.PROMPT_ID);
  }

  @ParameterizedTest(name = "{0}")
  @DatasetSource("datasets/feature-extraction.jsonl")
  void should_extract_features_as_schema_valid_json(EvalCase c, LlmEndpoint llm) {
    // GIVEN
    Evaluation eval = Evaluation.of(prompt, c).attribute();
    FeatureExtractor extractor = new FeatureExtractor(llm.client(), prompt.model(), prompt.version());
    ProductPage page = new ProductPage(c.id(), c.input("productName"), c.input("description"));
    // WHEN
    String answer = eval.ask(() -> extractor.extract(page));
    // THEN
    eval.verify(answer, TaskChecks.featureExtraction());
  }
}
