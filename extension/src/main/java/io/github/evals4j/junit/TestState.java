package io.github.evals4j.junit;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.junit.TestRecord.Status;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import io.sentry.IScopes;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.PropagationContext;
import io.sentry.Sentry;
import io.sentry.SentryDate;
import io.sentry.SentryEvent;
import io.sentry.SentryInstantDate;
import io.sentry.SentryLevel;
import io.sentry.SpanId;
import io.sentry.SpanStatus;
import io.sentry.TracesSamplingDecision;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.TransactionNameSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * One test invocation while it runs: its transaction in its own forked scopes, its phases, the
 * checks and LLM calls recorded on it, and its record for the run's collectors.
 *
 * <p>It is the {@link Recorder} bound to the test's thread (so {@code Recording.check(...)} and
 * {@code Recording.llmCall(...)} land here) and the {@link Evals4jTest} handed to user code.
 * Thread-safe: user code may record from threads it starts.
 */
final class TestState implements Evals4jTest, Recorder, AutoCloseable {

  static final String KEY = TestState.class.getName();
  private static final int MAX_RECORDS = 1_000;

  private final RunState run;
  private final ExtensionContext context;
  private final TestIdentity id;
  private final int attempt;
  private final Instant startedAt = Instant.now();
  private final long startNanos = System.nanoTime();
  private final Optional<ClassState> classState;
  private final IScopes scopes;
  private final ITransaction transaction;
  private final ISentryLifecycleToken appLink;
  private final Recording.Binding binding;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final AtomicInteger spans = new AtomicInteger();
  private final AtomicInteger droppedSpans = new AtomicInteger();
  private final AtomicInteger droppedRecords = new AtomicInteger();
  private final List<CheckResult> checks = new ArrayList<>();
  private final List<LlmCall> llmCalls = new ArrayList<>();
  private volatile ISpan parent;
  private volatile Attribution attribution;
  /** Whether the case id was given (an {@link EvalCase} argument, {@link #evalCase}). */
  private volatile boolean caseGiven;

  private TestState(RunState run, ExtensionContext context, TestIdentity id, int attempt,
      Optional<ClassState> classState, IScopes scopes, ITransaction transaction,
      ISentryLifecycleToken appLink) {
    this.run = run;
    this.context = context;
    this.id = id;
    this.attempt = attempt;
    this.classState = classState;
    this.scopes = scopes;
    this.transaction = transaction;
    this.appLink = appLink;
    this.parent = transaction;
    this.attribution = Attributions.initial(context, id);
    this.binding = Recording.bind(this);
  }

  /** Starts recording the test of {@code context} on the current thread. */
  static TestState start(RunState run, ExtensionContext context, Optional<ClassState> classState) {
    TestIdentity id = TestIdentity.of(context.getUniqueId(), context.getTestMethod());
    int attempt = run.startAttempt(id.attemptKey());
    DisplayNames.unstableReason(context.getDisplayName())
        .ifPresent(reason -> run.unstableDisplayName(id.name(), context.getDisplayName(), reason));
    IScopes scopes = null;
    ITransaction tx = null;
    ISentryLifecycleToken appLink = null;
    Optional<SentryRun> sentry = run.sentry();
    if (sentry.isPresent()) {
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
        scopes = sentry.get().fork("evals4j-test");
        Tags.apply(scopes, run, Tags.forTest(context, id, attempt));
        TransactionOptions options = new TransactionOptions();
        options.setBindToScope(true);
        tx = scopes.startTransaction(tc, options);
        tx.setData("test.display_name",
            Truncation.text(context.getDisplayName(), config.maxValueLength()));
        tx.setData("test.unique_id", id.uniqueId());
        appLink = linkApplicationSentry(run, id, tx);
      } catch (RuntimeException e) {
        run.console().warnOnce("recording a test failed: " + e);
        scopes = null;
        tx = null;
      }
    }
    return new TestState(run, context, id, attempt, classState, scopes, tx, appLink);
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

  ExtensionContext context() {
    return context;
  }

  /** Times a phase of this test; user spans started meanwhile nest under it. */
  Phase phase(String op, String description) {
    Phase phase = Phase.start(transaction, op, description, run.console());
    if (phase.span() != null) {
      parent = phase.span();
    }
    return phase;
  }

  void endPhase(Phase phase, Throwable error) {
    phase.end(error);
    parent = transaction;
  }

