package io.github.evals4j.junit;

import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Where a test invocation's checks and calls belong: the prompt from {@link Prompt @Prompt} (method,
 * then class and its enclosing classes) or a {@link PromptRef} argument, the case from an
 * {@link EvalCase} argument, else the other arguments' string forms, else the test's stable name
 * (plain and repeated tests) or its display name (dynamic tests).
 *
 * <p>The repeat index is counted per test, prompt version and case within the run (launcher
 * session): the n-th invocation of the same case is repeat n-1, whether it comes from
 * {@code @RepeatedTest}, {@code @DatasetSource(repeats = n)} or anything else.
 */
final class Attributions {

  private static final int MAX_CASE_ID = 200;

  private Attributions() {}

  /** The attribution known when the invocation starts. */
  static Attribution initial(ExtensionContext context, TestIdentity id) {
    PromptRef prompt = promptOf(context).orElse(new PromptRef(null, null, null));
    // Repetitions and retry attempts run the same case: its repeats in the report.
    boolean sameCase = id.invocation().isEmpty() || id.retrying()
        || context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, RepeatedTest.class))
            .orElse(false);
    String caseId = sameCase ? id.name() : context.getDisplayName();
    return Attribution.of(prompt, caseId);
  }

  /** {@code current} with the case of an {@link EvalCase} argument and the prompt of a {@link PromptRef} one. */
  static Attribution withArguments(Attribution current, List<Object> arguments) {
    Attribution result = current;
    boolean caseFound = false;
    List<String> others = new java.util.ArrayList<>();
    for (Object a : arguments) {
      if (a instanceof EvalCase c) {
        result = new Attribution(result.prompt(), c.id(), 0);
        caseFound = true;
      } else if (a instanceof PromptRef p) {
        result = new Attribution(p, result.caseId(), 0);
      } else {
        others.add(Truncation.describe(a, MAX_CASE_ID));
      }
    }
    if (!caseFound && !others.isEmpty()) {
      // The other arguments, not the display name: "[3] v2, refund" would differ per version and
      // per invocation index, and versions must pair on the same case.
      result = new Attribution(result.prompt(),
          Truncation.truncate(String.join(", ", others), MAX_CASE_ID), 0);
    }
    return result;
  }

  /** {@code current} with its repeat index: how often this test ran this case of this prompt before. */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: 5.x and 6.x alike
  static Attribution withRepeat(ExtensionContext context, String testName, Attribution current) {
    RepeatCounter counter = context.getStore(StoreScope.LAUNCHER_SESSION, RunState.NAMESPACE)
        .getOrComputeIfAbsent(RepeatCounter.class, k -> new RepeatCounter(), RepeatCounter.class);
    return new Attribution(current.prompt(), current.caseId(),
        counter.next(testName + "\u0000" + current.prompt().label() + "\u0000" + current.caseId()));
  }

  /** The nearest {@code @Prompt}; the gates of every one found are declared on the way. */
  private static Optional<PromptRef> promptOf(ExtensionContext context) {
    Optional<Prompt> found = AnnotationSupport.findAnnotation(context.getTestMethod(), Prompt.class);
    found.ifPresent(p -> declare(context, p, context.getTestMethod()
        .map(m -> m.getDeclaringClass().getName() + "." + m.getName()).orElse("?")));
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      Optional<Prompt> onClass = AnnotationSupport.findAnnotation(c, Prompt.class);
      if (onClass.isPresent()) {
        declare(context, onClass.get(), c.getName());
        if (found.isEmpty()) {
          found = onClass;
        }
      }
    }
    return found.map(p -> new PromptRef(p.id(), p.version(), p.model()));
  }

  private static void declare(ExtensionContext context, Prompt prompt, String where) {
    if (prompt.gates().length > 0 || prompt.reference()) {
      AnnotatedGates.of(context).declare(prompt, where);
    }
  }

  /** Invocations per test, prompt and case in this run. */
  static final class RepeatCounter {
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    int next(String key) {
      return counts.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
    }
  }
}
