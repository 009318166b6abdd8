package io.github.evals4j.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.evals4j.alerts.FakeSentry.Call;
import io.github.evals4j.alerts.FakeSentry.Forced;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sentry-provision} against a local fake of Sentry's API (WireMock), every request
 * validated against Sentry's published OpenAPI description: create, unchanged, update, auth
 * refusals, rate limits, dry run. The environment is passed explicitly (never the ambient one).
 */
class ProvisionCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private FakeSentry sentry;
  private final List<Duration> waits = new ArrayList<>();
  private String out;
  private String err;

  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    sentry = new FakeSentry();
  }

  @AfterEach
  void stop() {
    sentry.close();
  }

  private int run(String... args) {
    return run(Map.of("SENTRY_AUTH_TOKEN", "sntrys_test"), args);
  }

  private int run(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("--url", sentry.url(), "--org", "acme",
        "--project", "llm-evals"));
    all.addAll(List.of(args));
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = ProvisionCommand.run(all, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8), env, ProvisionCommand.noWait(waits));
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  @Test
  void should_create_every_monitor_and_the_dashboard_with_requests_valid_against_sentrys_api() {
    // WHEN
    int code = run("--prompts", "summarize,classify@v2");

    // THEN 2 prompts x 4 metrics monitors and one dashboard, each a documented request
    assertThat(code).as(err).isZero();
    assertThat(sentry.violations()).isEmpty();
    List<Call> writes = sentry.writes();
    List<String> expected = new ArrayList<>(
        repeat("POST /api/0/organizations/acme/projects/llm-evals/detectors/", 8));
    expected.add("POST /api/0/organizations/acme/dashboards/");
    assertThat(writes).extracting(c -> c.method() + " " + c.uri())
        .containsExactlyElementsOf(expected);
    assertThat(writes).allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer sntrys_test"));
    assertThat(sentry.detectors.values()).extracting(d -> d.path("name").asText())
        .containsExactly("evals4j: summarize failure rate", "evals4j: summarize hallucination rate",
            "evals4j: summarize cost per case", "evals4j: summarize quality score",
            "evals4j: classify@v2 failure rate", "evals4j: classify@v2 hallucination rate",
            "evals4j: classify@v2 cost per case", "evals4j: classify@v2 quality score");
    JsonNode failure = writes.get(0).body();
    JsonNode source = failure.path("data_sources").get(0);
    assertThat(source.path("aggregate").asText()).isEqualTo("failure_rate()");
    assertThat(source.path("query").asText()).isEqualTo("span.op:junit.test prompt.id:\"summarize\"");
    assertThat(source.path("environment").asText()).isEqualTo("ci");
    assertThat(source.path("dataset").asText()).isEqualTo("events_analytics_platform");
    assertThat(failure.path("condition_group").path("conditions").get(0).toString())
        .isEqualTo("{\"type\":\"gt\",\"comparison\":0.1,\"conditionResult\":75}");
    JsonNode quality = writes.get(7).body();
    assertThat(quality.path("data_sources").get(0).path("query").asText())
        .isEqualTo("span.op:evals4j.prompt prompt.id:\"classify\" prompt.version:\"v2\"");
    assertThat(quality.path("data_sources").get(0).path("aggregate").asText())
        .isEqualTo("avg(tags[eval.quality_score,number])");
    assertThat(quality.path("condition_group").path("conditions").get(0).toString())
        .isEqualTo("{\"type\":\"lt\",\"comparison\":7.0,\"conditionResult\":75}");
    JsonNode dashboard = writes.get(8).body();
    assertThat(dashboard.path("title").asText()).isEqualTo("evals4j: prompt quality");
    assertThat(dashboard.path("projects").get(0).asLong()).isEqualTo(4242);
    assertThat(dashboard.path("widgets")).extracting(w -> w.path("title").asText()).containsExactly(
        "Pass rate by prompt version", "Hallucination rate by prompt version",
        "Quality score by prompt version (model-graded, 0-10)",
        "Cost per case by prompt version (USD)", "p95 LLM call latency by prompt version",
        "Judge cost by prompt version (USD)", "Failing cases", "Flaky tests",
        "LLM calls of evals4j runs");
    assertThat(out).contains("created      monitor   \"evals4j: summarize failure rate\"",
        "9 created, 0 updated, 0 unchanged");
  }

  private static List<String> repeat(String s, int n) {
    return java.util.Collections.nCopies(n, s);
  }

  @Test
  void should_write_nothing_on_a_second_run() {
    // GIVEN
    assertThat(run("--prompts", "summarize,classify")).as(err).isZero();
    sentry.clearCalls();

    // WHEN
    int code = run("--prompts", "summarize,classify");

    // THEN reads only
    assertThat(code).as(err).isZero();
    assertThat(sentry.calls()).isNotEmpty();
    assertThat(sentry.writes()).isEmpty();
    assertThat(sentry.violations()).isEmpty();
    assertThat(out).contains("0 created, 0 updated, 9 unchanged");
  }

  @Test
  void should_update_only_the_rules_whose_threshold_changed_and_leave_other_evals4j_rules_alone() {
    // GIVEN a first run, and a hand-made widget on the dashboard
    assertThat(run("--prompts", "summarize,classify")).as(err).isZero();
    ObjectNode board = sentry.dashboards.values().iterator().next();
    ((com.fasterxml.jackson.databind.node.ArrayNode) board.get("widgets")).addObject()
        .put("id", "999").put("title", "Our own widget").put("displayType", "big_number")
        .put("widgetType", "spans").put("interval", "5m")
        .set("layout", JSON.createObjectNode().put("x", 0).put("y", 12).put("w", 1).put("h", 1)
            .put("minH", 1));
    sentry.clearCalls();

    // WHEN summarize's hallucination threshold changes and classify is no longer listed
    int code = run("--prompts", "summarize", "--hallucination-rate", "3%");

    // THEN one PUT to the existing monitor with the new threshold; classify's are left alone
    assertThat(code).as(err).isZero();
    assertThat(sentry.violations()).isEmpty();
    List<Call> writes = sentry.writes();
    assertThat(writes).hasSize(2);
    Call put = writes.get(0);
    String id = sentry.detectors.values().stream()
        .filter(d -> d.path("name").asText().equals("evals4j: summarize hallucination rate"))
        .findFirst().orElseThrow().path("id").asText();
    assertThat(put.method() + " " + put.uri()).isEqualTo(
        "PUT /api/0/organizations/acme/detectors/" + id + "/");
    assertThat(put.body().path("condition_group").path("conditions").get(0).path("comparison")
        .asDouble()).isEqualTo(0.03);
    assertThat(out).contains("updated      monitor   \"evals4j: summarize hallucination rate\":"
        + " description, threshold gt 0.05 -> gt 0.03",
        "left alone   monitor   \"evals4j: classify failure rate\"");
    assertThat(sentry.detectors).hasSize(8);
    // the dashboard's filter changed (one prompt): updated, the hand-made widget kept
    assertThat(writes.get(1).method()).isEqualTo("PUT");
    assertThat(writes.get(1).body().path("widgets")).extracting(w -> w.path("title").asText())
        .contains("Our own widget", "Pass rate by prompt version");
    assertThat(writes.get(1).body().path("widgets")).filteredOn(w -> w.path("title").asText()
        .equals("Pass rate by prompt version")).singleElement()
        .satisfies(w -> assertThat(w.path("id").asText()).isNotEmpty());
  }

  @Test
  void should_name_the_missing_scope_when_sentry_answers_403() {
    // GIVEN a token that may read but not write monitors
    sentry.force(new Forced("POST", "/api/0/organizations/acme/projects/", 403, Map.of(),
        "{\"detail\":\"You do not have permission to perform this action.\"}"));

    // WHEN
    int code = run("--prompts", "summarize");

    // THEN
    assertThat(code).isEqualTo(ProvisionCommand.FAILED);
    assertThat(err).contains("Sentry answered HTTP 403 to POST /api/0/organizations/acme/projects/"
        + "llm-evals/detectors/: the token lacks the scope this needs: alerts:write",
        "\"You do not have permission to perform this action.\"");
  }

  @Test
  void should_say_the_token_is_refused_when_sentry_answers_401() {
    sentry.force(new Forced("GET", "/api/0/organizations/acme/detectors/", 401, Map.of(),
        "{\"detail\":\"Invalid token\"}"));

    int code = run("--prompts", "summarize");

    assertThat(code).isEqualTo(ProvisionCommand.FAILED);
    assertThat(err).contains("Sentry refused the token (HTTP 401) for GET"
        + " /api/0/organizations/acme/detectors/?project=llm-evals: SENTRY_AUTH_TOKEN is missing,"
        + " expired or revoked: \"Invalid token\"");
    assertThat(sentry.writes()).isEmpty();
  }

  @Test
  void should_retry_after_429_as_told_by_retry_after() {
    // GIVEN the first create is rate limited twice
    for (int i = 0; i < 2; i++) {
      sentry.force(new Forced("POST", "/api/0/organizations/acme/projects/", 429,
          Map.of("Retry-After", "7"), "{\"detail\":\"Rate limit exceeded\"}"));
    }

    // WHEN
    int code = run("--prompts", "summarize");

    // THEN it waited 7 s twice (recorded, not slept) and every rule was created once
    assertThat(code).as(err).isZero();
    assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    assertThat(sentry.detectors).hasSize(4);
    assertThat(sentry.writes()).hasSize(2 + 4 + 1);
  }

  @Test
  void should_give_up_after_three_retries_and_cap_each_wait() {
    for (int i = 0; i < 10; i++) {
      sentry.force(new Forced("GET", "/api/0/organizations/acme/detectors/", 429,
          Map.of("Retry-After", "86400"), ""));
    }

    int code = run("--prompts", "summarize");

    assertThat(code).isEqualTo(ProvisionCommand.FAILED);
    assertThat(waits).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(60),
        Duration.ofSeconds(60));
    assertThat(sentry.calls()).hasSize(4);
    assertThat(err).contains("Sentry answered HTTP 429 to GET /api/0/organizations/acme/detectors/"
        + "?project=llm-evals after 3 retries (rate limited)");
  }

  @Test
  void should_print_the_requests_and_send_nothing_on_a_dry_run_without_a_token() throws Exception {
    // WHEN
    int code = run(Map.of(), "--prompts", "summarize", "--dry-run");

    // THEN nothing reached Sentry; each printed request is a valid request of its API
    assertThat(code).as(err).isZero();
    assertThat(sentry.calls()).isEmpty();
    List<String[]> requests = printedRequests(out);
    assertThat(requests).extracting(r -> r[0]).containsExactly(
        "POST /api/0/organizations/acme/projects/llm-evals/detectors/",
        "POST /api/0/organizations/acme/projects/llm-evals/detectors/",
        "POST /api/0/organizations/acme/projects/llm-evals/detectors/",
        "POST /api/0/organizations/acme/projects/llm-evals/detectors/",
        "POST /api/0/organizations/acme/dashboards/");
    for (String[] r : requests) {
      String[] mp = r[0].split(" ", 2);
      assertThat(SentryOpenApi.validate(mp[0], mp[1], JSON.readTree(r[1]))).isEmpty();
    }
    assertThat(out).contains("would create monitor   \"evals4j: summarize failure rate\"",
        "no SENTRY_AUTH_TOKEN", "would have 5 created");
  }

  @Test
  void should_only_read_on_a_dry_run_with_a_token() {
    assertThat(run("--prompts", "summarize")).isZero();
    sentry.clearCalls();

    int code = run("--prompts", "summarize", "--quality-score", "8", "--dry-run");

    assertThat(code).as(err).isZero();
    assertThat(sentry.writes()).isEmpty();
    assertThat(out).contains("would update monitor   \"evals4j: summarize quality score\":"
        + " description, threshold lt 7.0 -> lt 8.0", "PUT /api/0/organizations/acme/detectors/");
  }

  @Test
  void should_refuse_to_write_without_a_token() {
    int code = run(Map.of(), "--prompts", "summarize");

    assertThat(code).isEqualTo(ProvisionCommand.USAGE);
    assertThat(err).contains("SENTRY_AUTH_TOKEN is not set", "alerts:write, org:read and"
        + " project:read");
    assertThat(sentry.calls()).isEmpty();
  }

  @Test
  void should_take_thresholds_from_a_config_file_per_prompt_and_turn_one_off() throws Exception {
    Path config = dir.resolve("alerts.properties");
    Files.writeString(config, String.join("\n", "prompts=summarize,classify",
        "environment=nightly", "failure-rate=0.2", "summarize.failure-rate=15%",
        "quality-score=off", "time-window=1d", ""));

    int code = run("--config", config.toString(), "--hallucination-rate", "0.01");

    assertThat(code).as(err).isZero();
    assertThat(sentry.violations()).isEmpty();
    assertThat(sentry.detectors.values()).extracting(d -> d.path("name").asText() + " "
        + d.path("conditionGroup").path("conditions").get(0).path("comparison").asDouble() + " "
        + d.path("dataSources").get(0).path("queryObj").path("snubaQuery").path("environment")
            .asText() + " "
        + d.path("dataSources").get(0).path("queryObj").path("snubaQuery").path("timeWindow")
            .asInt())
        .containsExactly("evals4j: summarize failure rate 0.15 nightly 86400",
            "evals4j: summarize hallucination rate 0.01 nightly 86400",
            "evals4j: summarize cost per case 0.1 nightly 86400",
            "evals4j: classify failure rate 0.2 nightly 86400",
            "evals4j: classify hallucination rate 0.01 nightly 86400",
            "evals4j: classify cost per case 0.1 nightly 86400");
  }

  @Test
  void should_reject_a_bad_threshold_naming_the_key_the_value_and_what_is_allowed() {
    int code = run("--prompts", "summarize", "--failure-rate", "12");

    assertThat(code).isEqualTo(ProvisionCommand.USAGE);
    assertThat(err).contains("failure-rate has the value '12'; allowed: a ratio from 0 to 1"
        + " (0.1 = 10 %), or off");
    assertThat(sentry.calls()).isEmpty();
  }

  @Test
  void should_name_for_each_endpoint_exactly_the_scopes_sentrys_api_description_accepts() {
    assertThat(scopes(DetectorJson.LIST_SCOPES)).containsExactlyInAnyOrderElementsOf(
        SentryOpenApi.scopes("GET", "/api/0/organizations/o/detectors/"));
    assertThat(scopes(DetectorJson.CREATE_SCOPES)).containsExactlyInAnyOrderElementsOf(
        SentryOpenApi.scopes("POST", "/api/0/organizations/o/projects/p/detectors/"));
    assertThat(scopes(DetectorJson.UPDATE_SCOPES)).containsExactlyInAnyOrderElementsOf(
        SentryOpenApi.scopes("PUT", "/api/0/organizations/o/detectors/1/"));
    for (String m : List.of("GET", "POST")) {
      assertThat(scopes(DashboardJson.SCOPES)).containsExactlyInAnyOrderElementsOf(
          SentryOpenApi.scopes(m, "/api/0/organizations/o/dashboards/"));
    }
    for (String m : List.of("GET", "PUT")) {
      assertThat(scopes(DashboardJson.SCOPES)).containsExactlyInAnyOrderElementsOf(
          SentryOpenApi.scopes(m, "/api/0/organizations/o/dashboards/1/"));
    }
    assertThat(scopes(DashboardJson.PROJECT_SCOPES)).containsExactlyInAnyOrderElementsOf(
        SentryOpenApi.scopes("GET", "/api/0/projects/o/p/"));
    // the three scopes the README and the messages ask for cover every call
    List<String> asked = List.of("alerts:write", "org:read", "project:read");
    for (String[] op : new String[][] {{"GET", "/api/0/organizations/o/detectors/"},
        {"POST", "/api/0/organizations/o/projects/p/detectors/"},
        {"PUT", "/api/0/organizations/o/detectors/1/"},
        {"GET", "/api/0/organizations/o/dashboards/"},
        {"POST", "/api/0/organizations/o/dashboards/"},
        {"GET", "/api/0/organizations/o/dashboards/1/"},
        {"PUT", "/api/0/organizations/o/dashboards/1/"}, {"GET", "/api/0/projects/o/p/"}}) {
      assertThat(SentryOpenApi.scopes(op[0], op[1])).as(op[0] + " " + op[1])
          .containsAnyElementsOf(withImplied(asked));
    }
  }

  /** A write scope includes its read scope (Sentry's token scopes). */
  private static List<String> withImplied(List<String> scopes) {
    List<String> all = new ArrayList<>(scopes);
    scopes.stream().filter(s -> s.endsWith(":write")).forEach(s -> all.add(s.replace(":write",
        ":read")));
    return all;
  }

  private static List<String> scopes(String text) {
    List<String> found = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[a-z]+:[a-z]+").matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** The dry run's "METHOD path" lines, each with the JSON body printed after it. */
  static List<String[]> printedRequests(String out) {
    List<String[]> requests = new ArrayList<>();
    String[] lines = out.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].matches("(POST|PUT) /api/0/.*")) {
        StringBuilder body = new StringBuilder();
        int depth = 0;
        int j = i + 1;
        do {
          body.append(lines[j]).append('\n');
          for (char c : lines[j].toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
          }
          j++;
        } while (depth > 0 && j < lines.length);
        requests.add(new String[] {lines[i], body.toString()});
        i = j - 1;
      }
    }
    return requests;
  }
}
