package io.github.evals4j.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceErrorEvent;
import dev.langchain4j.observability.api.event.AiServiceResponseReceivedEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.event.ToolExecutedEvent;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of the AI Service invocations in flight, keyed by LangChain4j's invocation id: the
 * agent run opened for each and when its last model response arrived (a tool's execution starts
 * then: LangChain4j's {@code ToolExecutedEvent} has no start time).
 */
final class AgentRuns {

  /** Invocations that never end (a listener error upstream) must not grow the map forever. */
  static final int MAX_OPEN = 1_024;

  private final Map<UUID, Open> open = new ConcurrentHashMap<>();

  private static final class Open {
    final Recorder recorder;
    final Recording.AgentScope scope;
    volatile Instant mark;
    volatile long markNanos;

    Open(Recorder recorder, Recording.AgentScope scope) {
      this.recorder = recorder;
      this.scope = scope;
      mark();
    }

    void mark() {
      mark = Instant.now();
      markNanos = System.nanoTime();
    }
  }

  void started(AiServiceStartedEvent event) {
    InvocationContext context = event.invocationContext();
    Recorder recorder = Recording.current().orElse(null);
    if (recorder == null || context == null || context.invocationId() == null
        || open.size() >= MAX_OPEN) {
      return;
    }
    Recording.AgentScope scope = Recording.agentRun(agentName(context), conversationId(context));
    open.put(context.invocationId(), new Open(recorder, scope));
  }

  void responseReceived(AiServiceResponseReceivedEvent event) {
    Open run = runOf(event.invocationContext());
    if (run != null) {
      run.mark();
    }
  }

  void toolExecuted(ToolExecutedEvent event) {
    Open run = runOf(event.invocationContext());
    ToolExecutionRequest request = event.request();
    if (request == null) {
      return;
    }
    ToolCall.Builder call = ToolCall.builder(request.name()).callId(request.id())
        .arguments(request.arguments()).result(event.resultText());
    if (run != null) {
      call.startedAt(run.mark).latency(Duration.ofNanos(System.nanoTime() - run.markNanos));
      run.mark();
      within(run.recorder, () -> Recording.toolCall(call.build()));
    } else {
      Recording.toolCall(call.build());
    }
  }

  void completed(AiServiceCompletedEvent event) {
    Open run = remove(event.invocationContext());
    if (run != null) {
      run.scope.close();
    }
  }

  void failed(AiServiceErrorEvent event) {
    Open run = remove(event.invocationContext());
    if (run != null) {
      run.scope.fail(event.error());
    }
  }

  int openRuns() {
    return open.size();
  }

  private Open runOf(InvocationContext context) {
    return context == null || context.invocationId() == null ? null
        : open.get(context.invocationId());
  }

  private Open remove(InvocationContext context) {
    return context == null || context.invocationId() == null ? null
        : open.remove(context.invocationId());
  }

  /** Reports on {@code recorder} even when LangChain4j calls back on another thread (streaming). */
  private static void within(Recorder recorder, Runnable report) {
    if (Recording.current().orElse(null) == recorder) {
      report.run();
    } else {
      try (Recording.Binding ignored = Recording.bind(recorder)) {
        report.run();
      }
    }
  }

  /** The AI Service interface's simple name ({@code com.acme.LogAnalyst} gives {@code LogAnalyst}). */
  static String agentName(InvocationContext context) {
    String name = context.interfaceName();
    if (name == null || name.isBlank()) {
      return "agent";
    }
    int dot = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
    return name.substring(dot + 1);
  }

  /**
   * The chat memory id as the conversation id; LangChain4j's {@code "default"} (a service without
   * {@code @MemoryId}) is no conversation.
   */
  static String conversationId(InvocationContext context) {
    Object id = context.chatMemoryId();
    if (id == null || "default".equals(id)) {
      return null;
    }
    return String.valueOf(id);
  }
}