  /** The invocation's arguments (parameterized tests), truncated, as data. */
  void arguments(List<Object> arguments) {
    attribution = Attributions.withArguments(attribution, arguments);
    if (arguments.stream().anyMatch(EvalCase.class::isInstance)) {
      caseGiven = true;
    }
    if (transaction == null || arguments.isEmpty()) {
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

  // ---- Recorder: checks and LLM calls of this test ----

  @Override
  public void onCheck(CheckResult result) {
    if (!keep(checks, result)) {
      return;
    }
    ISpan span = child("evals4j.check", result.check());
    if (span != null) {
      guard(() -> {
        span.setData("evals4j.check.name", result.check());
        span.setData("evals4j.check.passed", result.passed());
        if (Double.isFinite(result.score())) {
          span.setData("evals4j.check.score", result.score());
        }
        if (result.hasThreshold()) {
          span.setData("evals4j.check.threshold", result.threshold());
          span.setData("evals4j.check.direction", result.direction().name());
        }
        if (!result.passed()) {
          span.setData("evals4j.check.message",
              Truncation.text(result.message(), run.config().maxValueLength()));
        }
        span.finish(result.passed() ? SpanStatus.OK : SpanStatus.INTERNAL_ERROR);
      });
    }
  }

  /** A judge's call (evals4j-judge): its cost is reported as judge cost, else an ordinary call. */
  @Override
  public void onJudgeCall(LlmCall call) {
    if (call != null) {
      io.github.evals4j.junit.prompt.JudgeCalls.mark(call);
    }
    onLlmCall(call);
  }

  /** An LLM call as a span following Sentry's AI monitoring ({@code gen_ai.*}) conventions. */
  @Override
  public void onLlmCall(LlmCall call) {
    if (!keep(llmCalls, call)) {
      return;
    }
    ISpan p = parent;
    if (p == null || !reserveSpan()) {
      return;
    }
    guard(() -> {
      SentryDate start = new SentryInstantDate(call.startedAt());
      ISpan span = p.startChild("gen_ai." + call.operation(),
          call.operation() + " " + call.requestModel(), start);
      span.setData("gen_ai.operation.name", call.operation());
      span.setData("gen_ai.provider.name", call.provider());
      span.setData("gen_ai.system", call.provider());
      span.setData("gen_ai.request.model", call.requestModel());
      span.setData("gen_ai.response.model", call.responseModel());
      Attribution at = attribution;
      if (hasPrompt(at)) {
        span.setData("prompt.id", at.prompt().id());
        span.setData("prompt.version", at.prompt().version());
      }
      if (isCase(at)) {
        span.setData("eval.case", Truncation.truncate(at.caseId(), run.config().maxValueLength()));
      }
      // The run on the call itself: Sentry's span search does not give child spans the
      // transaction's tags, and the dashboard's LLM calls table filters on it.
      span.setData(io.github.evals4j.report.SentryFields.RUN_ID,
          Truncation.tag(run.config().runId(), run.config().maxValueLength()));
      putTokens(span, "gen_ai.usage.input_tokens", call.inputTokens());
      putTokens(span, "gen_ai.usage.input_tokens.cached", call.cachedInputTokens());
      putTokens(span, "gen_ai.usage.output_tokens", call.outputTokens());
      putTokens(span, "gen_ai.usage.output_tokens.reasoning", call.reasoningTokens());
      putTokens(span, "gen_ai.usage.total_tokens", call.totalTokens());
      if (call.finishReason() != null) {
        span.setData("gen_ai.response.finish_reasons", List.of(call.finishReason()));
      }
      if (call.timeToFirstToken() != null) {
        span.setData("gen_ai.response.time_to_first_token",
            call.timeToFirstToken().toNanos() / 1e9);
      }
      if (call.replayed()) {
        span.setData("evals4j.replayed", true);
      }
      if (call.error() != null) {
        span.setData("error.message",
            Truncation.text(call.error(), run.config().maxValueLength()));
      }
      span.finish(call.error() == null ? SpanStatus.OK : SpanStatus.INTERNAL_ERROR,
          new SentryInstantDate(call.startedAt().plus(call.latency())));
    });
  }

  private static void putTokens(ISpan span, String key, long tokens) {
    if (tokens >= 0) {
      span.setData(key, tokens);
    }
  }

  /** Both lists are guarded by {@code checks}. */
  private <T> boolean keep(List<T> list, T item) {
    synchronized (checks) {
      if (checks.size() + llmCalls.size() >= MAX_RECORDS) {
        droppedRecords.incrementAndGet();
        return false;
      }
      list.add(item);
      return true;
    }
  }

  // ---- Evals4jTest: user spans and data ----

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
    if (scopes != null && key != null) {
      guard(() -> scopes.setTag(key, Truncation.tag(value, run.config().maxValueLength())));
    }
    return this;
  }

  @Override
  public Evals4jTest data(String key, Object value) {
    if (transaction != null && key != null) {
      guard(() -> transaction.setData(key, value instanceof CharSequence s
          ? Truncation.truncate(s.toString(), run.config().maxValueLength()) : value));
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
    ISpan span = child(op, description);
    return span == null ? Span.NOOP : new UserSpan(span, run);
  }

  /** A child of the current phase, or null when Sentry is off or the span cap is reached. */
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

  // ---- the end ----

  /** Ends the test with what it threw ({@code null}: passed). Only the first call counts. */
  void finish(Throwable thrown) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    Throwable error = failedRetryAttempt(thrown);
    Status status = statusOf(error);
    boolean flaky = run.endAttempt(id.attemptKey(), status);
    try {
      binding.close();
    } finally {
      if (appLink != null) {
        guard(appLink::close);
      }
    }
    if (transaction != null) {
      guard(() -> send(status, error, flaky));
    }
    if (run.hasCollectors()) {
      run.testFinished(record(status, error, flaky, duration));
    }
  }

  /**
   * junit-pioneer's {@code @RetryingTest} reports a failed attempt that will be retried as
   * aborted, with the failure as the cause: for attempts and flakiness it is a failure.
   */
  private Throwable failedRetryAttempt(Throwable error) {
    return failedRetryAttempt(error, id.retrying());
  }

  static Throwable failedRetryAttempt(Throwable error, boolean retrying) {
    if (retrying && error instanceof TestAbortedException && error.getCause() != null
        && !(error.getCause() instanceof TestAbortedException)) {
      return error.getCause();
    }
    return error;
  }

  static Status statusOf(Throwable error) {
    return error == null ? Status.PASSED
        : error instanceof TestAbortedException ? Status.ABORTED : Status.FAILED;
  }

  /** Counts a test when nothing else is needed (see {@link RunState#countOnly()}). */
  static void count(RunState run, ExtensionContext context, Throwable thrown) {
    String key = TestIdentity.attemptKey(context.getUniqueId(), context.getTestMethod());
    boolean retrying = !key.equals(context.getUniqueId());
    run.endAttempt(key, statusOf(failedRetryAttempt(thrown, retrying)));
  }

  /** The start of a counted test (see {@link #count}). */
  static void startCounting(RunState run, ExtensionContext context) {
    run.startAttempt(TestIdentity.attemptKey(context.getUniqueId(), context.getTestMethod()));
    String displayName = context.getDisplayName();
    DisplayNames.unstableReason(displayName).ifPresent(reason -> run.unstableDisplayName(
        TestIdentity.of(context.getUniqueId(), context.getTestMethod()).name(), displayName,
        reason));
  }

  /** A disabled test: counted, recorded, sent only when {@code evals4j.sentry.send-skipped}. */
  void skip(String reason) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    binding.close();
    if (appLink != null) {
      guard(appLink::close);
    }
    run.skipped();
    if (transaction != null && run.config().sendSkipped()) {
      guard(() -> {
        scopes.setTag("test.status", "skip");
        reason(reason);
        transaction.finish(SpanStatus.CANCELLED);
        classState.ifPresent(ClassState::childSent);
      });
    }
    if (run.hasCollectors()) {
      run.testFinished(record(Status.SKIPPED, null, false, Duration.ZERO));
    }
  }

