package io.github.evals4j.junit;

import io.github.evals4j.agent.AgentRun;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.junit.TestRecord.Status;
import io.github.evals4j.junit.TestRecorder.EvalStatus;
import io.github.evals4j.junit.TestRecorder.Recorded;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.sentry.IScopes;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.PropagationContext;
import io.sentry.Sentry;
import io.sentry.SentryDate;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.SpanId;
import io.sentry.SpanStatus;
import io.sentry.TracesSamplingDecision;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.TransactionNameSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test invocation as a Sentry transaction in its own forked scopes: phases and recorded work as
 * child spans (built by {@link GenAiSpans}), the outcome as tags, a failure or a flaky pass as an
 * event, sent (or deferred, or dropped) as the run decides. Every SDK call is guarded.
 */
final class SentryTestTransaction implements TestTransaction {

  private final RunState run;
  private final TestIdentity id;
  private final int attempt;
  private final Optional<ClassState> classState;
  private final IScopes scopes;
  private final ITransaction transaction;
  private final ISentryLifecycleToken appLink;
  private final AtomicInteger spans = new AtomicInteger();
  private final AtomicInteger droppedSpans = new AtomicInteger();
  private volatile ISpan parent;
  /** The agent runs open now, innermost last: LLM and tool calls nest under the innermost. */
  private final java.util.Deque<GenAiSpans.AgentSpan> agents =
      new java.util.concurrent.ConcurrentLinkedDeque<>();

  private SentryTestTransaction(RunState run, TestIdentity id, int attempt,
      Optional<ClassState> classState, IScopes scopes, ITransaction transaction,
      ISentryLifecycleToken appLink) {
    this.run = run;
    this.id = id;
    this.attempt = attempt;
    this.classState = classState;
    this.scopes = scopes;
    this.transaction = transaction;
    this.appLink = appLink;
    this.parent = transaction;
  }

  /** Starts the transaction; {@link TestTransaction#NONE} (after one warning) if the SDK fails. */
  static TestTransaction start(RunState run, SentryRun sentry, ExtensionContext context,
      TestIdentity id, int attempt, Optional<ClassState> classState) {
    try {
      Config config = run.config();
      SentryId traceId = switch (config.traceMode()) {
        case TEST -> new SentryId();
        case CLASS -> classState.map(ClassState::traceId)
            .orElseGet(() -> run.traceIdFor("class|" + id.classPath()));
        case RUN -> run.runTraceId();
      };
      SpanId parentSpan = config.traceMode() == Config.TraceMode.TEST
          ? null : classState.map(ClassState::spanId).orElse(null);
      TransactionContext tc = new TransactionContext(traceId, new SpanId(), parentSpan,
          new TracesSamplingDecision(true), null);
      tc.setName(id.name());
      tc.setTransactionNameSource(TransactionNameSource.COMPONENT);
      tc.setOperation("junit.test");
      tc.setDescription(Truncation.text(context.getDisplayName(), config.maxValueLength()));
      IScopes scopes = sentry.fork("evals4j-test");
      Tags.apply(scopes, run, Tags.forTest(context, id, attempt));
      TransactionOptions options = new TransactionOptions();
      options.setBindToScope(true);
      ITransaction tx = scopes.startTransaction(tc, options);
      tx.setData("test.display_name",
          Truncation.text(context.getDisplayName(), config.maxValueLength()));
      tx.setData("test.unique_id", id.uniqueId());
      ISentryLifecycleToken appLink = linkApplicationSentry(run, id, tx);
      return new SentryTestTransaction(run, id, attempt, classState, scopes, tx, appLink);
    } catch (RuntimeException e) {
      run.console().warnOnce("recording a test failed: " + e);
      return TestTransaction.NONE;
    }
  }

