package io.github.evals4j.report;

/**
 * The names under which evals4j's numbers and facts reach Sentry, in one place: the code that
 * sends them and the alert rules and dashboard widgets that query them (the
 * {@code sentry-provision} command) use these constants, so a rename cannot leave a rule
 * watching a field that is no longer sent.
 *
 * <p>In Sentry's span search (the dataset of alerts and dashboards), a transaction tag or the
 * data of a span is an attribute of that span; a number is queried as
 * {@code tags[<name>,number]} ({@link #number(String)}).
 *
 * <pre>{@code
 * span.setData(SentryFields.PASS_RATE, stats.passRate());               // sending
 * "avg(" + SentryFields.number(SentryFields.PASS_RATE) + ")"           // querying
 * }</pre>
 */
public final class SentryFields {

  // ---- span operations ----

  /** Operation of one test invocation's transaction. */
  public static final String OP_TEST = "junit.test";
  /** Operation of the run transaction. */
  public static final String OP_RUN = "evals4j.run";
  /** Operation of the run transaction's child span per prompt version. */
  public static final String OP_PROMPT = "evals4j.prompt";
  /** Prefix of the operation of an LLM call span ({@code gen_ai.chat}, ...). */
  public static final String OP_GEN_AI_PREFIX = "gen_ai.";

  // ---- tags of test transactions (and data of LLM call and prompt spans) ----

  /** The prompt id a test, LLM call or prompt span is attributed to. */
  public static final String PROMPT_ID = "prompt.id";
  /** The prompt version a test, LLM call or prompt span is attributed to. */
  public static final String PROMPT_VERSION = "prompt.version";
  /** The model the prompt version asks for. */
  public static final String MODEL = "gen_ai.request.model";
  /** The dataset case of a test invocation. */
  public static final String CASE = "eval.case";
  /** {@code pass}, {@code fail} or {@code skip}: the test's outcome. */
  public static final String TEST_STATUS = "test.status";
  /** {@code true} on the passing attempt of a flaky test. */
  public static final String TEST_FLAKY = "test.flaky";
  /** The run id, shared by the CI shards of one run. */
  public static final String RUN_ID = "evals4j.run_id";

  // ---- data of the per-prompt-version span (op evals4j.prompt) ----

  /** Share of the version's runs (case × repeat) that passed, 0 to 1. */
  public static final String PASS_RATE = "evals4j.pass_rate";
  /** Runs of the version. */
  public static final String RUNS = "evals4j.runs";
  /** Share of grounded runs whose grounding check failed, 0 to 1 (when a grounding check ran). */
  public static final String HALLUCINATION_RATE = "evals4j.hallucination_rate";
  /** Application cost of the version in USD (when every call was priced). */
  public static final String COST_USD = "evals4j.cost_usd";
  /** Application cost per case in USD (when every call was priced). */
  public static final String COST_PER_CASE_USD = "evals4j.cost_per_case_usd";
  /** Cost of the judge (LLM-as-judge) calls in USD (when there were judge calls, all priced). */
  public static final String JUDGE_COST_USD = "evals4j.judge_cost_usd";
  /** 95th percentile of the version's LLM call latency, in milliseconds. */
  public static final String LATENCY_P95_MS = "evals4j.latency_p95_ms";
  /**
   * Model-graded quality score, on a ten-point scale (a rubric's score × 10 / the top of its
   * scale: unchanged on the default 1–10 scale; the mean when there are several rubrics). Sent
   * when rubrics (evals4j-judge) are used: as data of the per-prompt-version span (op
   * {@value #OP_PROMPT}), and on each test transaction whose test graded a rubric as a
   * measurement, a number in the transaction's data and a searchable tag ({@link #qualityTag});
   * also as a measurement and tag of the run transaction. Each rubric's own mean, on its own
   * scale, is data {@code eval.quality_score.<rubric>} of the per-prompt-version span.
   */
  public static final String QUALITY_SCORE = "eval.quality_score";
  /** Judge errors (unknown verdicts) of a test's rubrics, data of its transaction. */
  public static final String JUDGE_ERRORS = "eval.judge_errors";

  private SentryFields() {}

  /** The tag value of a quality score: one decimal ({@code "7.5"}), so that tag search finds it. */
  public static String qualityTag(double score) {
    return String.format(java.util.Locale.ROOT, "%.1f", score);
  }

  /** A numeric attribute as Sentry's span search names it: {@code tags[name,number]}. */
  public static String number(String name) {
    return "tags[" + name + ",number]";
  }
}
