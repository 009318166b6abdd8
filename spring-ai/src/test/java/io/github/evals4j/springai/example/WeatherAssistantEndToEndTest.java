package io.github.evals4j.springai.example;

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
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.report.ReportJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Runs {@link WeatherAssistantTest} through the real JUnit launcher with the evals4j extension, a
 * report directory and a Sentry DSN on a local WireMock endpoint: the app's calls, tokens and
 * cost reach the report, and its gen_ai spans (chat calls, the tool execution, the agent run) the
 * Sentry envelopes, with no evals4j code in the app.
 */
class WeatherAssistantEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final WireMockServer sentry = new WireMockServer(options().dynamicPort().gzipDisabled(true));

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

  private TestExecutionSummary run() {
    try (LauncherSession session = LauncherFactory.openSession()) {
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      session.getLauncher().execute(request().selectors(selectClass(WeatherAssistantTest.class))
          .configurationParameter("evals4j.report.dir", dir.resolve("evals4j").toString())
          .configurationParameter("evals4j.sentry.dsn", "http://key@localhost:" + sentry.port() + "/1")
          .build(), summary);
      return summary.getSummary();
    }
  }

  @Test
  void should_bring_the_apps_calls_tokens_and_cost_to_the_report_and_its_spans_to_sentry() {
    TestExecutionSummary summary = run();

    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    PromptStats stats = ReportJson.read(dir.resolve("evals4j/report.json")).prompts().get(0);
    assertThat(stats.prompt().id()).isEqualTo("weather");
    assertThat(stats.tokens().calls()).as("the tool call and the answer").isEqualTo(2);
    assertThat(stats.tokens().inputTokens()).isEqualTo(40 + 70);
    assertThat(stats.tokens().outputTokens()).isEqualTo(12 + 10);
    assertThat(stats.applicationCost().pricedCalls()).isEqualTo(2);
    assertThat(stats.applicationCost().totalUsd().orElse(0)).isPositive();

    List<JsonNode> spans = new ArrayList<>();
    for (JsonNode transaction : items("transaction")) {
      transaction.path("spans").forEach(spans::add);
    }
    List<JsonNode> chats = spans.stream().filter(s -> s.path("op").asText().equals("gen_ai.chat")).toList();
    assertThat(chats).hasSize(2);
    assertThat(chats).allSatisfy(s -> {
      assertThat(s.path("data").path("gen_ai.request.model").asText()).isEqualTo("gpt-4o-mini");
      assertThat(s.path("data").path("gen_ai.response.model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
    });
    assertThat(chats).extracting(s -> s.path("data").path("gen_ai.usage.input_tokens").asLong())
        .containsExactlyInAnyOrder(40L, 70L);
    assertThat(spans).filteredOn(s -> s.path("op").asText().equals("gen_ai.execute_tool"))
        .singleElement().satisfies(s -> {
          assertThat(s.path("data").path("gen_ai.tool.name").asText()).isEqualTo("weather");
          assertThat(s.path("data").path("gen_ai.tool.call.arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        });
    JsonNode agent = spans.stream().filter(s -> s.path("op").asText().equals("gen_ai.invoke_agent"))
        .findFirst().orElseThrow(() -> new AssertionError("no gen_ai.invoke_agent span in " + spans));
    assertThat(agent.path("data").path("gen_ai.agent.name").asText()).isEqualTo("ChatClient");
    assertThat(chats).as("the LLM calls nest under the agent run")
        .allSatisfy(s -> assertThat(s.path("parent_span_id").asText()).isEqualTo(agent.path("span_id").asText()));
  }

  /** The payloads of every envelope item of {@code type} the Sentry endpoint received. */
  private List<JsonNode> items(String type) {
    List<JsonNode> result = new ArrayList<>();
    for (LoggedRequest r : sentry.findAll(postRequestedFor(urlPathMatching("/api/1/envelope/?")))) {
      byte[] bytes = gunzipIfNeeded(r.getBody());
      int[] pos = {0};
      line(bytes, pos); // the envelope header
      // per item: a header line, then a payload of "length" bytes or up to the next newline
      while (pos[0] < bytes.length) {
        String header = line(bytes, pos);
        if (header.isBlank()) {
          continue;
        }
        try {
          JsonNode itemHeader = JSON.readTree(header);
          String payload;
          if (itemHeader.has("length")) {
            int length = itemHeader.get("length").asInt();
            payload = new String(bytes, pos[0], length, StandardCharsets.UTF_8);
            pos[0] = Math.min(bytes.length, pos[0] + length + 1);
          } else {
            payload = line(bytes, pos);
          }
          if (itemHeader.path("type").asText().equals(type)) {
            result.add(JSON.readTree(payload));
          }
        } catch (IOException e) {
          throw new IllegalStateException("not an envelope item: " + e.getMessage(), e);
        }
      }
    }
    return result;
  }

  private static String line(byte[] bytes, int[] pos) {
    int start = pos[0];
    int end = start;
    while (end < bytes.length && bytes[end] != '\n') {
      end++;
    }
    pos[0] = end + 1;
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  private static byte[] gunzipIfNeeded(byte[] body) {
    if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
      return body;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
