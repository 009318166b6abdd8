package io.github.evals4j.sample.variants;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;

import io.github.evals4j.sample.support.InterimChecks;
import io.github.evals4j.sample.support.LlmEndpoint;
import io.github.evals4j.sample.support.LlmEndpointExtension;
import io.github.evals4j.sample.support.SampleRun;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A/B variant suggestions: specific (elements, copy, numbers), not generic advice. */
@ExtendWith(LlmEndpointExtension.class)
class VariantSuggestionsEvalTest {

  static Stream<SampleRun> runs() {
    return SampleRun.all(VariantSuggester.PROMPT_ID);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void should_suggest_specific_variants(SampleRun run, LlmEndpoint llm) {
    // GIVEN
    VariantSuggester suggester = new VariantSuggester(llm.client(), run.model(), run.version());
    ExperimentContext context = new ExperimentContext(run.caseId(), run.in("product"), run.in("page"),
        run.in("goal"), run.in("baseline"), run.in("notes"));
    // WHEN
    String ideas = run.ask(() -> suggester.suggest(context));
    // THEN
    if (ideas != null) {
      run.verify(ideas, InterimChecks.specificity());
      assertThat(ideas).isNotBlank();
    }
  }
}
