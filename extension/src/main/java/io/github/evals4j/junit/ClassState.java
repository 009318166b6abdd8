package io.github.evals4j.junit;

import io.sentry.IScopes;
import io.sentry.ITransaction;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.SpanId;
import io.sentry.SpanStatus;
import io.sentry.TracesSamplingDecision;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.TransactionNameSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's lifecycle as a transaction ({@code @BeforeAll}/{@code @AfterAll} as spans): the
 * root of the class's trace, and the parent of its tests' transactions.
 */
final class ClassState implements AutoCloseable {

  static final String KEY = ClassState.class.getName();

  private final RunState run;
  private final ExtensionContext context;
  private final IScopes scopes;
  private final ITransaction transaction;
  private final Optional<ClassState> enclosing;
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile boolean childSent;

  private ClassState(RunState run, ExtensionContext context, IScopes scopes,
      ITransaction transaction, Optional<ClassState> enclosing) {
    this.run = run;
    this.context = context;
    this.scopes = scopes;
    this.transaction = transaction;
    this.enclosing = enclosing;
  }

  /** Starts the class transaction; empty when Sentry is off or refuses. */
  static Optional<ClassState> start(RunState run, ExtensionContext context,
      Optional<ClassState> enclosing) {
    Optional<SentryRun> sentry = run.sentry();
    if (sentry.isEmpty()) {
      return Optional.empty();
    }
    try {
      Config config = run.config();
      String name = TestIdentity.className(context.getUniqueId());
      SentryId traceId = switch (config.traceMode()) {
        case RUN -> run.runTraceId();
        case CLASS -> enclosing.map(ClassState::traceId)
            .orElseGet(() -> run.traceIdFor("class|" + context.getUniqueId()));
        case TEST -> new SentryId();
      };
      SpanId parent = config.traceMode() == Config.TraceMode.CLASS
          ? enclosing.map(ClassState::spanId).orElse(null) : null;
      TransactionContext tc = new TransactionContext(traceId, new SpanId(), parent,
          new TracesSamplingDecision(true), null);
      tc.setName(name);
      tc.setTransactionNameSource(TransactionNameSource.COMPONENT);
      tc.setOperation("junit.class");
      tc.setDescription(name);
      IScopes scopes = sentry.get().fork("evals4j-class");
      Tags.apply(scopes, run, Tags.forClass(context, name));
      TransactionOptions options = new TransactionOptions();
      options.setBindToScope(true);
      ITransaction tx = scopes.startTransaction(tc, options);
      return Optional.of(new ClassState(run, context, scopes, tx, enclosing));
    } catch (RuntimeException e) {
      run.console().warnOnce("recording a test class failed: " + e);
      return Optional.empty();
    }
  }

  ExtensionContext context() {
    return context;
  }

  SentryId traceId() {
    return transaction.getSpanContext().getTraceId();
  }

  SpanId spanId() {
    return transaction.getSpanContext().getSpanId();
  }

  Phase phase(String op, String description) {
    return Phase.start(transaction, op, description, run.console());
  }

  /** A test of this class (or of a nested class) was sent: the class must be sent too. */
  void childSent() {
    childSent = true;
    enclosing.ifPresent(ClassState::childSent);
  }

  void finish(Throwable error) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    try {
      if (error != null) {
        run.classFailed();
        SentryEvent event = new SentryEvent(error);
        event.setLevel(SentryLevel.ERROR);
        event.setTransaction(transaction.getName());
        event.getContexts().setTrace(transaction.getSpanContext());
        scopes.captureEvent(event);
      }
      boolean send = error != null || childSent || run.config().alwaysReport()
          || run.config().sendMode() == Config.SendMode.ALL;
      if (send) {
        transaction.finish(error == null ? SpanStatus.OK : Phase.status(error));
      }
    } catch (RuntimeException e) {
      run.console().warnOnce("recording a test class failed: " + e);
    }
  }

  /** The store closes this when the class ends; a class whose afterAll never ran still ends. */
  @Override
  public void close() {
    finish(context.getExecutionException().orElse(null));
  }
}
