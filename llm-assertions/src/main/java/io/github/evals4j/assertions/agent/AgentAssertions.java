package io.github.evals4j.assertions.agent;

/**
 * Entry point of the assertions on what an agent did, in AssertJ style.
 *
 * <pre>{@code
 * import static io.github.evals4j.assertions.agent.AgentAssertions.assertThat;
 *
 * assertThat(trace)
 *     .calledToolsInOrder("lookup_deployment", "query_metric")
 *     .calledToolWithArgument("lookup_deployment", "/service", "checkout")
 *     .neverCalledTool("restart_service")
 *     .hasLlmRoundTripsAtMost(3);
 * }</pre>
 */
public final class AgentAssertions {

  private AgentAssertions() {}

  /** Starts assertions on the calls recorded by {@code trace}. */
  public static AgentTraceAssert assertThat(AgentTrace trace) {
    return new AgentTraceAssert(trace);
  }
}
