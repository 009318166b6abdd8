/**
 * Assertions and checks on what an agent did: {@link io.github.evals4j.assertions.agent.AgentTrace}
 * collects the LLM calls, tool calls and agent runs of a piece of code,
 * {@link io.github.evals4j.assertions.agent.AgentAssertions} asserts on them AssertJ style and
 * {@link io.github.evals4j.assertions.agent.ToolCallCheck} scores tool-call precision and recall
 * as a check that aggregates and gates.
 */
package io.github.evals4j.assertions.agent;
