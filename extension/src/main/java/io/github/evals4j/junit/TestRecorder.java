package io.github.evals4j.junit;

import io.github.evals4j.agent.AgentRun;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.aggregate.QualityEvidence;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.junit.TestRecord.Status;
import io.github.evals4j.junit.prompt.JudgeCalls;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.recording.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The recorder of one test invocation: the checks and LLM calls it recorded (capped), where they
 * belong (prompt, case), and the handle user code gets as {@link Evals4jTest}.
 *
 * <p>It is the {@link Recorder} bound to the test's thread, so {@code Recording.check(...)} and
 * {@code Recording.llmCall(...)} land here; each kept item is handed on to the test's
 * {@link TestTransaction} (a no-op one when Sentry is off). Thread-safe: user code may record from
 * threads it starts.
 */
final class TestRecorder implements Recorder, Evals4jTest {

  private static final int MAX_RECORDS = 1_000;

  private final RunState run;
  private final TestIdentity id;
  private final TestTransaction transaction;
  /** Guards {@code checks}, {@code llmCalls} and {@code dropped}. */
  private final Object lock = new Object();
  private final List<CheckResult> checks = new ArrayList<>();
  private final List<LlmCall> llmCalls = new ArrayList<>();
  private final List<ToolCall> toolCalls = new ArrayList<>();
  private int dropped;
  private volatile Attribution attribution;
  /** Whether the case id was given (an {@link EvalCase} argument, {@link #evalCase}). */
  private volatile boolean caseGiven;

  TestRecorder(RunState run, ExtensionContext context, TestIdentity id,
      TestTransaction transaction) {
    this.run = run;
    this.id = id;
    this.transaction = transaction;
    this.attribution = Attributions.initial(context, id);
  }

  /** The invocation's arguments (parameterized tests): they may name the case and the prompt. */
  void arguments(List<Object> arguments) {
    attribution = Attributions.withArguments(attribution, arguments);
    if (arguments.stream().anyMatch(EvalCase.class::isInstance)) {
      caseGiven = true;
    }
  }

  // ---- Recorder ----

  @Override
  public void onCheck(CheckResult result) {
    if (keep(checks, result)) {
      transaction.check(result);
    }
  }

  /** A judge's call (evals4j-judge): its cost is reported as judge cost, else an ordinary call. */
  @Override
  public void onJudgeCall(LlmCall call) {
    // Only a collector (the run report) takes marked calls back: without one, marking would leak.
    if (call != null && run.hasCollectors()) {
      JudgeCalls.mark(call);
    }
    if (keep(llmCalls, call)) {
      Attribution at = attribution;
      transaction.judgeCall(call, at, isCase(at));
    }
  }

  @Override
  public void onToolCall(ToolCall call) {
    if (keep(toolCalls, call)) {
      Attribution at = attribution;
      transaction.toolCall(call, at, isCase(at));
    }
  }

  /**
   * An agent run: its conversation id becomes the case id when the test gave none (an agent's
   * conversation is the unit a case evaluates).
   */
  @Override
  public void onAgentRunStart(AgentRun agentRun) {
    if (agentRun == null) {
      return;
    }
    if (!caseGiven && agentRun.conversationId() != null) {
      attribution = new Attribution(attribution.prompt(), agentRun.conversationId(), 0);
      caseGiven = true;
    }
    Attribution at = attribution;
    transaction.agentRunStarted(agentRun, at, isCase(at));
  }

  @Override
  public void onAgentRunEnd(AgentRun agentRun, java.time.Duration duration, String error) {
    if (agentRun != null) {
      transaction.agentRunEnded(agentRun, duration, error);
    }
  }

  /** Messages are captured only when {@code evals4j.sentry.send-messages} is on. */
  @Override
  public boolean capturesMessages() {
    return run.config().sendMessages() && run.sentry().isPresent();
  }

  @Override
  public void onLlmCall(LlmCall call) {
    if (keep(llmCalls, call)) {
      Attribution at = attribution;
      transaction.llmCall(call, at, isCase(at));
    }
  }