  private void reason(String reason) {
    if (reason != null) {
      transaction.setData("test.skip_reason",
          Truncation.text(reason, run.config().maxValueLength()));
    }
  }

  private void send(Status status, Throwable error, boolean flaky) {
    scopes.setTag("test.status", switch (status) {
      case PASSED -> "pass";
      case FAILED -> "fail";
      case ABORTED, SKIPPED -> "skip";
    });
    if (flaky) {
      scopes.setTag("test.flaky", "true");
    }
    promptTags();
    Optional<EvalStatus> eval = evalStatus(status, error);
    eval.ifPresent(e -> scopes.setTag("eval.status", e.tag));
    boolean evalFailed = eval.isPresent() && eval.get() != EvalStatus.PASS;
    if (status == Status.ABORTED) {
      reason(error.getMessage());
    }
    synchronized (checks) {
      QualityTags.apply(scopes, transaction, checks);
      if (!checks.isEmpty()) {
        transaction.setData("evals4j.checks.total", checks.size());
        transaction.setData("evals4j.checks.failed",
            checks.stream().filter(c -> !c.passed()).count());
      }
      if (!llmCalls.isEmpty()) {
        transaction.setData("evals4j.llm_calls", llmCalls.size());
      }
    }
    if (droppedSpans.get() > 0) {
      transaction.setData("evals4j.spans_dropped", droppedSpans.get());
    }
    if (droppedRecords.get() > 0) {
      transaction.setData("evals4j.records_dropped", droppedRecords.get());
    }
    SentryDate end = scopes.getOptions().getDateProvider().now();
    // A failed evaluation in a passing test: a non-ok status, so that Sentry's failure_rate()
    // counts it (it counts every status but ok, cancelled and unknown); the test still passed.
    SpanStatus spanStatus = evalFailed && error == null
        ? SpanStatus.FAILED_PRECONDITION : Phase.status(error);
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
  private void promptTags() {
    Attribution at = attribution;
    int max = run.config().maxValueLength();
    if (hasPrompt(at)) {
      scopes.setTag("prompt.id", Truncation.tag(at.prompt().id(), max));
      scopes.setTag("prompt.version", Truncation.tag(at.prompt().version(), max));
    }
    if (!PromptRef.UNSET.equals(at.prompt().model())) {
      scopes.setTag("gen_ai.request.model", Truncation.tag(at.prompt().model(), max));
    }
    if (isCase(at)) {
      scopes.setTag("eval.case", Truncation.tag(at.caseId(), max));
    }
  }

  private static boolean hasPrompt(Attribution at) {
    return !PromptRef.UNSET.equals(at.prompt().id());
  }

  /**
   * Whether the invocation is an eval case: attributed to a prompt (its case is then what the run
   * report counts, the test's name by default) or given a case id. Other tests carry no case.
   */
  private boolean isCase(Attribution at) {
    return hasPrompt(at) || caseGiven;
  }

  /** What the evaluation found, as the tag {@code eval.status}. */
  enum EvalStatus {
    PASS("pass"),
    /** A gating check failed, or an assertion did. */
    FAIL("fail"),
    /** The test threw something else than an assertion: the evaluation did not complete. */
    ERROR("error");

    final String tag;

    EvalStatus(String tag) {
      this.tag = tag;
    }
  }

  /**
   * The outcome of the evaluation in this invocation, for eval cases and tests that evaluated
   * checks; empty for other tests and for aborted ones. Checks listed in
   * {@code evals4j.checks.informational} never fail it, as in the run report.
   */
  private Optional<EvalStatus> evalStatus(Status status, Throwable error) {
    if (status != Status.PASSED && status != Status.FAILED) {
      return Optional.empty();
    }
    boolean gatingCheckFailed;
    synchronized (checks) {
      if (checks.isEmpty() && !isCase(attribution)) {
        return Optional.empty();
      }
      java.util.Set<String> informational = run.config().informationalChecks();
      gatingCheckFailed = checks.stream()
          .anyMatch(c -> !c.passed() && !informational.contains(c.check()));
    }
    if (gatingCheckFailed) {
      return Optional.of(EvalStatus.FAIL);
    }
    if (status == Status.FAILED) {
      return Optional.of(error instanceof AssertionError ? EvalStatus.FAIL : EvalStatus.ERROR);
    }
    return Optional.of(EvalStatus.PASS);
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

  private TestRecord record(Status status, Throwable error, boolean flaky, Duration duration) {
    List<CheckResult> checksCopy;
    List<LlmCall> callsCopy;
    synchronized (checks) {
      checksCopy = List.copyOf(checks);
      callsCopy = List.copyOf(llmCalls);
    }
    String failure = error == null ? ""
        : error.getClass().getName() + (error.getMessage() == null ? ""
            : ": " + Truncation.truncate(error.getMessage(), 1_000));
    return new TestRecord(run.config().runId(), id.uniqueId(), id.name(),
        context.getTestClass().map(Class::getName).orElse(id.classPath()),
        context.getDisplayName(), id.invocation(), status, attempt, flaky, context.getTags(),
        startedAt, duration, failure, checksCopy, callsCopy, droppedRecords.get(),
        transaction == null ? "" : transaction.getSpanContext().getTraceId().toString(),
        Attributions.withRepeat(context, id.name(), attribution));
  }

  private void guard(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      run.console().warnOnce("recording to Sentry failed: " + e);
    }
  }

  /** The store closes this when the test's context ends: a test whose afterEach never ran ends. */
  @Override
  public void close() {
    finish(context.getExecutionException().orElse(null));
  }

  /** A span started through {@link Evals4jTest#startSpan}. */
  private record UserSpan(ISpan span, RunState run) implements Span {
    @Override
    public Span data(String key, Object value) {
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