  /**
   * When the application under test has initialised the global Sentry, its events captured on the
   * test's thread carry the test's trace (their own project, our trace id): Sentry's trace view
   * then shows them with the test. Its configuration and client are untouched.
   */
  private static ISentryLifecycleToken linkApplicationSentry(RunState run, TestIdentity id,
      ITransaction tx) {
    if (!run.config().linkAppEvents() || !Sentry.isEnabled()) {
      return null;
    }
    IScopes app = Sentry.forkedScopes("evals4j-test");
    PropagationContext trace = new PropagationContext(tx.getSpanContext().getTraceId(),
        new SpanId(), tx.getSpanContext().getSpanId(), null, true);
    // Events read it from the default write scope (the isolation scope unless configured).
    app.getScope().setPropagationContext(trace);
    app.getIsolationScope().setPropagationContext(trace);
    app.setTag("evals4j.run_id", Truncation.tag(run.config().runId(), 200));
    app.setTag("test.name", Truncation.tag(id.name(), 200));
    return app.makeCurrent();
  }

  @Override
  public Phase phase(String op, String description) {
    Phase phase = Phase.start(transaction, op, description, run.console());
    if (phase.span() != null) {
      parent = phase.span();
    }
    return phase;
  }

  @Override
  public void endPhase(Phase phase, Throwable error) {
    phase.end(error);
    parent = transaction;
  }

  @Override
  public void arguments(List<Object> arguments) {
    if (arguments.isEmpty()) {
      return;
    }
    int max = run.config().maxValueLength();
    List<String> described = new ArrayList<>();
    for (Object a : arguments) {
      described.add(Truncation.describe(a, max));
    }
    guard(() -> transaction.setData("test.parameters",
        Truncation.truncate(String.join(", ", described), max)));
  }

  @Override
  public void check(CheckResult result) {
    ISpan span = child("evals4j.check", result.check());
    if (span != null) {
      guard(() -> GenAiSpans.check(span, result, run.config()));
    }
  }

  @Override
  public void llmCall(LlmCall call, Attribution attribution, boolean isCase) {
    llmCall(call, attribution, isCase, false);
  }

  @Override
  public void judgeCall(LlmCall call, Attribution attribution, boolean isCase) {
    llmCall(call, attribution, isCase, true);
  }

  private void llmCall(LlmCall call, Attribution attribution, boolean isCase, boolean judge) {
    GenAiSpans.AgentSpan agent = judge ? null : agents.peekLast();
    ISpan p = agent != null ? agent.span() : parent;
    if (p == null || !reserveSpan()) {
      return;
    }
    guard(() -> GenAiSpans.llmCall(p, call, attribution, isCase, run.config(), agent, judge));
  }

  @Override
  public void toolCall(ToolCall call, Attribution attribution, boolean isCase) {
    GenAiSpans.AgentSpan agent = agents.peekLast();
    ISpan p = agent != null ? agent.span() : parent;
    if (p == null || !reserveSpan()) {
      return;
    }
    guard(() -> GenAiSpans.toolCall(p, call, attribution, isCase, run.config(), agent));
  }

  @Override
  public void agentRunStarted(AgentRun agentRun, Attribution attribution, boolean isCase) {
    GenAiSpans.AgentSpan outer = agents.peekLast();
    ISpan p = outer != null ? outer.span() : parent;
    if (p == null || !reserveSpan()) {
      return;
    }
    guard(() -> agents.addLast(
        GenAiSpans.agentRun(p, agentRun, attribution, isCase, run.config())));
  }

  @Override
  public void agentRunEnded(AgentRun agentRun, java.time.Duration duration, String error) {
    for (java.util.Iterator<GenAiSpans.AgentSpan> it = agents.descendingIterator();
        it.hasNext(); ) {
      GenAiSpans.AgentSpan open = it.next();
      if (open.run().id().equals(agentRun.id())) {
        it.remove();
        guard(() -> GenAiSpans.endAgentRun(open, duration, error, run.config()));
        return;
      }
    }
  }

  @Override
  public void tag(String key, String value) {
    guard(() -> scopes.setTag(key, Truncation.tag(value, run.config().maxValueLength())));
  }

