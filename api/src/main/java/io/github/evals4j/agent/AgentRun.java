package io.github.evals4j.agent;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of an agent: an AI Service invocation, a tool-calling loop, anything that makes LLM and
 * tool calls to answer one request. The LLM and tool calls recorded while it is open belong to it.
 *
 * <p>Start one with {@link io.github.evals4j.recording.Recording#agentRun(String, String)}; the
 * evals4j extension turns it into a {@code gen_ai.invoke_agent} span with the LLM and tool spans
 * nested under it.
 *
 * @param id a unique id of this run (matches its start and its end)
 * @param agentName the agent's name, e.g. the AI Service interface's simple name
 * @param conversationId the conversation (chat memory) id, or null; the case id of an evaluation
 *     when none was given
 * @param startedAt when the run started
 */
public record AgentRun(String id, String agentName, String conversationId, Instant startedAt) {

  public AgentRun {
    id = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    agentName = agentName == null || agentName.isBlank() ? "agent" : agentName;
    conversationId = conversationId == null || conversationId.isBlank() ? null : conversationId;
    startedAt = Objects.requireNonNullElseGet(startedAt, Instant::now);
  }

  /** A run of {@code agentName} in {@code conversationId} (may be null) starting now. */
  public static AgentRun of(String agentName, String conversationId) {
    return new AgentRun(null, agentName, conversationId, null);
  }
}
