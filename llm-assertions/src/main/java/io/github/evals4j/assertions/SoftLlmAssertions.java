package io.github.evals4j.assertions;

import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Collects every failed LLM assertion and reports them together on {@link #assertAll()}.
 *
 * <pre>{@code
 * SoftLlmAssertions softly = new SoftLlmAssertions();
 * softly.assertThat(output).passes(Checks.validJson());
 * softly.assertThat(output).hasSizeLessThan(2000);
 * softly.assertAll();
 * }</pre>
 */
public class SoftLlmAssertions extends AbstractSoftAssertions {

  /** Starts soft assertions on an LLM output. */
  public LlmOutputAssert assertThat(String output) {
    return proxy(LlmOutputAssert.class, String.class, output);
  }
}
