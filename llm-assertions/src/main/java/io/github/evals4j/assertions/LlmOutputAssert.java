package io.github.evals4j.assertions;

/**
 * The concrete assertion on one LLM output; get one from {@link LlmAssertions#assertThat(String)}.
 */
public class LlmOutputAssert extends AbstractLlmOutputAssert<LlmOutputAssert> {

  public LlmOutputAssert(String actual) {
    super(actual, LlmOutputAssert.class);
  }
}
