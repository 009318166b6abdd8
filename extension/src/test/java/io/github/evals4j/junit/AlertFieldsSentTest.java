package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.evals4j.alerts.ProvisionCommand;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.junit.dataset.DatasetSource;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.junit.prompt.Prompts;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.report.SentryFields;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junitpioneer.jupiter.RetryingTest;

/**
 * Every field an alert rule or a dashboard widget of {@code sentry-provision} queries is in
 * what the extension really sends: fixture tests with prompts, checks, LLM and judge calls, a
 * failure and a flaky test run through the Launcher into a local Sentry endpoint; the rules and
 * widgets come from the command's own dry-run output. A field of a query on spans of op X must
 * be a tag or data key of a captured transaction or span of op X. Fields sent by features that
 * do not exist yet are listed as pending, with the reason, and fail the test once they arrive.
 */
class AlertFieldsSentTest {

  /** Queried, not sent yet: field and why (none: the quality score arrived with the rubrics). */
  private static final Map<String, String> PENDING = Map.of();
  /** Computed by Sentry from every span (operation, name, timing, environment). */
  private static final Set<String> BUILT_IN = Set.of("span.op", "span.duration", "transaction",
      "environment", "is_transaction");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());

  @TempDir
  Path dir;

  /** Grounded summaries with judge calls; c3 hallucinates, c4 fails the test. */
  @Evals4j
  @Prompt(id = "summarize", version = "v1", model = "gpt-4o-mini")
  static class Evaluated {
    static final AtomicInteger FLAKY = new AtomicInteger();

    @ParameterizedTest
    @DatasetSource("datasets/summaries.jsonl")
    void summary(EvalCase c) {
      Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini").inputTokens(1000)
          .outputTokens(200).latency(Duration.ofMillis(300)).build());
      Prompts.judgeCall(LlmCall.builder("openai", "gpt-4o").inputTokens(900).outputTokens(40)
          .latency(Duration.ofMillis(500)).build());
      // a rubric's verdict, as evals4j-judge's RubricCheck returns it (score on its 1-10 scale)
      double quality = c.id().equals("c3") ? 4 : 8;
      Recording.check(new CheckResult("helpfulness", quality >= 7, quality, 7,
          io.github.evals4j.check.Direction.AT_LEAST,
          List.of(io.github.evals4j.aggregate.QualityEvidence.scale(1, 10)), "helpfulness"));
      boolean grounded = !c.id().equals("c3");
      Checks.evaluate(Check.of("grounding", out -> CheckResult.of("grounding", grounded,
          List.of(), grounded ? "" : "unsupported claim")), "Summary: " + c.input("text"));
      if (c.id().equals("c4")) {
        throw new AssertionError("c4 broke");
      }
    }

    @RetryingTest(2)
    void flaky() {
      if (FLAKY.incrementAndGet() == 1) {
        throw new AssertionError("first attempt fails");
      }
    }
  }

  @Test
  void should_send_every_field_that_a_rule_or_widget_queries(TestReporter reporter)
      throws Exception {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr ignored = StdErr.capture()) {
      // GIVEN what the extension sends for a prompt-attributed run
      Evaluated.FLAKY.set(0);
      try (LauncherSession session = LauncherFactory.openSession()) {
        session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY,
            Map.of("EVALS4J_SENTRY_DSN", sentry.dsn()));
        session.getLauncher().execute(request().selectors(selectClass(Evaluated.class))
            .configurationParameter("evals4j.report.dir", dir.toString())
            .configurationParameter(Config.RUN_ID, "run-1")
            .configurationParameter(Config.FLUSH_TIMEOUT, "10s").build());
      }
      Map<String, List<JsonNode>> byOp = carriers(sentry.transactions());
      // the case transactions carry the quality score as a measurement and a searchable tag
      List<JsonNode> graded = sentry.transactions().stream()
          .filter(t -> t.path("measurements").has(SentryFields.QUALITY_SCORE)).toList();
      assertThat(graded).extracting(t -> Payloads.tag(t, SentryFields.QUALITY_SCORE))
          .contains("8.0", "4.0");
      assertThat(graded).extracting(t -> t.path("measurements").path(SentryFields.QUALITY_SCORE)
          .path("value").asDouble()).contains(8.0, 4.0);
      // the prompt version's span: the mean (8 + 8 + 4 + 8) / 4 on the ten-point scale
      assertThat(byOp.get(SentryFields.OP_PROMPT)).extracting(sp -> sp.path("data")
          .path(SentryFields.QUALITY_SCORE).asDouble()).containsExactly(7.0);
      assertThat(byOp).containsKeys(SentryFields.OP_TEST, SentryFields.OP_PROMPT, "gen_ai.chat");

      // WHEN the command plans its rules and widgets (dry run, no token: nothing is sent)
      Map<String, String> queries = plannedQueries();
      assertThat(queries).isNotEmpty();

      // THEN each field is sent where the query looks for it
      Map<String, String> missing = new TreeMap<>();
      for (Map.Entry<String, String> q : queries.entrySet()) {
        String op = op(q.getValue());
        List<JsonNode> carriers = byOp.entrySet().stream()
            .filter(e -> op.endsWith("*") ? e.getKey().startsWith(op.substring(0, op.length() - 1))
                : e.getKey().equals(op))
            .flatMap(e -> e.getValue().stream()).toList();
        assertThat(carriers).as("payloads with span.op %s for %s", op, q.getKey()).isNotEmpty();
        for (Map.Entry<String, Boolean> field : fields(q.getValue()).entrySet()) {
          if (BUILT_IN.contains(field.getKey())) {
            continue;
          }
          boolean sent = carriers.stream().anyMatch(p -> has(p, field.getKey(), field.getValue()));
          if (!sent) {
            missing.put(field.getKey(), q.getKey());
          }
        }
      }
      PENDING.forEach((field, why) -> reporter.publishEntry("pending " + field, why));
      assertThat(missing.keySet()).as("queried but not sent: %s", missing)
          .isEqualTo(PENDING.keySet());
    }
  }

  /** Test transactions by op; every span of every transaction by its op. */
  private static Map<String, List<JsonNode>> carriers(List<JsonNode> transactions) {
    Map<String, List<JsonNode>> byOp = new LinkedHashMap<>();
    for (JsonNode t : transactions) {
      byOp.computeIfAbsent(t.path("contexts").path("trace").path("op").asText(),
          k -> new ArrayList<>()).add(t);
      for (JsonNode s : t.path("spans")) {
        byOp.computeIfAbsent(s.path("op").asText(), k -> new ArrayList<>()).add(s);
      }
    }
    return byOp;
  }

  /** A transaction's tags or data, or a span's data, has {@code field} (a number if asked). */
  private static boolean has(JsonNode payload, String field, boolean number) {
    String tag = Payloads.tag(payload, field);
    if (tag != null && !number) {
      return true;
    }
    for (JsonNode data : List.of(payload.path("data"),
        payload.path("contexts").path("trace").path("data"))) {
      JsonNode v = data.path(field);
      if (!v.isMissingNode() && !v.isNull() && (!number || v.isNumber())) {
        return true;
      }
    }
    return false;
  }

  /** Name of each rule and widget, with its aggregates, columns and conditions in one string. */
  private static Map<String, String> plannedQueries() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = ProvisionCommand.run(List.of("--org", "acme", "--project", "evals", "--prompts",
        "summarize", "--dry-run"), new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err, Map.of());
    assertThat(code).isZero();
    Map<String, String> queries = new LinkedHashMap<>();
    for (String body : bodies(out.toString(StandardCharsets.UTF_8))) {
      JsonNode n = JSON.readTree(body);
      for (JsonNode s : n.path("data_sources")) {
        queries.put("rule " + n.path("name").asText(),
            s.path("aggregate").asText() + " " + s.path("query").asText());
      }
      for (JsonNode w : n.path("widgets")) {
        for (JsonNode q : w.path("queries")) {
          StringBuilder b = new StringBuilder();
          q.path("aggregates").forEach(a -> b.append(a.asText()).append(' '));
          q.path("columns").forEach(c -> b.append("has:").append(c.asText()).append(' '));
          b.append(q.path("conditions").asText());
          queries.put("widget " + w.path("title").asText(), b.toString());
        }
      }
    }
    return queries;
  }

  private static List<String> bodies(String out) {
    List<String> bodies = new ArrayList<>();
    StringBuilder b = null;
    int depth = 0;
    for (String line : out.split("\n")) {
      if (b == null && line.startsWith("{")) {
        b = new StringBuilder();
      }
      if (b != null) {
        b.append(line).append('\n');
        for (char c : line.toCharArray()) {
          depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        if (depth == 0) {
          bodies.add(b.toString());
          b = null;
        }
      }
    }
    return bodies;
  }

  private static String op(String query) {
    Matcher m = Pattern.compile("span\\.op:(\\S+)").matcher(query);
    assertThat(m.find()).as("a span.op filter in %s", query).isTrue();
    return m.group(1);
  }

  private static final Pattern NUMBER = Pattern.compile("tags\\[([^,\\]]+),number\\]");
  private static final Pattern FUNCTION = Pattern.compile("[a-z_0-9]+\\(([^()]*)\\)");

  /** Every field a query names, and whether it must be a number. */
  static Map<String, Boolean> fields(String query) {
    Map<String, Boolean> fields = new TreeMap<>();
    Matcher n = NUMBER.matcher(query);
    while (n.find()) {
      fields.put(n.group(1), true);
    }
    String rest = NUMBER.matcher(query).replaceAll("");
    Matcher f = FUNCTION.matcher(rest);
    while (f.find()) {
      if (!f.group(1).isBlank()) {
        fields.put(f.group(1), true);
      }
    }
    rest = FUNCTION.matcher(rest).replaceAll("");
    for (String token : rest.split(" (?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      String t = token.strip();
      if (t.isEmpty() || !t.contains(":")) {
        continue;
      }
      t = t.startsWith("!") ? t.substring(1) : t;
      String key = t.substring(0, t.indexOf(':'));
      String field = key.equals("has") ? t.substring(4) : key;
      fields.putIfAbsent(field, false);
    }
    return fields;
  }

  @Test
  void should_read_fields_from_filters_aggregates_and_typed_attributes() {
    assertThat(fields("avg(tags[evals4j.pass_rate,number]) p95(span.duration) count()"
        + " span.op:evals4j.prompt environment:\"ci\" prompt.id:[\"a b\",\"c\"] !test.flaky:true"
        + " has:evals4j.run_id"))
        .containsExactlyEntriesOf(new TreeMap<>(Map.of("evals4j.pass_rate", true,
            "span.duration", true, "span.op", false, "environment", false, "prompt.id", false,
            "test.flaky", false, "evals4j.run_id", false)));
    assertThat(PENDING).isEmpty();
  }
}
