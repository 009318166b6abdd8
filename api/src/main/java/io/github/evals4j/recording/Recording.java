package io.github.evals4j.recording;

import io.github.evals4j.agent.AgentRun;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.llm.LlmCall;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The recording hook: where checks, LLM calls, tool calls and agent runs report to whatever observes the current test.
 *
 * <p>It is a no-op (one {@code ThreadLocal} read) unless a {@link Recorder} was bound to the
 * current thread, which the evals4j JUnit extension does around every test. Bindings nest and are
 * restored on close, so parallel tests on different threads never see each other's recorder.
 * Work handed to another thread keeps the binding when wrapped with {@link #wrap(Runnable)}.
 *
 * <pre>{@code
 * try (Recording.Binding b = Recording.bind(myRecorder)) {
 *   LlmAssertions.assertThat(output).isValidJson(); // myRecorder.onCheck(...) sees the result
 * }
 * }</pre>
 */
public final class Recording {

  private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();

  private Recording() {}

  /** A bound recorder; closing restores the recorder that was bound before (if any). */
  @FunctionalInterface
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }

  /** Binds {@code recorder} to the current thread until the returned binding is closed. */
  public static Binding bind(Recorder recorder) {
    Objects.requireNonNull(recorder, "recorder");
    Thread owner = Thread.currentThread();
    Recorder previous = CURRENT.get();
    CURRENT.set(recorder);
    return () -> {
      if (Thread.currentThread() == owner) {
        if (previous == null) {
          CURRENT.remove();
        } else {
          CURRENT.set(previous);
        }
      }
    };
  }

  /** The recorder bound to the current thread, if any. */
  public static Optional<Recorder> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Reports a check result to the bound recorder; does nothing when none is bound. */
  public static void check(CheckResult result) {
    Recorder recorder = CURRENT.get();
    if (recorder != null && result != null) {
      try {
        recorder.onCheck(result);
      } catch (RuntimeException e) {
        RecorderFailures.report(e);
      }
    }
  }

  /** Reports an LLM call to the bound recorder; does nothing when none is bound. */
  public static void llmCall(LlmCall call) {
    Recorder recorder = CURRENT.get();
    if (recorder != null && call != null) {
      try {
        recorder.onLlmCall(call);
      } catch (RuntimeException e) {
        RecorderFailures.report(e);
      }
    }
  }

  /**
   * Reports an LLM call made by a judge grading an output (its cost is counted apart from the
   * application's); does nothing when no recorder is bound.
   */
  public static void judgeCall(LlmCall call) {
    Recorder recorder = CURRENT.get();
    if (recorder != null && call != null) {
      try {
        recorder.onJudgeCall(call);
      } catch (RuntimeException e) {
        RecorderFailures.report(e);
      }
    }
  }

  /** Reports a tool execution to the bound recorder; does nothing when none is bound. */
  public static void toolCall(ToolCall call) {
    Recorder recorder = CURRENT.get();
    if (recorder != null && call != null) {
      try {
        recorder.onToolCall(call);
      } catch (RuntimeException e) {
        RecorderFailures.report(e);
      }
    }
  }

  /**
   * Starts an agent run of {@code agentName} in conversation {@code conversationId} (may be null);
   * LLM and tool calls recorded until the returned scope is closed belong to it. A no-op scope when
   * no recorder is bound. The scope keeps the recorder of the thread that started it, so it may be
   * closed on another thread.
   *
   * <pre>{@code
   * try (Recording.AgentScope run = Recording.agentRun("LogAnalyst", conversationId)) {
   *   answer = agent.chat(question);        // LLM and tool calls nest under the run
   * } catch (RuntimeException e) {
   *   // run.fail(e) before close marks the run failed
   * }
   * }</pre>
   */
  public static AgentScope agentRun(String agentName, String conversationId) {
    Recorder recorder = CURRENT.get();
    if (recorder == null) {
      return AgentScope.NOOP;
    }
    AgentRun run = AgentRun.of(agentName, conversationId);
    try {
      recorder.onAgentRunStart(run);
    } catch (RuntimeException e) {
      RecorderFailures.report(e);
      return AgentScope.NOOP;
    }
    return new OpenAgentScope(recorder, run);
  }

  /**
   * Whether the bound recorder wants the messages of LLM calls ({@link Recorder#capturesMessages()});
   * false when none is bound. Integrations skip serialising messages otherwise.
   */
  public static boolean capturesMessages() {
    Recorder recorder = CURRENT.get();
    if (recorder == null) {
      return false;
    }
    try {
      return recorder.capturesMessages();
    } catch (RuntimeException e) {
      RecorderFailures.report(e);
      return false;
    }
  }

  /** An open agent run; closing it ends the run (only the first close or fail counts). */
  public interface AgentScope extends AutoCloseable {

    /** The scope returned when no recorder is bound: does nothing. */
    AgentScope NOOP = new AgentScope() {
      @Override
      public Optional<AgentRun> run() {
        return Optional.empty();
      }

      @Override
      public void fail(Throwable error) {}

      @Override
      public void close() {}
    };

    /** The run, empty for the no-op scope. */
    Optional<AgentRun> run();

    /** Ends the run as failed with {@code error} (its simple class name and message). */
    void fail(Throwable error);

    /** Ends the run as successful unless it already ended. */
    @Override
    void close();
  }

  private static final class OpenAgentScope implements AgentScope {
    private final Recorder recorder;
    private final AgentRun run;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();

    OpenAgentScope(Recorder recorder, AgentRun run) {
      this.recorder = recorder;
      this.run = run;
    }

    @Override
    public Optional<AgentRun> run() {
      return Optional.of(run);
    }

    @Override
    public void fail(Throwable error) {
      end(error == null ? "unknown error"
          : error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    @Override
    public void close() {
      end(null);
    }

    private void end(String error) {
      if (ended.compareAndSet(false, true)) {
        try {
          recorder.onAgentRunEnd(run, Duration.ofNanos(System.nanoTime() - startNanos), error);
        } catch (RuntimeException e) {
          RecorderFailures.report(e);
        }
      }
    }
  }

  /** {@code task} made to run with the current thread's recorder bound, on whichever thread. */
  public static Runnable wrap(Runnable task) {
    Objects.requireNonNull(task, "task");
    Recorder recorder = CURRENT.get();
    if (recorder == null) {
      return task;
    }
    return () -> {
      try (Binding ignored = bind(recorder)) {
        task.run();
      }
    };
  }

  /** {@code task} made to run with the current thread's recorder bound, on whichever thread. */
  public static <T> Callable<T> wrap(Callable<T> task) {
    Objects.requireNonNull(task, "task");
    Recorder recorder = CURRENT.get();
    if (recorder == null) {
      return task;
    }
    return () -> {
      try (Binding ignored = bind(recorder)) {
        return task.call();
      }
    };
  }
}
