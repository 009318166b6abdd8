package io.github.evals4j.sample.incidents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sentry.EnvelopeReader;
import io.sentry.JsonSerializer;
import io.sentry.SentryEnvelope;
import io.sentry.SentryEnvelopeItem;
import io.sentry.SentryItemType;
import io.sentry.SentryOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The LangChain4j app end to end in Sentry: {@link IncidentAgentEvalTest} (an AI Service with two
 * tools and no evals4j code) runs through the real JUnit launcher with a DSN on a local WireMock
 * endpoint, and the envelopes the real Sentry SDK sends carry, per prompt version, the agent run
 * as a {@code gen_ai.invoke_agent} span with its LLM calls and tool calls nested under it. The
 * envelopes are read back with the SDK's own {@link EnvelopeReader}.
 */
class IncidentAgentInSentryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final WireMockServer sentry = new WireMockServer(options().dynamicPort());

  @BeforeEach
  void start() {
    sentry.start();
    sentry.stubFor(post(urlPathMatching("/api/\\d+/envelope/?"))
        .willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  @AfterEach
  void stop() {
    sentry.stop();
  }

  @Test
  void should_send_the_agent_run_its_llm_calls_and_its_tool_calls_as_nested_gen_ai_spans()
      throws IOException {
    // WHEN the agent's eval runs with Sentry on (its own report in a temporary directory)
    TestExecutionSummary summary = run();

    // THEN the tests pass and each version's transaction holds the agent's trace
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    List<JsonNode> transactions = transactions();
    List<JsonNode> cases = transactions.stream()
        .filter(t -> t.path("transaction").asText().contains("should_look_up_what_changed"))
        .toList();
    assertThat(cases).hasSize(2);
    for (JsonNode tx : cases) {
      String version = tx.path("tags").path("prompt.version").asText();
      List<JsonNode> spans = new ArrayList<>();
      tx.path("spans").forEach(spans::add);
      JsonNode agent = spans.stream()
          .filter(s -> s.path("op").asText().equals("gen_ai.invoke_agent")).findFirst()
          .orElseThrow(() -> new AssertionError("no gen_ai.invoke_agent span in " + version));
      assertThat(agent.path("data").path("gen_ai.operation.name").asText())
          .isEqualTo("invoke_agent");
      assertThat(agent.path("data").path("gen_ai.agent.name").asText()).isNotBlank();
      String agentId = agent.path("span_id").asText();

      List<JsonNode> chats = spans.stream()
          .filter(s -> s.path("op").asText().startsWith("gen_ai.chat")).toList();
      assertThat(chats).as("two LLM round trips in %s", version).hasSize(2)
          .allSatisfy(s -> {
            assertThat(s.path("parent_span_id").asText()).isEqualTo(agentId);
            assertThat(s.path("data").path("gen_ai.request.model").asText())
                .isEqualTo("gpt-4o-mini");
            assertThat(s.path("data").path("gen_ai.usage.input_tokens").asLong()).isPositive();
          });

      List<JsonNode> tools = spans.stream()
          .filter(s -> s.path("op").asText().equals("gen_ai.execute_tool")).toList();
      assertThat(tools).allSatisfy(s -> {
        assertThat(s.path("parent_span_id").asText()).isEqualTo(agentId);
        assertThat(s.path("data").path("gen_ai.operation.name").asText())
            .isEqualTo("execute_tool");
      });
      assertThat(tools).extracting(s -> s.path("data").path("gen_ai.tool.name").asText())
          .as("the tools %s called", version)
          .containsExactlyElementsOf(version.equals("v2")
              ? List.of("lookup_deployment", "query_metric") : List.of("lookup_deployment"));
      assertThat(tools.get(0).path("data").path("gen_ai.tool.call.arguments").asText())
          .contains("checkout");
    }
  }

  private TestExecutionSummary run() {
    try (LauncherSession session = LauncherFactory.openSession()) {
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      session.getLauncher().execute(request().selectors(selectClass(IncidentAgentEvalTest.class))
          .configurationParameter("evals4j.report.dir", dir.resolve("evals4j").toString())
          .configurationParameter("evals4j.sentry.dsn",
              "http://key@localhost:" + sentry.port() + "/1")
          .build(), summary);
      return summary.getSummary();
    }
  }

  /** The transactions of every envelope the endpoint received, read by the Sentry SDK. */
  private List<JsonNode> transactions() throws IOException {
    EnvelopeReader reader = new EnvelopeReader(new JsonSerializer(new SentryOptions()));
    List<JsonNode> out = new ArrayList<>();
    for (LoggedRequest r : sentry.findAll(postRequestedFor(urlPathMatching("/api/1/envelope/?")))) {
      try (InputStream in = body(r.getBody())) {
        SentryEnvelope envelope = reader.read(in);
        assertThat(envelope).as("a valid envelope").isNotNull();
        for (SentryEnvelopeItem item : envelope.getItems()) {
          if (item.getHeader().getType() == SentryItemType.Transaction) {
            out.add(JSON.readTree(item.getData()));
          }
        }
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("not an envelope: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static InputStream body(byte[] body) throws IOException {
    InputStream in = new ByteArrayInputStream(body);
    return body.length > 1 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b
        ? new GZIPInputStream(in) : in;
  }
}