  @Override
  public void data(String key, Object value) {
    guard(() -> transaction.setData(key, value instanceof CharSequence s
        ? Truncation.truncate(s.toString(), run.config().maxValueLength()) : value));
  }

  @Override
  public Evals4jTest.Span span(String op, String description) {
    ISpan span = child(op, description);
    return span == null ? Evals4jTest.Span.NOOP : new UserSpan(span, run);
  }

  /** A child of the current phase, or null when the span cap is reached. */
  private ISpan child(String op, String description) {
    ISpan p = parent;
    if (p == null || !reserveSpan()) {
      return null;
    }
    try {
      return p.startChild(op, Truncation.truncate(description, run.config().maxValueLength()));
    } catch (RuntimeException e) {
      run.console().warnOnce("recording a span failed: " + e);
      return null;
    }
  }

  private boolean reserveSpan() {
    if (spans.incrementAndGet() > run.config().maxSpans()) {
      droppedSpans.incrementAndGet();
      return false;
    }
    return true;
  }

  @Override
  public void detach() {
    if (appLink != null) {
      guard(appLink::close);
    }
  }

  @Override
  public String traceId() {
    return transaction.getSpanContext().getTraceId().toString();
  }

  @Override
  public void skip(String reason) {
    if (!run.config().sendSkipped()) {
      return;
    }
    guard(() -> {
      scopes.setTag("test.status", "skip");
      reason(reason);
      transaction.finish(SpanStatus.CANCELLED);
      classState.ifPresent(ClassState::childSent);
    });
  }

  private void reason(String reason) {
    if (reason != null) {
      transaction.setData("test.skip_reason",
          Truncation.text(reason, run.config().maxValueLength()));
    }
  }

  @Override
  public void finish(Outcome outcome) {
    // an agent run still open when its test ends did not end: say so on its span
    for (GenAiSpans.AgentSpan open; (open = agents.pollLast()) != null; ) {
      GenAiSpans.AgentSpan o = open;
      guard(() -> GenAiSpans.endAgentRun(o, null, "the test ended before the agent run",
          run.config()));
    }
    try (SendBudget budget = SendBudget.open()) {
      guard(() -> send(outcome));
    }
  }

  private void send(Outcome outcome) {
    Status status = outcome.status();
    Throwable error = outcome.error();
    boolean flaky = outcome.flaky();
    Recorded recorded = outcome.recorded();
    scopes.setTag("test.status", switch (status) {
      case PASSED -> "pass";
      case FAILED -> "fail";
      case ABORTED, SKIPPED -> "skip";
    });
    if (flaky) {
      scopes.setTag("test.flaky", "true");
    }
    promptTags(recorded.attribution(), recorded.isCase());
    Optional<EvalStatus> eval = outcome.eval();
    eval.ifPresent(e -> scopes.setTag("eval.status", e.tag));
    boolean evalFailed = eval.isPresent() && eval.get() != EvalStatus.PASS;
    boolean evalUnknown = eval.isPresent() && eval.get() == EvalStatus.UNKNOWN;
    if (status == Status.ABORTED) {
      reason(error.getMessage());
    }
    QualityTags.apply(scopes, transaction, recorded.checks());
    if (!recorded.checks().isEmpty()) {
      transaction.setData("evals4j.checks.total", recorded.checks().size());
      transaction.setData("evals4j.checks.failed", recorded.failedChecks());
    }
    if (!recorded.llmCalls().isEmpty()) {
      transaction.setData("evals4j.llm_calls", recorded.llmCalls().size());
    }
    if (droppedSpans.get() > 0) {
      transaction.setData("evals4j.spans_dropped", droppedSpans.get());
    }
    if (recorded.dropped() > 0) {
      transaction.setData("evals4j.records_dropped", recorded.dropped());
    }
    SentryDate end = scopes.getOptions().getDateProvider().now();
    // A failed evaluation in a passing test: a non-ok status, so that Sentry's failure_rate()
    // counts it (it counts every status but ok, cancelled and unknown); the test still passed.
    // A judge error that left the case unknown: Sentry's status "unknown", which failure_rate()
    // does not count either way.
    SpanStatus spanStatus = evalFailed && error == null
        ? (evalUnknown ? SpanStatus.UNKNOWN : SpanStatus.FAILED_PRECONDITION)
        : Phase.status(error);
    Runnable delivery = () -> guard(() -> {
      if (status == Status.FAILED) {
        SentryEvent event = new SentryEvent(error);
        event.setLevel(SentryLevel.ERROR);
        event.setTransaction(id.name());
        event.getContexts().setTrace(transaction.getSpanContext());
        scopes.captureEvent(event);
      }
      if (flaky) {
        captureFlaky();
      }
      transaction.finish(spanStatus, end);
    });
    switch (run.decide(id.uniqueId(), status, flaky, evalFailed)) {
      case SEND -> {
        delivery.run();
        if (flaky) {
          run.releaseDeferred(id.attemptKey());
        }
        classState.ifPresent(ClassState::childSent);
      }
      case DEFER -> run.defer(id.attemptKey(), () -> {
        delivery.run();
        classState.ifPresent(ClassState::childSent);
      });
      case DROP -> { }
    }
  }

