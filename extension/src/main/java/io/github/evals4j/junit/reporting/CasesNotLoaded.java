package io.github.evals4j.junit.reporting;

import io.github.evals4j.junit.dataset.DatasetSource;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.DatasetFailure;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Tells the run report about a test whose cases could not be loaded: a {@code @ParameterizedTest}
 * (or other test template) that failed as a whole, before or instead of its invocations, because
 * its {@link DatasetSource @DatasetSource} file is malformed or missing or selects no case. JUnit
 * reports such a failure on the template, where no extension callback sees it; without this, the
 * prompt version simply had fewer cases and could pass its gates. Counted for tests with a
 * {@link Prompt @Prompt} (method, class or enclosing class) or a {@code @DatasetSource}.
 *
 * <p>Registered through {@code META-INF/services} as a JUnit Platform
 * {@link TestExecutionListener}; users do not reference it.
 */
public final class CasesNotLoaded implements TestExecutionListener {

  /** Created by the JUnit launcher. */
  public CasesNotLoaded() {}

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (!id.isContainer() || result.getStatus() != TestExecutionResult.Status.FAILED) {
      return;
    }
    Optional<DatasetFailures> sink = DatasetFailures.current();
    Optional<MethodSource> source = id.getSource()
        .filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
    if (sink.isEmpty() || source.isEmpty()) {
      return;
    }
    Method method;
    try {
      method = source.get().getJavaMethod();
    } catch (RuntimeException | LinkageError e) {
      return; // not loadable here: not ours to report
    }
    Optional<Prompt> prompt = AnnotationSupport.findAnnotation(method, Prompt.class);
    for (Class<?> c = source.get().getJavaClass(); prompt.isEmpty() && c != null; c = c.getEnclosingClass()) {
      prompt = AnnotationSupport.findAnnotation(c, Prompt.class);
    }
    if (prompt.isEmpty() && !AnnotationSupport.isAnnotated(method, DatasetSource.class)) {
      return;
    }
    String message = result.getThrowable()
        .map(t -> t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getName() : t.getMessage())
        .orElse("failed");
    sink.get().add(new DatasetFailure(
        prompt.map(p -> new PromptRef(p.id(), p.version(), p.model())).orElse(new PromptRef(null, null, null)),
        name(source.get().getJavaClass(), method), message));
  }

  /** {@code Outer.Nested.method}, the test's stable name in reports and Sentry. */
  private static String name(Class<?> type, Method method) {
    Deque<String> names = new ArrayDeque<>();
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      names.addFirst(c.getSimpleName());
    }
    return String.join(".", names) + "." + method.getName();
  }
}
