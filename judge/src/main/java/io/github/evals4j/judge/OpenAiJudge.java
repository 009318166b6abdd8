package io.github.evals4j.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.evals4j.internal.RetryAfter;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.llm.responses.LlmResponses;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.ReplayException;
import io.github.evals4j.replay.ReplayKey;
import io.github.evals4j.replay.ReplayResponse;
import io.github.evals4j.replay.ReplayStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.UnaryOperator;

/**
 * A {@link Judge} on any OpenAI-compatible Chat Completions endpoint (OpenAI, Azure OpenAI,
 * Mistral, Ollama, vLLM...), on {@code java.net.http} alone.
 *
 * <p>Every call asks for {@code temperature 0} (unless {@link Builder#temperature} says otherwise) and a structured reply ({@code response_format}
 * {@code json_schema}, strict); goes through a {@link ReplayStore} whose key holds the whole
 * request (rubric text and judge model included), so a changed rubric never reuses an old verdict;
 * and is reported with {@link Recording#judgeCall(LlmCall)}, so its cost is judge cost. A 429 or
 * 5xx is retried (at most {@code maxRetries} times, waiting what {@code Retry-After} says, at most
 * {@code maxRetryWait}); at most {@code maxConcurrency} requests are in flight. Thread-safe.
 *
 * <pre>{@code
 * Judge judge = OpenAiJudge.builder()
 *     .baseUrl("https://api.openai.com/v1").apiKey(System.getenv("OPENAI_API_KEY"))
 *     .model("gpt-4o-mini")
 *     .recordings(ReplayStore.at(Path.of("src/test/resources/llm-recordings")))
 *     .build();
 * }</pre>
 */
public final class OpenAiJudge implements Judge {

  /** The environment variable (or system property {@code evals4j.judge.base-url}) of the endpoint. */
  public static final String ENV_BASE_URL = "EVALS4J_JUDGE_BASE_URL";
  /** The environment variable (or system property {@code evals4j.judge.api-key}) of the API key. */
  public static final String ENV_API_KEY = "EVALS4J_JUDGE_API_KEY";
  /** The environment variable (or system property {@code evals4j.judge.model}) of the model. */
  public static final String ENV_MODEL = "EVALS4J_JUDGE_MODEL";

  static final ObjectMapper JSON = new ObjectMapper();

  /** How the client waits before a retry; tests replace it to see the waits without waiting. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final URI endpoint;
  private final String apiKey;
  private final String model;
  private final String provider;
  private final Duration timeout;
  private final double temperature;
  private final int maxRetries;
  private final Duration maxRetryWait;
  private final Semaphore inFlight;
  private final ReplayStore store;
  private final HttpClient http;
  private final Sleeper sleeper;

  private OpenAiJudge(Builder b) {
    String base = b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl;
    this.endpoint = URI.create(base + "/chat/completions");
    this.apiKey = b.apiKey;
    this.model = b.model;
    this.provider = b.provider;
    this.timeout = b.timeout;
    this.temperature = b.temperature;
    this.maxRetries = b.maxRetries;
    this.maxRetryWait = b.maxRetryWait;
    this.inFlight = new Semaphore(b.maxConcurrency, true);
    this.store = b.store;
    this.sleeper = b.sleeper;
    this.http = HttpClient.newBuilder().connectTimeout(b.timeout).build();
  }

  /** A builder; {@code baseUrl} and {@code model} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A judge configured from system properties {@code evals4j.judge.base-url}, {@code
   * evals4j.judge.api-key}, {@code evals4j.judge.model}, else the environment variables {@link
   * #ENV_BASE_URL}, {@link #ENV_API_KEY}, {@link #ENV_MODEL}, recording to and replaying from
   * {@code src/test/resources/llm-recordings}. There is deliberately no fallback to the
   * application's model settings: a model grading itself is a choice to make explicitly.
   *
   * @throws IllegalStateException naming the missing keys when base URL or model is unset
   */
  public static OpenAiJudge fromEnvironment() {
    return fromEnvironment(System::getProperty, System.getenv()).build();
  }

