package io.github.evals4j.junit.prompt;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Attributes every check result and LLM call of the annotated tests to a prompt version, so that
 * the run's report, gates and comparisons are per prompt id × version × model.
 *
 * <p>On a test method, a test class (inherited by subclasses and {@code @Nested} classes) or a
 * meta-annotation; the method's wins over the class's. A test can change it at run time with
 * {@link Prompts#use(String, String, String)}, and a {@code @ParameterizedTest} argument of type
 * {@link io.github.evals4j.prompt.PromptRef} sets it per invocation: one test method can then run
 * v1 and v2 (and several models) over the same cases.
 *
 * <pre>{@code
 * @Prompt(id = "summarize", version = "v2", model = "gpt-4o-mini")
 * class SummarizeEvalTest {
 *   @ParameterizedTest
 *   @DatasetSource("datasets/summaries.jsonl")
 *   void is_grounded(EvalCase c) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Prompt {

  /** The prompt's stable id, e.g. {@code "summarize"}: gates and baselines key on it. */
  String id();

  /** The prompt's version, e.g. {@code "v2"}. */
  String version();

  /** The model that runs it, e.g. {@code "gpt-4o-mini"}; empty when not known up front. */
  String model() default "";

  /**
   * Gate thresholds of this prompt version (this id and {@link #version()} only), as
   * {@code metric=value} with the metrics of {@code evals4j.gate.<prompt id>@<version>.<metric>}
   * (e.g. {@code "min-pass-rate=0.95"}, {@code "max-cost-per-case=0.002"}); such a configuration
   * parameter, when set, wins. An unknown metric fails the annotated tests, naming the closest.
   */
  String[] gates() default {};

  /**
   * Marks this version as the prompt id's reference: the version a team keeps to compare the
   * candidate against. It runs, is reported and compared, but never gated (it is expected to be
   * weaker); same as {@code evals4j.prompt.<prompt id>.reference=<version>}.
   *
   * <pre>{@code
   * @Prompt(id = "summarize", version = "v1", reference = true)            // compared, not gated
   * @Prompt(id = "summarize", version = "v2", gates = "min-pass-rate=0.9") // gated
   * }</pre>
   */
  boolean reference() default false;
}