  /** The prompt attribution as tags, so that Sentry searches and dashboards can group by them. */
  private void promptTags(Attribution at, boolean isCase) {
    int max = run.config().maxValueLength();
    if (GenAiSpans.hasPrompt(at)) {
      scopes.setTag("prompt.id", Truncation.tag(at.prompt().id(), max));
      scopes.setTag("prompt.version", Truncation.tag(at.prompt().version(), max));
    }
    if (!PromptRef.UNSET.equals(at.prompt().model())) {
      scopes.setTag("gen_ai.request.model", Truncation.tag(at.prompt().model(), max));
    }
    if (isCase) {
      scopes.setTag("eval.case", Truncation.tag(at.caseId(), max));
    }
  }

  /** One Sentry issue per flaky test: the fingerprint is the test's stable name. */
  private void captureFlaky() {
    SentryEvent event = new SentryEvent();
    Message message = new Message();
    message.setFormatted("Flaky test: " + id.name() + " failed, then passed on attempt " + attempt);
    event.setMessage(message);
    event.setLevel(SentryLevel.WARNING);
    event.setTransaction(id.name());
    event.setFingerprints(List.of("evals4j-flaky-test", id.name()));
    event.setTag("test.flaky", "true");
    event.getContexts().setTrace(transaction.getSpanContext());
    scopes.captureEvent(event);
  }

  private void guard(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      run.console().warnOnce("recording to Sentry failed: " + e);
    }
  }

  /** A span started through {@link Evals4jTest#startSpan}. */
  private record UserSpan(ISpan span, RunState run) implements Evals4jTest.Span {
    @Override
    public Evals4jTest.Span data(String key, Object value) {
      try {
        span.setData(key, value instanceof CharSequence s
            ? Truncation.truncate(s.toString(), run.config().maxValueLength()) : value);
      } catch (RuntimeException e) {
        run.console().warnOnce("recording a span failed: " + e);
      }
      return this;
    }

    @Override
    public void fail(Throwable error) {
      try {
        span.setStatus(SpanStatus.INTERNAL_ERROR);
        if (error != null) {
          span.setData("error.type", error.getClass().getName());
        }
      } catch (RuntimeException e) {
        run.console().warnOnce("recording a span failed: " + e);
      }
    }

    @Override
    public void close() {
      try {
        if (!span.isFinished()) {
          span.finish(span.getStatus() == null ? SpanStatus.OK : span.getStatus());
        }
      } catch (RuntimeException e) {
        run.console().warnOnce("recording a span failed: " + e);
      }
    }
  }
}