  static Builder fromEnvironment(UnaryOperator<String> properties, Map<String, String> env) {
    String base = setting(properties, env, "evals4j.judge.base-url", ENV_BASE_URL);
    String key = setting(properties, env, "evals4j.judge.api-key", ENV_API_KEY);
    String m = setting(properties, env, "evals4j.judge.model", ENV_MODEL);
    if (base == null || m == null) {
      throw new IllegalStateException("the judge is not configured: set " + (base == null
          ? ENV_BASE_URL + " (or -Devals4j.judge.base-url)" : "") + (base == null && m == null
          ? " and " : "") + (m == null ? ENV_MODEL + " (or -Devals4j.judge.model)" : ""));
    }
    return builder().baseUrl(base).apiKey(key).model(m);
  }

  private static String setting(UnaryOperator<String> properties, Map<String, String> env,
      String property, String variable) {
    String v = properties.apply(property);
    if (v == null || v.isBlank()) {
      v = env.get(variable);
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** The judge model asked. */
  public String model() {
    return model;
  }

  @Override
  public JudgeReply ask(JudgeRequest request) {
    Objects.requireNonNull(request, "request");
    String body = requestBody(request);
    ReplayKey key = ReplayKey.of(provider, model, body, request.repeat())
        .withCallId("judge/" + request.callId());
    Instant start = Instant.now();
    ReplayResponse response;
    try {
      response = store.exchange(key, () -> send(body));
    } catch (ReplayException e) {
      throw e; // a missing or stale recording is the suite's problem, not the judge's
    } catch (IOException | RuntimeException e) {
      Recording.judgeCall(LlmCall.builder(provider, model).startedAt(start)
          .latency(Duration.between(start, Instant.now())).error(String.valueOf(e)).build());
      throw e instanceof JudgeException ? (JudgeException) e
          : new JudgeException("judge " + model + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JudgeException("judge " + model + " interrupted", e);
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(response.body());
    } catch (IOException e) {
      Recording.judgeCall(response.describe(LlmCall.builder(provider, model)).startedAt(start)
          .error("unreadable response: " + e.getMessage()).build());
      throw new JudgeException("judge " + model + " answered a body that is not JSON: "
          + Texts.abbreviate(response.body(), 200));
    }
    LlmCall.Builder call = LlmResponses.openAi(provider, tree);
    Recording.judgeCall(response.describe(call).startedAt(start).build());
    JsonNode message = tree.path("choices").path(0).path("message");
    if (message.isMissingNode()) {
      throw new JudgeException("judge " + model + " answered without choices[0].message: "
          + Texts.abbreviate(response.body(), 200));
    }
    String refusal = message.path("refusal").isTextual() ? message.path("refusal").asText() : null;
    String answeredBy = tree.path("model").isTextual() ? tree.path("model").asText() : model;
    return new JudgeReply(message.path("content").asText(""), refusal, answeredBy);
  }

  String requestBody(JudgeRequest request) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", model);
    root.put("temperature", temperature);
    ArrayNode messages = root.putArray("messages");
    messages.addObject().put("role", "system").put("content", request.system());
    messages.addObject().put("role", "user").put("content", request.user());
    ObjectNode format = root.putObject("response_format");
    format.put("type", "json_schema");
    ObjectNode schema = format.putObject("json_schema");
    schema.put("name", "verdict");
    schema.put("strict", true);
    try {
      schema.set("schema", JSON.readTree(request.responseSchema()));
    } catch (IOException e) {
      throw new IllegalArgumentException("responseSchema is not JSON: " + e.getMessage(), e);
    }
    return root.toString();
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
      HttpResponse<String> response;
      inFlight.acquire();
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        throw new JudgeException("judge " + model + " timed out after " + timeout + " (" + endpoint
            + ")", e);
      } finally {
        inFlight.release();
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return response.body();
      }
      boolean retryable = status == 429 || status >= 500;
      if (!retryable || attempt >= maxRetries) {
        throw new JudgeException("judge " + model + " answered HTTP " + status
            + (retryable ? " after " + (attempt + 1) + " attempts" : "") + ": "
            + Texts.abbreviate(response.body(), 200));
      }
      sleeper.sleep(retryWait(response.headers().firstValue("Retry-After").orElse(null), attempt,
          maxRetryWait, Instant.now()));
    }
  }

