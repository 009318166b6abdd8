package io.github.evals4j.assertions.agent;

import io.github.evals4j.agent.AgentRun;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an agent did while the trace was open: its LLM calls, tool calls and runs, in order, for
 * assertions ({@link AgentAssertions#assertThat(AgentTrace)}) and checks ({@link ToolCallCheck}).
 *
 * <p>It records on the current thread's {@link Recording} binding and passes everything on to the
 * recorder bound before it (the evals4j extension's), so the test still reports the calls. Keeps
 * at most {@value #MAX_ITEMS} calls of each kind. Thread-safe.
 *
 * <pre>{@code
 * try (AgentTrace trace = AgentTrace.start()) {
 *   analyst.analyse(log);
 *   AgentAssertions.assertThat(trace).calledTool("lookup_deployment").neverCalledTool("restart");
 * }
 * }</pre>
 */
public final class AgentTrace implements AutoCloseable {

  /** The most calls of each kind kept; later ones are counted in {@link #dropped()}. */
  public static final int MAX_ITEMS = 10_000;

  private final List<LlmCall> llmCalls = new ArrayList<>();
  private final List<ToolCall> toolCalls = new ArrayList<>();
  private final List<AgentRun> runs = new ArrayList<>();
  private int dropped;
  private final Recording.Binding binding;

  private AgentTrace(Recorder previous) {
    this.binding = Recording.bind(new Tee(previous));
  }

  /** Starts tracing on the current thread until {@link #close()}. */
  public static AgentTrace start() {
    return new AgentTrace(Recording.current().orElse(null));
  }

  /** Runs {@code agent} on the current thread and returns what it did. */
  public static AgentTrace of(Runnable agent) {
    try (AgentTrace trace = start()) {
      agent.run();
      return trace;
    }
  }

  /** A trace of the given calls, e.g. read back from a report or built in a test. */
  public static AgentTrace of(List<LlmCall> llmCalls, List<ToolCall> toolCalls) {
    AgentTrace trace = new AgentTrace(null);
    trace.close();
    llmCalls.forEach(trace::add);
    toolCalls.forEach(trace::add);
    return trace;
  }

  /** The LLM calls, in the order they were reported. */
  public synchronized List<LlmCall> llmCalls() {
    return List.copyOf(llmCalls);
  }

  /** The tool calls, in the order they were reported. */
  public synchronized List<ToolCall> toolCalls() {
    return List.copyOf(toolCalls);
  }

  /** The agent runs that started. */
  public synchronized List<AgentRun> runs() {
    return List.copyOf(runs);
  }

  /** The names of the tools called, in order. */
  public synchronized List<String> toolNames() {
    return toolCalls.stream().map(ToolCall::name).toList();
  }

  /** Calls beyond {@link #MAX_ITEMS} that were not kept. */
  public synchronized int dropped() {
    return dropped;
  }

  /** Input plus output tokens of every LLM call; calls with unknown usage count as 0. */
  public synchronized long totalTokens() {
    return llmCalls.stream().mapToLong(c -> Math.max(0, c.totalTokens())).sum();
  }

  /** Whether some LLM call's usage is unknown (so {@link #totalTokens()} is a lower bound). */
  public synchronized boolean hasUnknownUsage() {
    return llmCalls.stream().anyMatch(c -> c.totalTokens() < 0);
  }

  /** Stops tracing; the recorder bound before is bound again. */
  @Override
  public void close() {
    binding.close();
  }

  private synchronized void add(LlmCall call) {
    if (llmCalls.size() < MAX_ITEMS) {
      llmCalls.add(call);
    } else {
      dropped++;
    }
  }

  private synchronized void add(ToolCall call) {
    if (toolCalls.size() < MAX_ITEMS) {
      toolCalls.add(call);
    } else {
      dropped++;
    }
  }

  private synchronized void add(AgentRun run) {
    if (runs.size() < MAX_ITEMS) {
      runs.add(run);
    } else {
      dropped++;
    }
  }

  /** Keeps a copy and forwards to the recorder bound before. */
  private final class Tee implements Recorder {
    private final Optional<Recorder> next;

    Tee(Recorder next) {
      this.next = Optional.ofNullable(next);
    }

    @Override
    public void onCheck(CheckResult result) {
      next.ifPresent(r -> r.onCheck(result));
    }

    @Override
    public void onLlmCall(LlmCall call) {
      add(call);
      next.ifPresent(r -> r.onLlmCall(call));
    }

    @Override
    public void onJudgeCall(LlmCall call) {
      // a judge grading the output is not something the agent did
      next.ifPresent(r -> r.onJudgeCall(call));
    }

    @Override
    public void onToolCall(ToolCall call) {
      add(call);
      next.ifPresent(r -> r.onToolCall(call));
    }

    @Override
    public void onAgentRunStart(AgentRun run) {
      add(run);
      next.ifPresent(r -> r.onAgentRunStart(run));
    }

    @Override
    public void onAgentRunEnd(AgentRun run, Duration duration, String error) {
      next.ifPresent(r -> r.onAgentRunEnd(run, duration, error));
    }

    @Override
    public boolean capturesMessages() {
      return next.map(Recorder::capturesMessages).orElse(false);
    }
  }
}
