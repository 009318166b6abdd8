package io.github.evals4j.config;

import io.github.evals4j.cost.PriceTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code evals4j.*} configuration key, in one place (like JUnit's {@code Constants}): its
 * name, type, default and one line of documentation. The extension reads its keys through these
 * constants, warns at the start of a run about any {@code evals4j.*} key (or {@code EVALS4J_*}
 * environment variable) that is not here, naming the closest one, and docs/configuration.md is
 * tested against this list both ways.
 *
 * <p>Names with placeholders describe key families: {@code <prompt id>} or {@code <model>} stand
 * for one non-empty segment chosen by the user, {@code [...]} for an optional part, and
 * {@code <target>} for {@code <prompt id>} or {@code <prompt id>@<version>}:
 *
 * <pre>{@code
 * evals4j.gate.[<target>.]min-pass-rate   matches  evals4j.gate.min-pass-rate
 *                                                  evals4j.gate.summarize.min-pass-rate
 *                                                  evals4j.gate.summarize@v2.min-pass-rate
 * }</pre>
 *
 * <pre>{@code
 * Optional<String> dir = context.getConfigurationParameter(ConfigKeys.REPORT_DIR.name());
 * ConfigKeys.closest("evals4j.sentry.sned");  // "evals4j.sentry.send"
 * }</pre>
 */
public final class ConfigKeys {

  /** The prefix of every key. */
  public static final String PREFIX = "evals4j.";
  /** The prefix of every environment variable read. */
  public static final String ENV_PREFIX = "EVALS4J_";

  /**
   * One key or key family.
   *
   * @param name the key, or its template with {@code <placeholder>} and {@code [optional]} parts
   * @param type what the value is ({@code boolean}, {@code integer}, {@code rate}, ...)
   * @param defaultValue the default as documented; {@code none} when unset means off
   * @param doc one line saying what the key does
   * @param env the environment variable that stands in for the key when it is unset, if any
   */
  public record Key(String name, String type, String defaultValue, String doc, Optional<String> env) {

    /** Whether {@code name} is a template rather than one key. */
    public boolean isFamily() {
      return name.indexOf('<') >= 0;
    }

    /** Whether {@code key} is this key or belongs to this family. */
    public boolean matches(String key) {
      if (!isFamily()) {
        return name.equals(key);
      }
      Template t = template();
      if (!key.startsWith(t.prefix) || !key.endsWith(t.suffix)
          || key.length() < t.prefix.length() + t.suffix.length()) {
        return false;
      }
      String middle = key.substring(t.prefix.length(), key.length() - t.suffix.length());
      // middle is "" (optional part left out) or "<segment>." (placeholder and its dot)
      if (middle.isEmpty()) {
        return t.optional;
      }
      return middle.length() > 1 && middle.endsWith(".");
    }

    /** The last literal segment of a family ({@code min-pass-rate}), or the whole name. */
    public String leaf() {
      return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf(']')) + 1);
    }

    private Template template() {
      // Every family has the shape <prefix>[<placeholder>.]<leaf> or <prefix><placeholder>.<leaf>.
      int open = name.indexOf('<');
      boolean optional = open > 0 && name.charAt(open - 1) == '[';
      String prefix = name.substring(0, optional ? open - 1 : open);
      return new Template(prefix, leaf(), optional);
    }
  }

  private record Template(String prefix, String suffix, boolean optional) {}

  private static final Map<String, Key> ALL = new LinkedHashMap<>();

  // Run and extension
  public static final Key ENABLED = key("evals4j.enabled", "boolean", "true",
      "false turns the extension off completely");
  public static final Key RUN_ID = key("evals4j.run-id", "text",
      "EVALS4J_RUN_ID, else from CI (github-<run id>-<attempt>...), else local-<uuid>",
      "groups all transactions (and CI shards) of a run", "EVALS4J_RUN_ID");
  public static final Key ENVIRONMENT_SOURCE = key("evals4j.environment", "choice", "system",
      "which environment variables the run reads: system, or none (no SENTRY_DSN, EVALS4J_*, CI"
          + " detection or GITHUB_STEP_SUMMARY: a suite that must not pick up the developer's or the"
          + " runner's settings)");
  public static final Key CONFIG_STRICT = key("evals4j.config.strict", "boolean", "false",
      "true: an unknown evals4j.* key or EVALS4J_* variable fails the run instead of a warning");
  public static final Key CONFIG_IGNORE = key("evals4j.config.ignore", "list", "none",
      "comma-separated keys (or prefixes ending in *) of your own that the unknown-key check skips");

  // Sentry
  public static final Key SENTRY_DSN = key("evals4j.sentry.dsn", "text",
      "EVALS4J_SENTRY_DSN, else SENTRY_DSN, else none (Sentry off)", "where test telemetry goes",
      "EVALS4J_SENTRY_DSN");
  public static final Key SENTRY_TRACE = key("evals4j.sentry.trace", "choice", "class",
      "test, class or run: how transactions are grouped into traces");
  public static final Key SENTRY_SEND = key("evals4j.sentry.send", "choice", "all",
      "all, errors-only or flaky-only: which tests are sent");
  public static final Key SENTRY_SAMPLE_RATE = key("evals4j.sentry.sample-rate", "number", "1.0",
      "share of passing tests sent (0 to 1)");
  public static final Key SENTRY_ALWAYS_REPORT = key("evals4j.sentry.always-report", "boolean",
      "false", "send everything, ignoring mode and sample rate");
  public static final Key SENTRY_ALWAYS_REPORT_BRANCHES = key(
      "evals4j.sentry.always-report-branches", "list", "(none)",
      "comma-separated branches (from CI) that always report");
  public static final Key SENTRY_SEND_SKIPPED = key("evals4j.sentry.send-skipped", "boolean",
      "false", "also send disabled tests, as cancelled");
  public static final Key SENTRY_FLUSH_TIMEOUT = key("evals4j.sentry.flush-timeout", "duration",
      "3s", "bound on the final flush (500ms, 3s, or milliseconds); when unset and the DSN's host is"
          + " localhost, 127.x or [::1] (e.g. Spotlight), 120 s");
  public static final Key SENTRY_QUEUE_SIZE = key("evals4j.sentry.queue-size", "integer", "20000",
      "envelopes held in memory before dropping (counted)");
  public static final Key SENTRY_SENDERS = key("evals4j.sentry.senders", "integer", "4",
      "parallel connections to Sentry");
  public static final Key SENTRY_QUEUE_FULL = key("evals4j.sentry.queue-full", "choice", "wait",
      "wait (the test's thread waits for room, at most queue-full-wait per test) or drop (counted)");
  public static final Key SENTRY_COMPRESSION = key("evals4j.sentry.compression", "choice", "auto",
      "auto (gzip, except to an endpoint on this machine), gzip or none");
  public static final Key SENTRY_QUEUE_FULL_WAIT = key("evals4j.sentry.queue-full-wait",
      "duration", "200ms", "longest a test waits for room in a full queue, then drops (counted)");
  public static final Key SENTRY_MAX_SPANS = key("evals4j.sentry.max-spans", "integer", "200",
      "spans per test (more are counted, not sent)");
  public static final Key SENTRY_MAX_VALUE_LENGTH = key("evals4j.sentry.max-value-length",
      "integer", "200", "truncation of display names, arguments, messages, data");
  public static final Key SENTRY_LINK_APP_EVENTS = key("evals4j.sentry.link-app-events",
      "boolean", "true", "put the application's own Sentry events in the test's trace");
  public static final Key SENTRY_RELEASE = key("evals4j.sentry.release", "text",
      "SENTRY_RELEASE, else sentry.properties, else the CI commit SHA",
      "release of every transaction");
  public static final Key SENTRY_ENVIRONMENT = key("evals4j.sentry.environment", "text",
      "SENTRY_ENVIRONMENT, else sentry.properties, else ci or local",
      "environment of every transaction");
  public static final Key SENTRY_REPORT = key("evals4j.sentry.report", "boolean", "true",
      "send the run report event and transaction (when a DSN is set)");
  public static final Key SENTRY_MONITOR_SLUG = key("evals4j.sentry.monitor-slug", "text", "none",
      "Sentry Crons monitor to check in to");
  public static final Key SENTRY_MAX_ATTACHMENT_SIZE = key("evals4j.sentry.max-attachment-size",
      "integer", "SDK's (20 MiB)", "cut attachments above this many bytes");
  public static final Key SENTRY_SCRUB = key("evals4j.sentry.scrub", "boolean", "true",
      "scrub e-mails, tokens and keys from text sent to Sentry");
  public static final Key SENTRY_SEND_TEXT = key("evals4j.sentry.send-text", "boolean", "true",
      "false: send no LLM-derived text to Sentry");
  public static final Key SENTRY_SEND_MESSAGES = key("evals4j.sentry.send-messages", "boolean",
      "false", "true: send the messages of LLM calls (gen_ai.input/output.messages), scrubbed");
  public static final Key SENTRY_MAX_TEXT_LENGTH = key("evals4j.sentry.max-text-length", "integer",
      "1000", "longest text value sent");

  // Reports
  public static final Key REPORT_ENABLED = key("evals4j.report.enabled", "boolean", "true",
      "aggregate and write the reports");
  public static final Key REPORT_DIR = key("evals4j.report.dir", "path", "target/evals4j",
      "where report.json/.md/.html go (relative to the working directory)");
  public static final Key REPORT_CONSOLE = key("evals4j.report.console", "boolean", "true",
      "print the table and gate lines at the end of the run");
  public static final Key REPORT_STEP_SUMMARY = key("evals4j.report.step-summary", "boolean",
      "true", "append report.md (always scrubbed of secrets) to $GITHUB_STEP_SUMMARY when set");
  public static final Key REPORT_SCRUB = key("evals4j.report.scrub", "boolean", "false",
      "scrub secrets and e-mail addresses from the local report.json/.md/.html too (they keep the"
          + " run's text by default; the step summary, console and Sentry are always scrubbed)");
  public static final Key REPORT_MAX_EXAMPLES = key("evals4j.report.max-examples", "integer", "10",
      "failing examples kept per prompt version");
  public static final Key BASELINE = key("evals4j.baseline", "path", "none",
      "a baseline report.json for per-case regressions and the no-regression gate");
  public static final Key CHECKS_INFORMATIONAL = key("evals4j.checks.informational", "list",
      "none", "comma-separated check names that never fail a run");
  public static final Key REPEATS = key("evals4j.repeats", "integer", "1",
      "runs per case of every @DatasetSource without repeats");
  public static final Key DATASET_MAX_BYTES = key("evals4j.dataset.max-bytes", "integer", "33554432",
      "largest dataset file read, in bytes (a @DatasetSource's maxBytes wins)");
  public static final Key PRICE_FILE = key(PriceTable.PRICE_FILE, "path", "none",
      "a price CSV overriding the bundled prices (columns model,provider,input,cached_input,output"
          + "[,cache_write,cache_write_1h])");
  public static final Key PRICE_INPUT = key(PriceTable.PRICE_PREFIX + "<model>.input", "number",
      "bundled", "USD per million input tokens (overrides or adds a model)");
  public static final Key PRICE_OUTPUT = key(PriceTable.PRICE_PREFIX + "<model>.output", "number",
      "bundled",
      "USD per million output tokens (a new model needs input and output)");
  public static final Key PRICE_CACHED_INPUT = key(PriceTable.PRICE_PREFIX + "<model>.cached-input",
      "number", "bundled", "USD per million cached input tokens");
  public static final Key PRICE_CACHE_WRITE = key(PriceTable.PRICE_PREFIX + "<model>.cache-write",
      "number", "bundled", "USD per million input tokens written to a 5-minute prompt cache");
  public static final Key PRICE_CACHE_WRITE_1H = key(PriceTable.PRICE_PREFIX + "<model>.cache-write-1h",
      "number", "bundled", "USD per million input tokens written to a 1-hour prompt cache");
  public static final Key PRICE_PROVIDER = key(PriceTable.PRICE_PREFIX + "<model>.provider",
      "text", "custom", "the provider named in reports for a model added by keys");

  // Gates: evals4j.gate.[<target>.]<metric>
  /** The prefix of every gate key. */
  public static final String GATE_PREFIX = "evals4j.gate.";
  public static final Key GATE_MIN_PASS_RATE = gate("min-pass-rate", "rate", "0.90",
      "fails when the pass rate is below it");
  public static final Key GATE_PASS_RATE_ON_LOWER_BOUND = gate("pass-rate-on-lower-bound",
      "boolean", "false", "true: min-pass-rate judges the lower bound of the 95 % Wilson interval instead of the"
          + " pass rate");
  public static final Key GATE_MAX_HALLUCINATION_RATE = gate("max-hallucination-rate", "rate",
      "0.05", "fails when the hallucination rate is above it");
  public static final Key GATE_MAX_COST_PER_CASE = gate("max-cost-per-case", "number", "off",
      "fails when the application cost per case is above it (USD)");
  public static final Key GATE_MAX_COST_PER_RUN = gate("max-cost-per-run", "number", "0.10",
      "fails when the application cost of the prompt version in the run is above it"
          + " (USD)");
  public static final Key GATE_MAX_P95_LATENCY_MS = gate("max-p95-latency-ms", "number", "off",
      "fails when the p95 LLM call latency is above it (ms)");
  public static final Key GATE_MIN_QUALITY_SCORE = gate("min-quality-score", "score", "off",
      "fails when the quality score is below it: each rubric's mean on its own scale (7, or 7/10"
          + " naming the scale), else the mean 0..1 score");
  public static final Key GATE_MIN_JUDGE_AGREEMENT = gate("min-judge-agreement", "number", "off",
      "fails when Cohen's kappa of a rubric's calibration against human labels is below it (each"
          + " rubric)");
  public static final Key GATE_JUDGE_ERRORS = gate("judge-errors", "text", "unknown",
      "unknown: a case with judge errors only is left out and the quality gate line counts it;"
          + " fail: any judge error fails the quality gate");
  public static final Key GATE_NO_REGRESSION = gate("no-regression", "boolean", "true",
      "with a baseline, fails when a case regressed or the pass rate is significantly lower");
  public static final Key GATE_SCORE_DROP_MARGIN = gate("score-drop-margin", "number", "0.2",
      "a per-case quality score drop above it counts as a regression");
  public static final Key GATE_FAIL_ON_UNKNOWN = gate("fail-on-unknown", "boolean", "false",
      "true: an unknown value (e.g. an unpriced model's cost) fails its gate; false: it is"
          + " reported as unknown");
  public static final Key GATE_MIN_CASE_PASS_RATE = gate("min-case-pass-rate", "rate", "off",
      "fails when a case's pass rate across its repeats is below it (one failed gate per"
          + " case)");

  // Prompt versions
  /** The prefix of the per-prompt keys. */
  public static final String PROMPT_PREFIX = "evals4j.prompt.";
  public static final Key PROMPT_REFERENCE = key(PROMPT_PREFIX + "<prompt id>.reference", "text",
      "none", "the version kept to compare against: compared, never gated");

  // Early stopping and budgets
  public static final Key EARLY_STOP = key("evals4j.early-stop", "boolean", "false",
      "skip a prompt version's rest once its min-pass-rate verdict is settled");
  /** The prefix of the budget keys. */
  public static final String BUDGET_PREFIX = "evals4j.budget.";
  public static final Key BUDGET_MAX_COST_USD = key(BUDGET_PREFIX + "[<prompt id>.]max-cost-usd",
      "number", "none", "skip a prompt version's rest once its calls cost this much");
  public static final Key BUDGET_MAX_DURATION = key(BUDGET_PREFIX + "[<prompt id>.]max-duration",
      "duration", "none", "skip a prompt version's rest after this long (90s, 10m, PT1H)");

  // Replay
  public static final Key REPLAY_MODE = key("evals4j.replay.mode", "choice", "replay",
      "replay, record, auto or fresh; copied to the system property of the same name when that is"
          + " unset", "EVALS4J_REPLAY_MODE"); // ReplayMode.PROPERTY/ENV in llm-calls (ReplayKeyTest)

  // Judge (read by OpenAiJudge.fromEnvironment() in evals4j-judge: system property, else variable)
  public static final Key JUDGE_BASE_URL = key("evals4j.judge.base-url", "url", "none",
      "API root of the OpenAI-compatible judge; /chat/completions is appended (required by"
          + " OpenAiJudge.fromEnvironment())", "EVALS4J_JUDGE_BASE_URL");
  public static final Key JUDGE_API_KEY = key("evals4j.judge.api-key", "text", "none",
      "bearer token of the judge; unset for a local model", "EVALS4J_JUDGE_API_KEY");
  public static final Key JUDGE_MODEL = key("evals4j.judge.model", "text", "none",
      "the judge model (required by OpenAiJudge.fromEnvironment())", "EVALS4J_JUDGE_MODEL");

  private ConfigKeys() {}

  private static Key key(String name, String type, String dflt, String doc) {
    return key(name, type, dflt, doc, null);
  }

  private static Key key(String name, String type, String dflt, String doc, String env) {
    Key k = new Key(name, type, dflt, doc, Optional.ofNullable(env));
    if (ALL.put(name, k) != null) {
      throw new IllegalStateException("duplicate key " + name);
    }
    return k;
  }

  private static Key gate(String metric, String type, String dflt, String doc) {
    return key(GATE_PREFIX + "[<target>.]" + metric, type, dflt, doc);
  }

  /** Every key and key family, in documentation order. */
  public static List<Key> all() {
    return List.copyOf(ALL.values());
  }

  /** The gate metrics ({@code min-pass-rate}, ...), in documentation order. */
  public static List<String> gateMetrics() {
    List<String> out = new ArrayList<>();
    for (Key k : ALL.values()) {
      if (k.name().startsWith(GATE_PREFIX)) {
        out.add(k.leaf());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The registered key or family {@code key} belongs to. */
  public static Optional<Key> find(String key) {
    Key exact = ALL.get(key);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Key k : ALL.values()) {
      if (k.isFamily() && k.matches(key)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code name} is an environment variable that evals4j reads. */
  public static boolean isKnownEnv(String name) {
    return ALL.values().stream().anyMatch(k -> k.env().filter(name::equals).isPresent());
  }

  /**
   * The known key closest to {@code unknown} (edit distance), spelled out for a family with the
   * user's own segment kept: {@code evals4j.gate.summarize.min-pass-rat} gives
   * {@code evals4j.gate.summarize.min-pass-rate}.
   */
  public static String closest(String unknown) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Key k : ALL.values()) {
      String candidate = k.isFamily() ? spelledOut(k, unknown) : k.name();
      int d = distance(unknown, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best;
  }

  /** The environment variable closest to {@code unknown}. */
  public static String closestEnv(String unknown) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Key k : ALL.values()) {
      if (k.env().isPresent()) {
        int d = distance(unknown, k.env().get());
        if (d < bestDistance) {
          bestDistance = d;
          best = k.env().get();
        }
      }
    }
    return best;
  }

  /** The closest gate metric to {@code metric}. */
  public static String closestGateMetric(String metric) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String m : gateMetrics()) {
      int d = distance(metric.toLowerCase(Locale.ROOT), m);
      if (d < bestDistance) {
        bestDistance = d;
        best = m;
      }
    }
    return best;
  }

  /** {@code family} instantiated with the user's segment of {@code key}, when it has the prefix. */
  private static String spelledOut(Key family, String key) {
    Template t = family.template();
    if (!key.startsWith(t.prefix)) {
      return family.name();
    }
    String rest = key.substring(t.prefix.length());
    int dot = rest.lastIndexOf('.');
    String segment = dot < 0 ? "" : rest.substring(0, dot + 1);
    if (segment.isEmpty() && !t.optional) {
      return family.name();
    }
    return t.prefix + segment + t.suffix;
  }

  /** Longest input compared: keys are short; the bound keeps the check linear in the input. */
  private static final int MAX_COMPARED = 200;

  /** Levenshtein distance of the first {@value #MAX_COMPARED} characters (two rows). */
  static int distance(String a, String b) {
    String s = a.length() > MAX_COMPARED ? a.substring(0, MAX_COMPARED) : a;
    String t = b.length() > MAX_COMPARED ? b.substring(0, MAX_COMPARED) : b;
    int[] prev = new int[t.length() + 1];
    int[] cur = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[t.length()];
  }
}