  /**
   * How long to wait before retry {@code attempt + 1}: what {@code Retry-After} says (seconds or
   * an HTTP date), else 0.5 s doubled per attempt; never more than {@code max}.
   */
  static Duration retryWait(String retryAfter, int attempt, Duration max, Instant now) {
    return RetryAfter.waitBefore(retryAfter, attempt, max, now);
  }

  /** Builds an {@link OpenAiJudge}. */
  public static final class Builder {
    private String baseUrl;
    private String apiKey;
    private String model;
    private String provider = "openai";
    private Duration timeout = Duration.ofSeconds(60);
    private double temperature;
    private int maxRetries = 3;
    private Duration maxRetryWait = Duration.ofSeconds(30);
    private int maxConcurrency = 4;
    private ReplayStore store;
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis());

    private Builder() {}

    /** The API root, e.g. {@code https://api.openai.com/v1}; {@code /chat/completions} is added. */
    public Builder baseUrl(String v) { this.baseUrl = Objects.requireNonNull(v, "baseUrl"); return this; }

    /** The bearer token, or {@code null} for an endpoint without one (a local model). */
    public Builder apiKey(String v) { this.apiKey = v; return this; }

    /** The judge model, e.g. {@code gpt-4o-mini}. */
    public Builder model(String v) { this.model = Objects.requireNonNull(v, "model"); return this; }

    /** The provider name used in recordings and reports; default {@code openai}. */
    public Builder provider(String v) { this.provider = Objects.requireNonNull(v, "provider"); return this; }

    /** Connect and per-attempt request timeout; default 60 s. */
    public Builder timeout(Duration v) { this.timeout = positive(v, "timeout"); return this; }

    /**
     * Sampling temperature; default 0 (the most repeatable verdicts). Raise it with {@code
     * samples(n)} to measure how much the judge's score varies.
     */
    public Builder temperature(double v) {
      if (!(v >= 0 && v <= 2)) {
        throw new IllegalArgumentException("temperature must be in [0, 2]: " + v);
      }
      this.temperature = v;
      return this;
    }

    /** Retries of a 429 or 5xx answer; default 3. */
    public Builder maxRetries(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0: " + v);
      }
      this.maxRetries = v;
      return this;
    }

    /** The longest wait before a retry, whatever {@code Retry-After} says; default 30 s. */
    public Builder maxRetryWait(Duration v) {
      this.maxRetryWait = Objects.requireNonNull(v, "maxRetryWait");
      return this;
    }

    /** Requests in flight at most (across threads); default 4. */
    public Builder maxConcurrency(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("maxConcurrency must be >= 1: " + v);
      }
      this.maxConcurrency = v;
      return this;
    }

    /** Where judge calls are recorded and replayed; default {@code src/test/resources/llm-recordings}. */
    public Builder recordings(ReplayStore v) { this.store = Objects.requireNonNull(v, "recordings"); return this; }

    Builder sleeper(Sleeper v) { this.sleeper = v; return this; }

    /** The judge. */
    public OpenAiJudge build() {
      if (baseUrl == null || model == null) {
        throw new IllegalStateException("OpenAiJudge needs baseUrl and model");
      }
      if (store == null) {
        store = ReplayStore.at(Path.of("src/test/resources/llm-recordings"));
      }
      return new OpenAiJudge(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }
}
