package io.github.evals4j.similarity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.evals4j.assertions.LlmAssertions;
import io.github.evals4j.assertions.similarity.SimilarityCheck;
import io.github.evals4j.check.CheckResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link OpenAiEmbedder} against a WireMock OpenAI-compatible {@code /v1/embeddings}. */
class OpenAiEmbedderTest {

  static final String KEY = "sk-test-0123456789abcdef";

  WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  OpenAiEmbedder.Builder embedder() {
    return OpenAiEmbedder.builder().baseUrl(server.baseUrl() + "/v1").apiKey(KEY)
        .model("text-embedding-3-small").maxRetryWait(Duration.ofMillis(50));
  }

  static String reply(String... items) {
    return "{\"object\":\"list\",\"data\":[" + String.join(",", items)
        + "],\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}";
  }

  static String item(int index, String vector) {
    return "{\"object\":\"embedding\",\"index\":" + index + ",\"embedding\":" + vector + "}";
  }

  @Test
  void should_send_the_texts_and_order_the_vectors_by_index() {
    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(reply(item(1, "[0.0, 1.0]"), item(0, "[1.0, 0.0]")))));

    List<float[]> vectors = embedder().build().embed(List.of("first", "second"));

    assertThat(vectors.get(0)).containsExactly(1f, 0f);
    assertThat(vectors.get(1)).containsExactly(0f, 1f);
    server.verify(postRequestedFor(urlEqualTo("/v1/embeddings"))
        .withHeader("Authorization", equalTo("Bearer " + KEY))
        .withRequestBody(matchingJsonPath("$.model", equalTo("text-embedding-3-small")))
        .withRequestBody(matchingJsonPath("$.input[0]", equalTo("first")))
        .withRequestBody(matchingJsonPath("$.input[1]", equalTo("second")))
        .withRequestBody(matchingJsonPath("$.encoding_format", equalTo("float"))));
  }

  @Test
  void should_back_the_similarity_check() {
    server.stubFor(post("/v1/embeddings")
        .withRequestBody(matchingJsonPath("$.input[0]", equalTo("expected")))
        .willReturn(aResponse().withStatus(200).withBody(reply(item(0, "[1.0, 0.0]")))));
    server.stubFor(post("/v1/embeddings")
        .withRequestBody(matchingJsonPath("$.input[0]", equalTo("output")))
        .willReturn(aResponse().withStatus(200).withBody(reply(item(0, "[0.6, 0.8]")))));

    CheckResult r = SimilarityCheck.similarTo(embedder().build(), List.of("expected"), 0.7)
        .evaluate("output");

    assertThat(r.score()).isCloseTo(0.6, within(1e-6));
    assertThat(r.passed()).isFalse();
    assertThat(r.message()).contains("0.600 < threshold 0.700", "embedder text-embedding-3-small");
    LlmAssertions.assertThat("output").usingEmbedder(embedder().build())
        .isSemanticallySimilarTo("expected", 0.5);
  }

  @Test
  void should_split_the_texts_into_requests_of_at_most_max_texts() {
    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(200)
        .withBody(reply(item(0, "[1.0]"), item(1, "[2.0]")))));

    List<float[]> vectors = embedder().maxTextsPerRequest(2).build()
        .embed(List.of("a", "b", "c", "d"));

    assertThat(vectors).hasSize(4);
    server.verify(2, postRequestedFor(urlEqualTo("/v1/embeddings")));
  }

  @Test
  void should_retry_a_429_and_honour_retry_after() {
    server.stubFor(post("/v1/embeddings").inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.01")
            .withBody("{\"error\":{\"message\":\"Rate limit reached\"}}"))
        .willSetStateTo("ok"));
    server.stubFor(post("/v1/embeddings").inScenario("rate").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody(reply(item(0, "[1.0, 2.0]")))));

    List<float[]> vectors = embedder().build().embed(List.of("text"));

    assertThat(vectors.get(0)).containsExactly(1f, 2f);
    server.verify(2, postRequestedFor(urlEqualTo("/v1/embeddings")));
  }

  @Test
  void should_fail_when_rate_limits_outlast_the_retries_without_printing_the_key() {
    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "0").withBody("{\"error\":{\"message\":\"Rate limit reached\"}}")));

    assertThatThrownBy(() -> embedder().maxRetries(2).build().embed(List.of("text")))
        .isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("answered HTTP 429 after 3 attempts")
        .hasMessageContaining("Rate limit reached")
        .hasMessageNotContaining(KEY);
    server.verify(3, postRequestedFor(urlEqualTo("/v1/embeddings")));
  }

  @Test
  void should_not_retry_a_400() {
    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(400).withBody("bad")));

    assertThatThrownBy(() -> embedder().build().embed(List.of("text")))
        .isInstanceOf(EmbeddingException.class).hasMessageContaining("answered HTTP 400 (");
    server.verify(1, postRequestedFor(urlEqualTo("/v1/embeddings")));
  }

  @Test
  void should_time_out() {
    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(200)
        .withFixedDelay(2_000).withBody(reply(item(0, "[1.0]")))));

    assertThatThrownBy(() -> embedder().timeout(Duration.ofMillis(200)).build().embed(List.of("t")))
        .isInstanceOf(EmbeddingException.class).hasMessageContaining("timed out after PT0.2S");
  }

  @Test
  void should_reject_malformed_replies() {
    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(200).withBody("{\"data\": [")));
    assertThatThrownBy(() -> embedder().build().embed(List.of("t")))
        .isInstanceOf(EmbeddingException.class).hasMessageContaining("is not JSON");

    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(200)
        .withBody(reply(item(0, "[1.0]")))));
    assertThatThrownBy(() -> embedder().build().embed(List.of("a", "b")))
        .isInstanceOf(EmbeddingException.class).hasMessageContaining("with 2 embeddings");

    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(200)
        .withBody(reply(item(0, "[1.0, \"x\"]")))));
    assertThatThrownBy(() -> embedder().build().embed(List.of("a")))
        .isInstanceOf(EmbeddingException.class).hasMessageContaining("non-number at position 1");

    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(200)
        .withBody(reply(item(0, "[1.0]"), item(0, "[1.0]")))));
    assertThatThrownBy(() -> embedder().build().embed(List.of("a", "b")))
        .isInstanceOf(EmbeddingException.class).hasMessageContaining("no usable index");
  }

  @Test
  void should_stop_reading_a_reply_larger_than_its_budget() {
    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(200)
        .withBody(reply(item(0, "[" + "0.5,".repeat(10_000) + "0.5]")))));

    assertThatThrownBy(() -> embedder().maxResponseBytes(1_000).build().embed(List.of("t")))
        .isInstanceOf(EmbeddingException.class).hasMessageContaining("larger than maxResponseBytes 1000");
  }

  @Test
  void should_refuse_requests_beyond_its_budget() {
    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(200)
        .withBody(reply(item(0, "[1.0]")))));
    OpenAiEmbedder twice = embedder().maxRequests(2).build();
    twice.embed(List.of("a"));
    twice.embed(List.of("b"));

    assertThatThrownBy(() -> twice.embed(List.of("c")))
        .isInstanceOf(EmbeddingException.class).hasMessageContaining("budget of 2 requests is spent");
    server.verify(2, postRequestedFor(urlEqualTo("/v1/embeddings")));
  }

  @Test
  void should_cut_texts_at_max_input_chars_through_the_check() {
    server.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(200)
        .withBody(reply(item(0, "[1.0, 0.0]")))));

    CheckResult r = SimilarityCheck.similarTo(embedder().maxInputChars(10).build(),
        List.of("expected"), 0.9).evaluate("x".repeat(1_000_000));

    assertThat(r.passed()).isTrue();
    server.verify(postRequestedFor(urlEqualTo("/v1/embeddings"))
        .withRequestBody(matchingJsonPath("$.input[0]", equalTo("x".repeat(10)))));
  }

  @Test
  void should_wait_what_retry_after_says_within_the_maximum() {
    Instant now = Instant.parse("2026-12-02T10:00:00Z");
    Duration max = Duration.ofSeconds(10);
    assertThat(OpenAiEmbedder.retryWait("2", 0, max, now)).isEqualTo(Duration.ofSeconds(2));
    assertThat(OpenAiEmbedder.retryWait("120", 0, max, now)).isEqualTo(max);
    assertThat(OpenAiEmbedder.retryWait("Wed, 02 Dec 2026 10:00:03 GMT", 0, max, now))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(OpenAiEmbedder.retryWait(null, 2, max, now)).isEqualTo(Duration.ofSeconds(2));
    assertThat(OpenAiEmbedder.retryWait("soon", 0, max, now)).isEqualTo(Duration.ofMillis(500));
  }
}
