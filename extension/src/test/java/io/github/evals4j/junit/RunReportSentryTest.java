package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.junit.sentry.SentryPrivacy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The run report in Sentry: a real SDK client sending real envelopes to WireMock at the end of a
 * Launcher run of two prompt versions; decoded, schema-validated, searched for the corpus's secrets.
 */
class RunReportSentryTest {

  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());

  @TempDir
  Path dir;

  private void run(SentryEndpoint sentry, Map<String, String> params) {
    run(sentry, params, PromptFixtures.Summaries.class);
  }

  private void run(SentryEndpoint sentry, Map<String, String> params, Class<?> fixture) {
    try (LauncherSession session = LauncherFactory.openSession()) {
      session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY,
          sentry == null ? Map.of() : Map.of("EVALS4J_SENTRY_DSN", sentry.dsn()));
      LauncherDiscoveryRequestBuilder request = request()
          .selectors(selectClass(fixture))
          .configurationParameter("evals4j.report.dir", dir.toString())
          .configurationParameter(Config.RUN_ID, "run-1")
          .configurationParameter(Config.FLUSH_TIMEOUT, "10s");
      params.forEach(request::configurationParameter);
      session.getLauncher().execute(request.build());
    }
  }

  /** Every envelope body the endpoint received, as text (through WireMock's admin API), to search for leaks. */
  private static List<String> rawBodies(SentryEndpoint sentry) {
    List<String> bodies = new java.util.ArrayList<>();
    for (var r : com.github.tomakehurst.wiremock.client.WireMock.create().port(sentry.port()).build()
        .find(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/\\d+/envelope/?")))) {
      byte[] body = r.getBody();
      if (body.length > 1 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
          body = in.readAllBytes();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      bodies.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(bodies).isNotEmpty();
    return bodies;
  }

  @Test
  void should_send_the_run_report_event_with_attachments_a_run_transaction_and_check_ins() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr err = StdErr.capture()) {
      // WHEN
      run(sentry, Map.of("evals4j.sentry.monitor-slug", "nightly-evals"));

      // THEN the run report event
      List<JsonNode> reports = Payloads.where(sentry.events(),
          e -> "evals4j run report".equals(e.path("message").path("formatted").asText()));
      assertThat(reports).singleElement().satisfies(e -> {
        assertThat(e.path("level").asText()).isEqualTo("warning");
        assertThat(Payloads.tag(e, "evals4j.gate")).isEqualTo("failed");
        assertThat(Payloads.tag(e, "evals4j.gate.summarize")).isEqualTo("failed");
        assertThat(Payloads.tag(e, "prompt.summarize")).isEqualTo("v1,v2");
        assertThat(Payloads.tag(e, "evals4j.run_id")).isEqualTo("run-1");
        JsonNode v1 = e.path("contexts").path("prompt summarize@v1/gpt-4o-mini");
        assertThat(v1.path("pass_rate").asDouble()).isEqualTo(0.625);
        assertThat(v1.path("runs").asInt()).isEqualTo(8);
        assertThat(v1.path("cost_usd").asDouble()).isCloseTo(0.00216, within(1e-12));
        assertThat(v1.path("unstable_cases").asInt()).isEqualTo(1);
        assertThat(v1.path("gate").asText()).isEqualTo("failed");
        assertThat(e.path("contexts").path("prompt summarize@v2/gpt-4o-mini").path("gate")
            .asText()).isEqualTo("passed");
        assertThat(e.path("contexts").path("evals4j.run").path("failed_gates").get(0).asText())
            .contains("min-pass-rate failed: pass rate 62.5 % < 90.0 %");
      });
      SentrySchema.assertValid(reports);
      // its attachments ride in the event's envelope
      SentryEndpoint.Envelope withEvent = sentry.envelopes().stream()
          .filter(env -> env.items().stream().anyMatch(i -> i.type().equals("event")
              && i.payload().path("message").path("formatted").asText().equals("evals4j run report")))
          .findFirst().orElseThrow();
      assertThat(withEvent.items()).filteredOn(i -> i.type().equals("attachment"))
          .extracting(i -> i.header().path("filename").asText() + " " + i.header().path("content_type").asText())
          .containsExactlyInAnyOrder("report.json application/json", "report.html text/html");
      String bodies = String.join("\n", rawBodies(sentry));
      assertThat(bodies).contains("\"schemaVersion\"", "<svg");

      // THEN the run transaction with measurements: 13 of 16 runs passed, $0.00432
      JsonNode tx = Payloads.single(sentry.transactions(), "evals4j.run");
      assertThat(tx.path("measurements").path("evals4j.pass_rate").path("value").asDouble())
          .isEqualTo(13.0 / 16);
      assertThat(tx.path("measurements").path("evals4j.cost_usd").path("value").asDouble())
          .isCloseTo(0.00432, within(1e-12));
      assertThat(tx.path("measurements").path("evals4j.latency_p95").path("value").asDouble())
          .isCloseTo(200, within(2.0));
      assertThat(Payloads.traceId(reports.get(0))).isEqualTo(Payloads.traceId(tx));
      assertThat(Payloads.tag(tx, "evals4j.gate")).isEqualTo("failed");
      assertThat(Payloads.spans(tx, "evals4j.prompt")).extracting(s -> s.path("description").asText())
          .containsExactlyInAnyOrder("summarize@v1/gpt-4o-mini", "summarize@v2/gpt-4o-mini");

      // THEN the test transactions and their gen_ai spans carry the attribution
      List<JsonNode> v1Tests = Payloads.named(sentry.transactions(), "PromptFixtures.Summaries.v1");
      assertThat(v1Tests).hasSize(8).allSatisfy(t -> {
        assertThat(Payloads.tag(t, "prompt.id")).isEqualTo("summarize");
        assertThat(Payloads.tag(t, "prompt.version")).isEqualTo("v1");
        assertThat(Payloads.tag(t, "gen_ai.request.model")).isEqualTo("gpt-4o-mini");
        assertThat(Payloads.tag(t, "eval.case")).isIn("c1", "c2", "c3", "c4");
        assertThat(Payloads.spans(t, "gen_ai.chat")).singleElement().satisfies(s -> {
          assertThat(s.path("data").path("prompt.id").asText()).isEqualTo("summarize");
          assertThat(s.path("data").path("prompt.version").asText()).isEqualTo("v1");
          assertThat(s.path("data").path("eval.case").asText())
              .isEqualTo(Payloads.tag(t, "eval.case"));
        });
      });
      assertThat(Payloads.named(sentry.transactions(), "PromptFixtures.Summaries.v2"))
          .hasSize(8).allSatisfy(t -> assertThat(Payloads.tag(t, "prompt.version")).isEqualTo("v2"));
      SentrySchema.assertValid(sentry.transactions().stream().map(t -> withoutMeasurements(t)).toList());

      // THEN one Crons check-in in progress, one error (a gate failed)
      assertThat(sentry.items("check_in")).extracting(c -> c.path("status").asText())
          .containsExactly("in_progress", "error");
      assertThat(sentry.items("check_in")).extracting(c -> c.path("monitor_slug").asText())
          .containsOnly("nightly-evals");
      assertThat(sentry.items("check_in").get(0).path("check_in_id").asText())
          .isEqualTo(sentry.items("check_in").get(1).path("check_in_id").asText());
      assertThat(err.warnings()).isEmpty();
    }
  }

  /**
   * The published schema predates transaction measurements (Relay's {@code measurements}: name to
   * {@code {value, unit}}): checked here, then removed before the schema validation.
   */
  private static JsonNode withoutMeasurements(JsonNode transaction) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = transaction.deepCopy();
    JsonNode measurements = copy.remove("measurements");
    if (measurements != null) {
      measurements.fields().forEachRemaining(m -> {
        assertThat(m.getKey()).matches("[a-z0-9_.]+");
        assertThat(m.getValue().path("value").isNumber()).as(m.getKey()).isTrue();
        assertThat(m.getValue().path("unit").isMissingNode() || m.getValue().path("unit").isTextual())
            .as(m.getKey()).isTrue();
      });
    }
    return copy;
  }

  @Test
  void should_scrub_secrets_from_every_payload_by_default() throws Exception {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr ignored = StdErr.capture()) {
      // WHEN case c3's failing output quotes an e-mail, a bearer token and an API key
      run(sentry, Map.of());

      // THEN the local report keeps them (it never leaves the machine)...
      String local = Files.readString(dir.resolve("report.json"));
      assertThat(local).contains(PromptFixtures.SECRETS);
      // ...but no Sentry payload does, while the scrubbed failure text still arrives
      String bodies = String.join("\n", rawBodies(sentry));
      for (String secret : PromptFixtures.SECRETS) {
        assertThat(bodies).doesNotContain(secret);
      }
      assertThat(bodies).contains("wrong summary: Summary: Refunds within 30 days", "[email]",
          "Bearer [token]", "[api-key]");
    }
  }

  @Test
  void should_send_no_run_report_when_switched_off() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr ignored = StdErr.capture()) {
      // WHEN
      run(sentry, Map.of("evals4j.sentry.report", "false"));

      // THEN the tests' transactions arrive, the run report does not
      assertThat(Payloads.named(sentry.transactions(), "PromptFixtures.Summaries.v1")).hasSize(8);
      assertThat(Payloads.named(sentry.transactions(), "evals4j.run")).isEmpty();
      assertThat(Payloads.where(sentry.events(), e -> "run".equals(Payloads.tag(e, "evals4j.report"))))
          .isEmpty();
      assertThat(dir.resolve("report.json")).exists();
    }
  }

  @Test
  void should_cut_attachments_to_the_size_limit_and_say_so() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr err = StdErr.capture()) {
      // WHEN
      run(sentry, Map.of("evals4j.sentry.max-attachment-size", "2000"));

      // THEN
      JsonNode report = Payloads.where(sentry.events(),
          e -> "run".equals(Payloads.tag(e, "evals4j.report"))).get(0);
      assertThat(Payloads.tag(report, "evals4j.attachment_truncated")).isEqualTo("true");
      assertThat(report.path("contexts").path("evals4j.run").path("truncated_attachments").toString())
          .contains("report.json (", "report.html (", "bytes > 2000)");
      List<SentryEndpoint.Item> attachments = sentry.envelopes().stream()
          .flatMap(e -> e.items().stream()).filter(i -> i.type().equals("attachment")).toList();
      assertThat(attachments).extracting(i -> i.header().path("filename").asText())
          .containsExactlyInAnyOrder("report.json.truncated", "report.html.truncated");
      assertThat(attachments).allSatisfy(i -> assertThat(i.header().path("length").asInt()).isEqualTo(2000));
      assertThat(err.all()).contains("report.html is ", "cut to 2000 for Sentry");
    }
  }

  @Test
  void should_scrub_a_case_id_taken_from_an_argument_in_tags() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr ignored = StdErr.capture()) {
      // WHEN
      run(sentry, Map.of(), PromptFixtures.SecretArgument.class);

      // THEN
      JsonNode tx = Payloads.single(sentry.transactions(), "PromptFixtures.SecretArgument.input");
      assertThat(Payloads.tag(tx, "eval.case")).isEqualTo("mail [email] now");
      assertThat(String.join("\n", rawBodies(sentry))).doesNotContain("ann.lee@example.com");
    }
  }

  @Test
  void should_scrub_the_failure_event_of_a_test() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr ignored = StdErr.capture()) {
      // WHEN
      run(sentry, Map.of(), PromptFixtures.SecretFailure.class);

      // THEN
      JsonNode failure = Payloads.where(sentry.events(), e -> e.has("exception")).get(0);
      assertThat(failure.path("exception").path("values").get(0).path("value").asText())
          .isEqualTo("output leaked [api-key] to [email]");
      SentrySchema.assertValid(List.of(failure));
      String bodies = String.join("\n", rawBodies(sentry));
      assertThat(bodies).doesNotContain("sk-live1234567890abcdefgh", "bob@corp.example")
          .contains("test.outcome");
    }
  }

  @Test
  void should_scrub_the_secrets_the_old_rules_let_through_from_every_payload() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr ignored = StdErr.capture()) {
      // WHEN a test's argument, check message, span name and exception quote DB_PASSWORD=...,
      // a URL password, aws_secret_access_key=..., PASSWORD = '...' and a Stripe key
      run(sentry, Map.of(), PromptFixtures.IssueSecrets.class);

      // THEN none of them arrives, in any payload (the attached reports included)...
      String bodies = String.join("\n", rawBodies(sentry));
      for (String secret : PromptFixtures.IssueSecrets.SECRETS) {
        assertThat(bodies).doesNotContain(secret);
      }
      // ...while the text around them does, where it was put
      JsonNode tx = Payloads.single(sentry.transactions(), "PromptFixtures.IssueSecrets.input");
      JsonNode data = tx.path("contexts").path("trace").path("data");
      assertThat(data.path("test.parameters").asText()).contains("DB_PASSWORD=[redacted]",
          "postgres://app:[redacted]@localhost/db");
      assertThat(tx.path("contexts").path("trace").path("description").asText())
          .contains("DB_PASSWORD=[redacted]");
      assertThat(Payloads.spans(tx, "evals4j.check")).singleElement().satisfies(span -> assertThat(
          span.path("data").path("evals4j.check.message").asText())
          .isEqualTo("the answer quotes aws_secret_access_key=[redacted]"));
      assertThat(Payloads.spans(tx, "db.query")).singleElement().satisfies(span -> assertThat(
          span.path("description").asText()).isEqualTo("connect PASSWORD = '[redacted]'"));
      JsonNode failure = Payloads.where(sentry.events(), e -> e.has("exception")).get(0);
      assertThat(failure.path("exception").path("values").get(0).path("value").asText())
          .startsWith("charged with [api-key] for DB_PASSWORD=[redacted] via postgres://app:[redacted]@");
      SentrySchema.assertValid(List.of(failure));
    }
  }

  @Test
  void should_run_a_test_with_a_60_kb_adversarial_case_id_quickly_with_a_dsn() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr ignored = StdErr.capture()) {
      // GIVEN the run machinery warm (the figure is about the case id, not about loading classes)
      run(sentry, Map.of(), PromptFixtures.IssueSecrets.class);
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

      // WHEN (the old scrubber made this run take 122 s)
      long start = threads.getCurrentThreadCpuTime();
      run(sentry, Map.of(), PromptFixtures.HugeCaseId.class);
      long cpu = threads.getCurrentThreadCpuTime() - start;

      long startWithout = threads.getCurrentThreadCpuTime();
      run(null, Map.of(), PromptFixtures.HugeCaseId.class);
      long cpuWithout = threads.getCurrentThreadCpuTime() - startWithout;

      // THEN
      System.out.printf(java.util.Locale.ROOT, "one test with a 60 KB case id: %.0f ms CPU with a DSN,"
          + " %.0f ms without%n", cpu / 1e6, cpuWithout / 1e6);
      assertThat(cpu).isLessThan(10_000_000_000L);
      assertThat(cpuWithout).isLessThan(10_000_000_000L);
      JsonNode tx = Payloads.single(sentry.transactions(), "PromptFixtures.HugeCaseId.input");
      assertThat(Payloads.tag(tx, "eval.case")).hasSizeLessThanOrEqualTo(200);
    }
  }

  @Test
  void should_send_no_llm_text_when_send_text_is_off() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr ignored = StdErr.capture()) {
      // WHEN
      run(sentry, Map.of(SentryPrivacy.SEND_TEXT, "false"));

      // THEN
      String bodies = String.join("\n", rawBodies(sentry));
      assertThat(bodies).doesNotContain("wrong summary", "Refunds within 30 days")
          .contains("evals4j run report");
      JsonNode c3 = Payloads.where(Payloads.named(sentry.transactions(),
          "PromptFixtures.Summaries.v1"), t -> "c3".equals(Payloads.tag(t, "eval.case"))).get(0);
      assertThat(Payloads.spans(c3, "evals4j.check")).allSatisfy(
          s -> assertThat(s.path("data").has("evals4j.check.message")).isFalse());
      assertThat(Payloads.spans(c3, "evals4j.check")).extracting(s -> s.path("description").asText())
          .containsExactly("answer.correct");
      assertThat(c3.path("contexts").path("trace").path("description").asText())
          .isEqualTo("PromptFixtures.Summaries.v1");
      assertThat(bodies).contains("\"examples\" : [ ]");
    }
  }
}
