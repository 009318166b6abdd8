package io.github.evals4j.junit;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Records every test invocation as a Sentry transaction, binds a per-test recorder for checks and
 * LLM calls, and hands a {@link TestRecord} per invocation to the run's {@link RunCollector}s.
 *
 * <p>Register it with {@link Evals4j @Evals4j}, {@code @ExtendWith(Evals4jExtension.class)}, or
 * JUnit's auto-detection ({@code junit.jupiter.extensions.autodetection.enabled=true}). Configure
 * it with {@code evals4j.*} configuration parameters (docs/configuration.md); without a DSN, nothing is
 * sent and nothing opens a socket. A test's outcome never depends on Sentry: every call into the
 * SDK is guarded.
 *
 * <pre>{@code
 * @ExtendWith(Evals4jExtension.class)
 * class CheckoutTest { ... }
 * }</pre>
 */
public final class Evals4jExtension implements BeforeAllCallback, AfterAllCallback,
    BeforeEachCallback, AfterEachCallback, InvocationInterceptor, TestWatcher {

  /** Created by JUnit; all state lives in JUnit's stores. */
  public Evals4jExtension() {}

  // ---- classes ----

  @Override
  public void beforeAll(ExtensionContext context) {
    RunState run = RunState.of(context);
    if (!run.config().enabled()) {
      return;
    }
    ClassState.start(run, context, classState(context.getParent().orElse(null)))
        .ifPresent(state -> context.getStore(RunState.NAMESPACE).put(ClassState.KEY, state));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ownClassState(context)
        .ifPresent(state -> state.finish(context.getExecutionException().orElse(null)));
  }

  @Override
  public void interceptBeforeAllMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
      throws Throwable {
    timedClassPhase(invocation, context, "junit.before_all",
        invocationContext.getExecutable().getName());
  }

  @Override
  public void interceptAfterAllMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
      throws Throwable {
    timedClassPhase(invocation, context, "junit.after_all",
        invocationContext.getExecutable().getName());
  }

  // ---- tests ----

  @Override
  public void beforeEach(ExtensionContext context) {
    RunState run = RunState.of(context);
    if (!run.config().enabled() || isTestFactory(context)) {
      return;
    }
    TestState state = TestState.start(run, context, classState(context));
    context.getStore(RunState.NAMESPACE).put(TestState.KEY, state);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ownTestState(context)
        .ifPresent(state -> state.finish(context.getExecutionException().orElse(null)));
  }

  @Override
  public void interceptBeforeEachMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
      throws Throwable {
    timed(invocation, context, "junit.before_each", invocationContext.getExecutable().getName());
  }

  @Override
  public void interceptAfterEachMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
      throws Throwable {
    timed(invocation, context, "junit.after_each", invocationContext.getExecutable().getName());
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
      throws Throwable {
    timed(invocation, context, "junit.body", invocationContext.getExecutable().getName());
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
      throws Throwable {
    ownTestState(context).ifPresent(s -> s.arguments(invocationContext.getArguments()));
    timed(invocation, context, "junit.body", invocationContext.getExecutable().getName());
  }

  @Override
  public void interceptDynamicTest(Invocation<Void> invocation,
      DynamicTestInvocationContext invocationContext, ExtensionContext context) throws Throwable {
    RunState run = RunState.of(context);
    if (!run.config().enabled()) {
      invocation.proceed();
      return;
    }
    TestState state = TestState.start(run, context, classState(context));
    context.getStore(RunState.NAMESPACE).put(TestState.KEY, state);
    Phase phase = state.phase("junit.body", context.getDisplayName());
    try {
      invocation.proceed();
    } catch (Throwable t) {
      state.endPhase(phase, t);
      state.finish(t);
      throw t;
    }
    state.endPhase(phase, null);
    state.finish(null);
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    RunState run = RunState.of(context);
    if (!run.config().enabled()) {
      return;
    }
    TestState.start(run, context, classState(context)).skip(reason.orElse(null));
  }

  // ---- helpers ----

  private static void timed(Invocation<Void> invocation, ExtensionContext context, String op,
      String description) throws Throwable {
    Optional<TestState> state = ownTestState(context);
    if (state.isEmpty()) {
      invocation.proceed();
      return;
    }
    Phase phase = state.get().phase(op, description);
    try {
      invocation.proceed();
    } catch (Throwable t) {
      state.get().endPhase(phase, t);
      throw t;
    }
    state.get().endPhase(phase, null);
  }

  private static void timedClassPhase(Invocation<Void> invocation, ExtensionContext context, String op,
      String description) throws Throwable {
    Optional<ClassState> state = ownClassState(context);
    if (state.isEmpty()) {
      invocation.proceed();
      return;
    }
    Phase phase = state.get().phase(op, description);
    try {
      invocation.proceed();
    } catch (Throwable t) {
      phase.end(t);
      throw t;
    }
    phase.end(null);
  }

  private static boolean isTestFactory(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(TestFactory.class))
        .orElse(false);
  }

  /** The nearest class transaction at or above {@code context}. */
  private static Optional<ClassState> classState(ExtensionContext context) {
    if (context == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        context.getStore(RunState.NAMESPACE).get(ClassState.KEY, ClassState.class));
  }

  private static Optional<ClassState> ownClassState(ExtensionContext context) {
    return classState(context).filter(s -> s.context() == context);
  }

  private static Optional<TestState> ownTestState(ExtensionContext context) {
    return Optional.ofNullable(
            context.getStore(RunState.NAMESPACE).get(TestState.KEY, TestState.class))
        .filter(s -> s.context() == context);
  }
}
