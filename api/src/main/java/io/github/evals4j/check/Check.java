package io.github.evals4j.check;

import java.util.Objects;

/**
 * A deterministic evaluation of one LLM output. Implement it for your own checks (including an
 * LLM-as-judge); the built-in ones are in {@link Checks}.
 *
 * <p>{@link #evaluate(String)} never throws for bad output: a {@code null}, empty or malformed
 * output is a failed {@link CheckResult} with a message that says so. Implementations should be
 * thread-safe and linear in the size of the output.
 *
 * <pre>{@code
 * Check mentionsPrice = Check.of("mentions-price", out ->
 *     CheckResult.of("mentions-price", out != null && out.contains("$"), List.of(), "needs a price"));
 * }</pre>
 */
@FunctionalInterface
public interface Check {

  /** Evaluates {@code output} (possibly {@code null}) and returns the result; never throws. */
  CheckResult evaluate(String output);

  /** A check's stable name, used in reports; by default the simple class name. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** A named check from a function. */
  static Check of(String name, java.util.function.Function<String, CheckResult> evaluation) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(evaluation, "evaluation");
    return new Check() {
      @Override
      public CheckResult evaluate(String output) {
        return evaluation.apply(output);
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
