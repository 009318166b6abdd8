package io.github.evals4j.sample.llm;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ChatClient} for OpenAI-compatible {@code /chat/completions} endpoints (OpenAI, Azure
 * OpenAI's v1 API, Ollama, vLLM, LM Studio, ...) on {@code java.net.http} and Jackson, no SDK.
 *
 * <p>Each request has a timeout; 429, 5xx, timeouts and connection failures are retried with
 * exponential backoff honouring {@code Retry-After} (see {@link RetryPolicy}); other 4xx fail at
 * once. Every call, successful or not, is reported with its token usage and latency to
 * {@link Recording#llmCall(LlmCall)}, which the evals4j JUnit extension turns into a
 * {@code gen_ai} span and cost. Thread-safe.
 *
 * <pre>{@code
 * ChatClient client = OpenAiChatClient.builder("http://localhost:11434/v1")
 *     .timeout(Duration.ofSeconds(30))
 *     .retryPolicy(RetryPolicy.DEFAULT)
 *     .build();
 * }</pre>
 */
public final class OpenAiChatClient implements ChatClient {

  /** Response header with which a fixture server marks a replayed (not live) answer. */
  public static final String REPLAY_HEADER = "X-Evals4j-Replay";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXCERPT = 160;

  private final URI endpoint;
  private final String apiKey;
  private final String provider;
  private final Duration timeout;
  private final RetryPolicy retryPolicy;
  private final HttpClient http;
  private final Sleeper sleeper;

  private OpenAiChatClient(Builder b) {
    this.endpoint = URI.create(b.baseUrl.replaceAll("/+$", "") + "/chat/completions");
    this.apiKey = b.apiKey;
    this.provider = b.provider;
    this.timeout = b.timeout;
    this.retryPolicy = b.retryPolicy;
    this.sleeper = b.sleeper;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(b.connectTimeout)
        .build();
  }

  /** A builder for the API root {@code baseUrl}, e.g. {@code https://api.openai.com/v1}. */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** A client for {@code config} with default timeouts and retries. */
  public static OpenAiChatClient of(LlmConfig config) {
    return builder(config.baseUrl()).apiKey(config.apiKey()).build();
  }

  /** The URL requests go to. */
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public ChatResponse complete(ChatRequest request) {
    Objects.requireNonNull(request, "request");
    byte[] body = requestBody(request);
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    try {
      ChatResponse response = send(request, body);
      Recording.llmCall(call(request, started, startNanos)
          .responseModel(response.model())
          .inputTokens(response.usage().promptTokens())
          .outputTokens(response.usage().completionTokens())
          .cachedInputTokens(response.usage().cachedTokens())
          .reasoningTokens(response.usage().reasoningTokens())
          .finishReason(response.finishReason())
          .replayed(response.replayed())
          .build());
      return response;
    } catch (LlmException e) {
      Recording.llmCall(call(request, started, startNanos).error(e.getMessage()).build());
      throw e;
    }
  }

  private LlmCall.Builder call(ChatRequest request, Instant started, long startNanos) {
    return LlmCall.builder(provider, request.model())
        .operation("chat")
        .startedAt(started)
        .latency(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private ChatResponse send(ChatRequest request, byte[] body) {
    LlmException last = null;
    for (int attempt = 0; attempt <= retryPolicy.maxRetries(); attempt++) {
      if (attempt > 0) {
        pause(retryPolicy.delay(attempt - 1, retryAfterOf(last)), last);
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(httpRequest(request, body), HttpResponse.BodyHandlers.ofByteArray());
      } catch (HttpTimeoutException e) {
        last = new LlmException(LlmException.Kind.TIMEOUT, -1,
            "no answer from " + endpoint + " within " + timeout.toMillis() + " ms"
                + attempts(attempt), e);
        continue;
      } catch (IOException e) {
        last = new LlmException(LlmException.Kind.IO, -1,
            "cannot reach " + endpoint + ": " + e + attempts(attempt), e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmException(LlmException.Kind.INTERRUPTED, -1,
            "interrupted while calling " + endpoint, e);
      }
      int status = response.statusCode();
      if (status / 100 == 2) {
        return parse(response);
      }
      last = new RetryableStatus(status, response.headers().map(),
          "HTTP " + status + " from " + endpoint + attempts(attempt) + ": "
              + excerpt(new String(response.body(), StandardCharsets.UTF_8)));
      if (!RetryPolicy.isRetryable(status)) {
        break;
      }
    }
    throw last instanceof RetryableStatus s
        ? new LlmException(LlmException.Kind.HTTP_STATUS, s.status(), s.getMessage(), null)
        : last;
  }

  private static String attempts(int attempt) {
    return attempt == 0 ? "" : " (attempt " + (attempt + 1) + ")";
  }

  private void pause(Duration delay, LlmException cause) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LlmException interrupted = new LlmException(LlmException.Kind.INTERRUPTED, -1,
          "interrupted while waiting to retry " + endpoint, e);
      interrupted.addSuppressed(cause);
      throw interrupted;
    }
  }

  /** OpenAI sends {@code retry-after-ms} besides the standard {@code Retry-After}; prefer it. */
  private static Optional<String> retryAfterOf(LlmException last) {
    if (!(last instanceof RetryableStatus s)) {
      return Optional.empty();
    }
    Optional<String> millis = header(s.headers, "retry-after-ms");
    if (millis.isPresent() && millis.get().strip().matches("\\d{1,9}")) {
      double seconds = Long.parseLong(millis.get().strip()) / 1000.0;
      return Optional.of(Double.toString(seconds));
    }
    return header(s.headers, "retry-after");
  }

  private static Optional<String> header(Map<String, java.util.List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }

  private HttpRequest httpRequest(ChatRequest request, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (!apiKey.isEmpty()) {
      b.header("Authorization", "Bearer " + apiKey);
    }
    request.tags().forEach((name, value) -> b.header("X-" + name, value));
    return b.build();
  }

  private static byte[] requestBody(ChatRequest request) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", request.model());
    ArrayNode messages = root.putArray("messages");
    request.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
    if (request.temperature() != null) {
      root.put("temperature", request.temperature());
    }
    if (request.maxTokens() != null) {
      root.put("max_tokens", request.maxTokens());
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a chat request", e);
    }
  }

  private ChatResponse parse(HttpResponse<byte[]> response) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw malformed("is not valid JSON" + where + " (" + e.getOriginalMessage() + ")", body, e);
    }
    if (root == null || !root.isObject()) {
      throw malformed("is not a JSON object", body, null);
    }
    JsonNode choice = root.path("choices").path(0);
    if (!choice.isObject() || !choice.path("message").isObject()) {
      throw malformed("has no choices[0].message", body, null);
    }
    JsonNode message = choice.path("message");
    return new ChatResponse(
        textOrNull(message.path("content")),
        textOrNull(message.path("refusal")),
        textOrNull(choice.path("finish_reason")),
        textOrNull(root.path("model")),
        usage(root.path("usage")),
        header(response.headers().map(), REPLAY_HEADER).map("true"::equalsIgnoreCase).orElse(false));
  }

  private LlmException malformed(String what, String body, Throwable cause) {
    return new LlmException(LlmException.Kind.MALFORMED_RESPONSE, 200,
        "the answer of " + endpoint + " " + what + ": " + excerpt(body), cause);
  }

  private static TokenUsage usage(JsonNode usage) {
    if (!usage.isObject()) {
      return TokenUsage.UNKNOWN;
    }
    return new TokenUsage(
        count(usage.path("prompt_tokens")),
        count(usage.path("completion_tokens")),
        count(usage.path("prompt_tokens_details").path("cached_tokens")),
        count(usage.path("completion_tokens_details").path("reasoning_tokens")));
  }

  private static long count(JsonNode n) {
    return n.canConvertToLong() && n.asLong() >= 0 ? n.asLong() : -1;
  }

  private static String textOrNull(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }

  private static String excerpt(String body) {
    String oneLine = body.replaceAll("\\s+", " ").strip();
    if (oneLine.isEmpty()) {
      return "(empty body)";
    }
    return oneLine.length() <= EXCERPT ? "«" + oneLine + "»"
        : "«" + oneLine.substring(0, EXCERPT) + "…» (" + body.length() + " chars)";
  }

  /** A retryable status failure that remembers the headers for Retry-After. */
  private static final class RetryableStatus extends LlmException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, java.util.List<String>> headers;

    RetryableStatus(int status, Map<String, java.util.List<String>> headers, String message) {
      super(Kind.HTTP_STATUS, status, message, null);
      this.headers = headers;
    }
  }

  /** Configures an {@link OpenAiChatClient}. */
  public static final class Builder {
    private final String baseUrl;
    private String apiKey = "";
    private String provider = "openai";
    private Duration timeout = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Sleeper sleeper = Sleeper.REAL;

    private Builder(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      URI.create(baseUrl); // fail early on a malformed URL
    }

    /** The bearer token; empty (the default) sends no Authorization header. */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey == null ? "" : apiKey;
      return this;
    }

    /** The provider name recorded with each call ({@code openai} by default). */
    public Builder provider(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /** The time allowed for one attempt, from sending to the full answer (60 s by default). */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** The time allowed to connect (10 s by default). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** When and how to retry ({@link RetryPolicy#DEFAULT} by default). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public OpenAiChatClient build() {
      return new OpenAiChatClient(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
