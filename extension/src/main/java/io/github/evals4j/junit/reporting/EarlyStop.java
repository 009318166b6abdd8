package io.github.evals4j.junit.reporting;

import io.github.evals4j.junit.Evals4jExtension;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.prompt.PromptRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips the remaining invocations of a prompt version whose verdict no longer depends on them:
 * its {@code min-pass-rate} gate is settled at 99.9 % ({@code evals4j.early-stop=true}; see
 * {@link io.github.evals4j.stats.EarlyStopping}) or its {@code evals4j.budget.[<id>.]max-cost-usd}
 * or {@code max-duration} is spent. Registered by {@link io.github.evals4j.junit.Evals4j @Evals4j}
 * and by auto-detection; decides for tests whose prompt comes from {@link Prompt @Prompt}
 * (a prompt set at run time is only known once the test runs). Every skipped invocation is shown
 * by JUnit with its reason and counted in the run report.
 *
 * <pre>{@code
 * # junit-platform.properties
 * evals4j.early-stop=true
 * evals4j.gate.summarize.min-pass-rate=0.9
 * evals4j.budget.max-cost-usd=0.10
 * }</pre>
 */
public final class EarlyStop implements ExecutionCondition {

  private static final Set<String> LEAVES =
      Set.of("method", "test-template-invocation");
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EarlyStop.class);
  /** The run's namespace and key in the launcher session's store (RunState's, same values). */
  private static final ExtensionContext.Namespace RUN_NAMESPACE =
      ExtensionContext.Namespace.create(Evals4jExtension.class);
  private static final String RUN_COLLECTORS_KEY = "run-collectors";

  /** Created by JUnit. */
  public EarlyStop() {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<LiveRuns> live = liveRuns(context);
    if (live.isEmpty() || context.getTestMethod().isEmpty() || !isLeaf(context)) {
      return ConditionEvaluationResult.enabled("no early stop");
    }
    Optional<PromptRef> prompt = promptOf(context);
    if (prompt.isEmpty()) {
      return ConditionEvaluationResult.enabled("no @Prompt");
    }
    Optional<String> reason = live.get().stopReason(prompt.get());
    if (reason.isEmpty()) {
      return ConditionEvaluationResult.enabled("not settled, budget left");
    }
    // Registered twice (annotation and auto-detection), the condition runs twice: count once.
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get("counted") == null) {
      store.put("counted", Boolean.TRUE);
      live.get().skipped(prompt.get());
    }
    return ConditionEvaluationResult.disabled(prompt.get().label() + ": " + reason.get());
  }

  /**
   * The live counts of this launcher session's run: held by its {@link ReportCollector}, which the
   * extension keeps in the session's store with the run's other collectors ({@code RunState}).
   */
  @SuppressWarnings("rawtypes")
  private static Optional<LiveRuns> liveRuns(ExtensionContext context) {
    List collectors = context.getStore(StoreScope.LAUNCHER_SESSION, RUN_NAMESPACE)
        .get(RUN_COLLECTORS_KEY, List.class);
    if (collectors == null) {
      return Optional.empty();
    }
    for (Object c : collectors) {
      if (c instanceof ReportCollector report) {
        return report.live();
      }
    }
    return Optional.empty();
  }

  /** A plain test or one invocation of a template, from the last unique-id segment, unparsed. */
  private static boolean isLeaf(ExtensionContext context) {
    String id = context.getUniqueId();
    int last = id.lastIndexOf("/[");
    String segment = last < 0 ? id : id.substring(last + 2);
    int colon = segment.indexOf(':');
    return colon > 0 && LEAVES.contains(segment.substring(0, colon));
  }

  /** The nearest {@code @Prompt}: the method's, else its class's or an enclosing class's. */
  private static Optional<PromptRef> promptOf(ExtensionContext context) {
    Optional<Prompt> found = AnnotationSupport.findAnnotation(context.getTestMethod(), Prompt.class);
    for (Class<?> c = context.getTestClass().orElse(null); found.isEmpty() && c != null;
        c = c.getEnclosingClass()) {
      found = AnnotationSupport.findAnnotation(c, Prompt.class);
    }
    return found.map(p -> new PromptRef(p.id(), p.version(), p.model()));
  }
}