  private <T> boolean keep(List<T> list, T item) {
    synchronized (lock) {
      if (checks.size() + llmCalls.size() + toolCalls.size() >= MAX_RECORDS) {
        dropped++;
        return false;
      }
      list.add(item);
      return true;
    }
  }

  // ---- Evals4jTest ----

  @Override
  public String name() {
    return id.name();
  }

  @Override
  public String runId() {
    return run.config().runId();
  }

  @Override
  public Evals4jTest tag(String key, String value) {
    if (key != null) {
      transaction.tag(key, value);
    }
    return this;
  }

  @Override
  public Evals4jTest data(String key, Object value) {
    if (key != null) {
      transaction.data(key, value);
    }
    return this;
  }

  @Override
  public Evals4jTest prompt(PromptRef prompt) {
    if (prompt != null) {
      attribution = new Attribution(prompt, attribution.caseId(), 0);
    }
    return this;
  }

  @Override
  public Evals4jTest evalCase(String caseId) {
    if (caseId != null && !caseId.isBlank()) {
      attribution = new Attribution(attribution.prompt(), caseId, 0);
      caseGiven = true;
    }
    return this;
  }

  @Override
  public Attribution attribution() {
    return attribution;
  }

  @Override
  public Span startSpan(String op, String description) {
    return transaction.span(op, description);
  }

  // ---- what was recorded ----

  /**
   * Whether the invocation is an eval case: attributed to a prompt (its case is then what the run
   * report counts, the test's name by default) or given a case id. Other tests carry no case.
   */
  private boolean isCase(Attribution at) {
    return GenAiSpans.hasPrompt(at) || caseGiven;
  }

  /** What was recorded so far, copied. */
  Recorded recorded() {
    synchronized (lock) {
      Attribution at = attribution;
      return new Recorded(List.copyOf(checks), List.copyOf(llmCalls), List.copyOf(toolCalls),
          dropped, at, isCase(at));
    }
  }

  /**
   * The checks and calls of a finished invocation.
   *
   * @param dropped how many checks and calls were not kept because of the cap
   * @param isCase whether the invocation is an eval case (see {@link TestRecorder#isCase})
   */
  record Recorded(List<CheckResult> checks, List<LlmCall> llmCalls, List<ToolCall> toolCalls,
      int dropped, Attribution attribution, boolean isCase) {

    long failedChecks() {
      return checks.stream().filter(c -> !c.passed()).count();
    }

    /**
     * The outcome of the evaluation in this invocation, for eval cases and tests that evaluated
     * checks; empty for other tests and for aborted ones. Checks listed in
     * {@code evals4j.checks.informational} never fail it, as in the run report.
     */
    Optional<EvalStatus> evalStatus(Status status, Throwable error, Set<String> informational) {
      if (status != Status.PASSED && status != Status.FAILED) {
        return Optional.empty();
      }
      if (checks.isEmpty() && !isCase) {
        return Optional.empty();
      }
      // as in the run report: a judge error is neither a pass nor a fail (the case is unknown),
      // and the judge error of an informational rubric leaves the case as it is
      if (checks.stream().anyMatch(c -> !c.passed() && !QualityEvidence.isJudgeError(c)
          && !informational.contains(c.check()))) {
        return Optional.of(EvalStatus.FAIL);
      }
      if (status == Status.FAILED) {
        return Optional.of(error instanceof AssertionError ? EvalStatus.FAIL : EvalStatus.ERROR);
      }
      if (checks.stream().anyMatch(c -> QualityEvidence.isJudgeError(c)
          && !informational.contains(QualityEvidence.rubricOf(c)))) {
        return Optional.of(EvalStatus.UNKNOWN);
      }
      return Optional.of(EvalStatus.PASS);
    }
  }

  /** What the evaluation found, as the tag {@code eval.status}. */
  enum EvalStatus {
    PASS("pass"),
    /** A gating check failed, or an assertion did. */
    FAIL("fail"),
    /** The test threw something else than an assertion: the evaluation did not complete. */
    ERROR("error"),
    /** Only a judge error kept a gating rubric from grading the output: neither pass nor fail. */
    UNKNOWN("unknown");

    final String tag;

    EvalStatus(String tag) {
      this.tag = tag;
    }
  }
}
