package io.github.evals4j.sample.browsertest;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;

import io.github.evals4j.sample.support.InterimChecks;
import io.github.evals4j.sample.support.LlmEndpoint;
import io.github.evals4j.sample.support.LlmEndpointExtension;
import io.github.evals4j.sample.support.SampleRun;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Browser test generation: JSON steps whose CSS selectors all exist in the page's HTML. */
@ExtendWith(LlmEndpointExtension.class)
class BrowserTestEvalTest {

  static Stream<SampleRun> runs() {
    return SampleRun.all(BrowserTestGenerator.PROMPT_ID);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void should_generate_steps_whose_selectors_exist_in_the_page(SampleRun run, LlmEndpoint llm) {
    // GIVEN
    BrowserTestGenerator generator = new BrowserTestGenerator(llm.client(), run.model(), run.version());
    PageUnderTest page = new PageUnderTest(run.caseId(), run.in("feature"), run.in("url"), run.in("html"));
    // WHEN
    String steps = run.ask(() -> generator.generate(page));
    // THEN
    run.verify(steps, InterimChecks.strictJson(), InterimChecks.selectorsExist(page.html()));
    assertThat(steps).isNotBlank();
  }
}
