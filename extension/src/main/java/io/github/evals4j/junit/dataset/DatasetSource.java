package io.github.evals4j.junit.dataset;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Feeds a {@code @ParameterizedTest} with the cases of one or more dataset files (JSONL, JSON, CSV
 * or YAML; see {@link io.github.evals4j.dataset.Datasets}), one invocation per case, each named by
 * its case id. The test method's first parameter receives the {@link
 * io.github.evals4j.dataset.EvalCase}; the evals4j extension attributes the invocation's checks and
 * LLM calls to that case id.
 *
 * <pre>{@code
 * @ParameterizedTest(name = "{0}")
 * @DatasetSource("datasets/log-analysis.jsonl")
 * void summary_is_grounded(EvalCase c) {
 *   String summary = analyzer.summarize(c.input("log"));
 *   assertThat(summary).isGroundedIn(Sources.of(c.sources()));
 * }
 * }</pre>
 *
 * <p>A malformed file fails the test with one line: the file, the line (and column where known) of
 * the bad case and what is wrong. A file larger than {@link #maxBytes()} is refused.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(DatasetArgumentsProvider.class)
public @interface DatasetSource {

  /** Classpath resources of the datasets, e.g. {@code "datasets/cases.jsonl"}. */
  String[] value() default {};

  /** Files of the datasets, relative to the working directory (the module, under Maven). */
  String[] files() default {};

  /** Only the cases with these ids (all cases when empty). */
  String[] ids() default {};

  /** At most this many cases per dataset, in file order ({@code 0}: all). */
  int limit() default 0;

  /**
   * How many times each case runs ({@code 0}: the configuration parameter {@code evals4j.repeats},
   * default 1). The runs of one case are its repeats in the report: per-case pass rate, pass@k,
   * pass^k and unstable cases.
   */
  int repeats() default 0;

  /**
   * The largest dataset file read, in bytes ({@code 0}: the configuration parameter {@code
   * evals4j.dataset.max-bytes}, default {@value io.github.evals4j.dataset.Datasets#DEFAULT_MAX_BYTES},
   * 32 MiB). Longer strings than the file cannot exist, so this bounds them too.
   */
  long maxBytes() default 0;
}
