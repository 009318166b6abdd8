package io.github.evals4j.recording;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.llm.LlmCall;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The recording hook: where checks and LLM calls report to whatever observes the current test.
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
