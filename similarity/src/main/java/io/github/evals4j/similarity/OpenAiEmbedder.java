package io.github.evals4j.similarity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.evals4j.assertions.similarity.Embedder;
import io.github.evals4j.internal.RetryAfter;
import io.github.evals4j.internal.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link Embedder} on any OpenAI-compatible {@code POST /embeddings} endpoint (OpenAI, Azure
 * OpenAI, Mistral, Ollama, vLLM, LiteLLM), with {@code java.net.http}: no extra dependency.
 *
 * <pre>{@code
 * Embedder remote = OpenAiEmbedder.builder()
 *     .baseUrl("https://api.openai.com/v1")      // "/embeddings" is appended
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .model("text-embedding-3-small")
 *     .build();
 * assertThat(answer).usingEmbedder(remote).isSemanticallySimilarTo("Refund within 5 days.", 0.6);
 * }</pre>
 *
 * <p>Bounded on every side: a connect and per-attempt {@code timeout} (default 30 s); a 429 or
 * 5xx is retried at most {@code maxRetries} times (default 2), waiting what {@code Retry-After}
 * says but never more than {@code maxRetryWait} (default 10 s); texts are sent at most {@code
 * maxTextsPerRequest} at a time (default 64); the reply is read up to {@code maxResponseBytes}
 * (default 16 MiB); and the embedder makes at most {@code maxRequests} requests in its life
 * (default unlimited), so a runaway suite cannot run up a bill. The checks cut each text at {@code
 * maxInputChars} (default 8,000, inside the 8,191-token window of OpenAI's embedding models).
 * Anything else is an {@link EmbeddingException}.
 */
public final class OpenAiEmbedder implements Embedder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String apiKey;
  private final String model;
  private final Integer dimensions;
  private final Duration timeout;
  private final int maxRetries;
  private final Duration maxRetryWait;
  private final int maxInputChars;
  private final int maxTextsPerRequest;
  private final int maxResponseBytes;
  private final long maxRequests;
  private final AtomicLong requests = new AtomicLong();
  private final HttpClient http;

  private OpenAiEmbedder(Builder b) {
    String base = Objects.requireNonNull(b.baseUrl, "baseUrl");
    this.endpoint = URI.create(base.endsWith("/") ? base + "embeddings" : base + "/embeddings");
    this.apiKey = b.apiKey == null || b.apiKey.isBlank() ? null : b.apiKey;
    this.model = Objects.requireNonNull(b.model, "model");
    this.dimensions = b.dimensions;
    this.timeout = b.timeout;
    this.maxRetries = b.maxRetries;
    this.maxRetryWait = b.maxRetryWait;
    this.maxInputChars = b.maxInputChars;
    this.maxTextsPerRequest = b.maxTextsPerRequest;
    this.maxResponseBytes = b.maxResponseBytes;
    this.maxRequests = b.maxRequests;
    this.http = HttpClient.newBuilder().connectTimeout(b.timeout).build();
  }

  /** A builder; {@code baseUrl} and {@code model} are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += maxTextsPerRequest) {
      List<String> batch = texts.subList(from, Math.min(texts.size(), from + maxTextsPerRequest));
      vectors.addAll(embedBatch(batch));
    }
    return vectors;
  }

  @Override
  public String name() {
    return model;
  }

  @Override
  public int maxInputChars() {
    return maxInputChars;
  }

  private List<float[]> embedBatch(List<String> batch) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    ArrayNode input = body.putArray("input");
    batch.forEach(input::add);
    body.put("encoding_format", "float");
    if (dimensions != null) {
      body.put("dimensions", dimensions);
    }
    String reply;
    try {
      reply = send(body.toString());
    } catch (IOException e) {
      throw new EmbeddingException(
          "embedding model " + model + " could not be asked (" + endpoint + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingException("interrupted while asking embedding model " + model, e);
    }
    return vectors(reply, batch.size());
  }

  private List<float[]> vectors(String reply, int count) {
    JsonNode root;
    try {
      root = JSON.readTree(reply);
    } catch (IOException e) {
      throw malformed("not JSON: " + Texts.abbreviate(reply, 200));
    }
    JsonNode data = root == null ? null : root.get("data");
    if (data == null || !data.isArray() || data.size() != count) {
      throw malformed("expected \"data\" with " + count + " embeddings: "
          + Texts.abbreviate(reply, 200));
    }
    float[][] byIndex = new float[count][];
    int dimension = -1;
    for (int k = 0; k < count; k++) {
      JsonNode item = data.get(k);
      JsonNode index = item.get("index");
      int i = index != null && index.canConvertToInt() ? index.intValue() : k;
      JsonNode embedding = item.get("embedding");
      if (i < 0 || i >= count || byIndex[i] != null || embedding == null || !embedding.isArray()
          || embedding.isEmpty()) {
        throw malformed("embedding #" + k + " has no usable index or vector");
      }
      float[] v = new float[embedding.size()];
      for (int d = 0; d < v.length; d++) {
        JsonNode x = embedding.get(d);
        if (!x.isNumber()) {
          throw malformed("embedding #" + k + " holds a non-number at position " + d);
        }
        v[d] = x.floatValue();
      }
      if (dimension >= 0 && v.length != dimension) {
        throw malformed("embeddings of different dimensions: " + dimension + " and " + v.length);
      }
      dimension = v.length;
      byIndex[i] = v;
    }
    return List.of(byIndex);
  }

  private EmbeddingException malformed(String what) {
    return new EmbeddingException(
        "embedding model " + model + " (" + endpoint + ") gave a reply that is " + what);
  }

  private String send(String body) throws IOException, InterruptedException {
    HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null) {
      rb.header("Authorization", "Bearer " + apiKey);
    }
    HttpRequest request = rb.build();
    for (int attempt = 0; ; attempt++) {
      if (requests.incrementAndGet() > maxRequests) {
        throw new EmbeddingException("embedding model " + model + ": the budget of " + maxRequests
            + " requests is spent (maxRequests)");
      }
      HttpResponse<InputStream> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpTimeoutException e) {
        throw new EmbeddingException("embedding model " + model + " timed out after " + timeout
            + " (" + endpoint + ")", e);
      }
      String text = read(response.body());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return text;
      }
      boolean retryable = status == 429 || status >= 500;
      if (!retryable || attempt >= maxRetries) {
        throw new EmbeddingException("embedding model " + model + " answered HTTP " + status
            + (retryable ? " after " + (attempt + 1) + " attempts" : "") + " (" + endpoint + "): "
            + Texts.abbreviate(text, 200));
      }
      Thread.sleep(retryWait(response.headers().firstValue("Retry-After").orElse(null), attempt,
          maxRetryWait, Instant.now()).toMillis());
    }
  }

  private String read(InputStream in) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes(maxResponseBytes + 1);
      if (bytes.length > maxResponseBytes) {
        throw new EmbeddingException("embedding model " + model + " (" + endpoint
            + ") sent a reply larger than maxResponseBytes " + maxResponseBytes);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /**
   * The wait before retry {@code attempt + 1}: what {@code Retry-After} says (seconds or an HTTP
   * date), else 0.5 s doubled per attempt; never more than {@code max}.
   */
  static Duration retryWait(String retryAfter, int attempt, Duration max, Instant now) {
    return RetryAfter.waitBefore(retryAfter, attempt, max, now);
  }

  /** Builds an {@link OpenAiEmbedder}. */
  public static final class Builder {
    private String baseUrl;
    private String apiKey;
    private String model;
    private Integer dimensions;
    private Duration timeout = Duration.ofSeconds(30);
    private int maxRetries = 2;
    private Duration maxRetryWait = Duration.ofSeconds(10);
    private int maxInputChars = 8_000;
    private int maxTextsPerRequest = 64;
    private int maxResponseBytes = 16 << 20;
    private long maxRequests = Long.MAX_VALUE;

    private Builder() {}

    /** API root such as {@code https://api.openai.com/v1}; {@code /embeddings} is appended. */
    public Builder baseUrl(String v) { this.baseUrl = Objects.requireNonNull(v, "baseUrl"); return this; }

    /** Bearer token; none for a local model. Never printed. */
    public Builder apiKey(String v) { this.apiKey = v; return this; }

    /** The embedding model, e.g. {@code text-embedding-3-small}. */
    public Builder model(String v) { this.model = Objects.requireNonNull(v, "model"); return this; }

    /** Asks for vectors of this many dimensions (text-embedding-3 models); default the model's. */
    public Builder dimensions(int v) { this.dimensions = positive(v, "dimensions"); return this; }

    /** Connect and per-attempt timeout; default 30 s. */
    public Builder timeout(Duration v) { this.timeout = positive(v, "timeout"); return this; }

    /** Retries of a 429 or 5xx; default 2. */
    public Builder maxRetries(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0: " + v);
      }
      this.maxRetries = v;
      return this;
    }

    /** The longest wait before a retry, whatever {@code Retry-After} says; default 10 s. */
    public Builder maxRetryWait(Duration v) {
      Objects.requireNonNull(v, "maxRetryWait");
      if (v.isNegative()) {
        throw new IllegalArgumentException("maxRetryWait must be >= 0: " + v);
      }
      this.maxRetryWait = v;
      return this;
    }

    /** Characters of one text sent (the checks cut longer texts); default 8,000. */
    public Builder maxInputChars(int v) { this.maxInputChars = positive(v, "maxInputChars"); return this; }

    /** Texts per request; default 64. */
    public Builder maxTextsPerRequest(int v) { this.maxTextsPerRequest = positive(v, "maxTextsPerRequest"); return this; }

    /** The largest reply read; default 16 MiB. */
    public Builder maxResponseBytes(int v) { this.maxResponseBytes = positive(v, "maxResponseBytes"); return this; }

    /** Requests (retries included) this embedder may make in its life; default unlimited. */
    public Builder maxRequests(long v) {
      if (v <= 0) {
        throw new IllegalArgumentException("maxRequests must be > 0: " + v);
      }
      this.maxRequests = v;
      return this;
    }

    /** The embedder. */
    public OpenAiEmbedder build() {
      return new OpenAiEmbedder(this);
    }

    private static int positive(int v, String what) {
      if (v <= 0) {
        throw new IllegalArgumentException(what + " must be > 0: " + v);
      }
      return v;
    }

    private static Duration positive(Duration v, String what) {
      Objects.requireNonNull(v, what);
      if (v.isZero() || v.isNegative()) {
        throw new IllegalArgumentException(what + " must be > 0: " + v);
      }
      return v;
    }
  }
}
