package io.github.evals4j.langchain4j;

import io.github.evals4j.agent.AgentRun;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A recorder keeping what it saw, in order, as the extension's recorder would see it. */
final class Events implements Recorder {

  final List<String> order = new CopyOnWriteArrayList<>();
  final List<LlmCall> llmCalls = new CopyOnWriteArrayList<>();
  final List<ToolCall> toolCalls = new CopyOnWriteArrayList<>();
  final List<AgentRun> runs = new CopyOnWriteArrayList<>();
  final List<String> runErrors = new CopyOnWriteArrayList<>();

  @Override
  public void onLlmCall(LlmCall call) {
    llmCalls.add(call);
    order.add("llm " + call.finishReason());
  }

  @Override
  public void onToolCall(ToolCall call) {
    toolCalls.add(call);
    order.add("tool " + call.name());
  }

  @Override
  public void onAgentRunStart(AgentRun run) {
    runs.add(run);
    order.add("start " + run.agentName());
  }

  @Override
  public void onAgentRunEnd(AgentRun run, Duration duration, String error) {
    if (error != null) {
      runErrors.add(error);
    }
    order.add("end " + run.agentName() + (error == null ? "" : " failed"));
  }
}
