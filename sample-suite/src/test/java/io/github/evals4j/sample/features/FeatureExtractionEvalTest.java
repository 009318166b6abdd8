package io.github.evals4j.sample.features;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;

import io.github.evals4j.sample.support.InterimChecks;
import io.github.evals4j.sample.support.LlmEndpoint;
import io.github.evals4j.sample.support.LlmEndpointExtension;
import io.github.evals4j.sample.support.SampleRun;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Feature extraction: every case, both prompt versions, every model; strict JSON and schema. */
@ExtendWith(LlmEndpointExtension.class)
class FeatureExtractionEvalTest {

  static Stream<SampleRun> runs() {
    return SampleRun.all(FeatureExtractor.PROMPT_ID);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void should_extract_features_as_schema_valid_json(SampleRun run, LlmEndpoint llm) {
    // GIVEN
    FeatureExtractor extractor = new FeatureExtractor(llm.client(), run.model(), run.version());
    ProductPage page = new ProductPage(run.caseId(), run.in("productName"), run.in("description"));
    // WHEN
    String answer = run.ask(() -> extractor.extract(page));
    // THEN
    run.verify(answer, InterimChecks.strictJson(), InterimChecks.featureSchema());
    assertThat(answer).isNotBlank();
  }
}
