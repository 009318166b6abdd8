package io.github.evals4j.sample.incidents;

/**
 * The on-call assistant: given an incident, it looks up the service's last deployment and its
 * error rate through {@link IncidentTools}, and says what probably happened.
 *
 * <p>A LangChain4j AI Service, built by {@link IncidentAgents#create}. No evals4j code: its tests
 * record its runs, model calls and tool calls through evals4j-langchain4j.
 */
public interface IncidentAgent {

  /** Investigates {@code incident} and answers in a few sentences. */
  String investigate(String incident);
}
