/**
 * What an agent did: its runs ({@link io.github.evals4j.agent.AgentRun}) and the tools it executed
 * ({@link io.github.evals4j.agent.ToolCall}), recorded through
 * {@link io.github.evals4j.recording.Recording}.
 */
package io.github.evals4j.agent;
