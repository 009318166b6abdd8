package io.github.evals4j.llm;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One call to an LLM, as the application or the test made it: who, which model, tokens, timing.
 *
 * <p>Token counts are {@code -1} when unknown. Build one with {@link #builder(String, String)} and
 * hand it to {@link io.github.evals4j.recording.Recording#llmCall(LlmCall)}.
 *
 * <pre>{@code
 * Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini")
 *     .inputTokens(812).outputTokens(164).latency(Duration.ofMillis(930)).build());
 * }</pre>
 *
 * @param provider the provider, e.g. {@code openai}, {@code anthropic}
 * @param requestModel the model asked for
 * @param responseModel the model that answered (often a dated snapshot), or the request model
 * @param operation the operation, e.g. {@code chat}, {@code embeddings}
 * @param inputTokens prompt tokens, {@code -1} if unknown
 * @param outputTokens completion tokens, {@code -1} if unknown
 * @param cachedInputTokens prompt tokens served from cache, {@code -1} if unknown
 * @param reasoningTokens reasoning tokens within the output, {@code -1} if unknown
 * @param cacheWriteInputTokens prompt tokens written to a prompt cache by this call (Anthropic's
 *     {@code cache_creation_input_tokens}, charged above the input price), included in {@code
 *     inputTokens}; {@code -1} if unknown
 * @param cacheWrite1hInputTokens the part of {@code cacheWriteInputTokens} written with a 1-hour
 *     lifetime (charged more than 5-minute writes), {@code -1} if unknown
 * @param startedAt when the call started
 * @param latency how long the call took
 * @param timeToFirstToken for streams, time to the first token; {@code null} otherwise
 * @param finishReason why the model stopped, e.g. {@code stop}, {@code length}; may be null
 * @param error the error of a failed call, {@code null} on success
 * @param replayed whether the response was replayed from a recording rather than asked live
 * @param inputMessages the messages sent, as JSON text in the OpenTelemetry / Sentry {@code
 *     gen_ai.input.messages} shape ({@code [{"role":"user","parts":[{"type":"text","content":
 *     "..."}]}]}); null unless the recorder {@linkplain
 *     io.github.evals4j.recording.Recording#capturesMessages() captures messages}
 * @param outputMessages the model's answer in the same shape, or null
 */
public record LlmCall(
    String provider,
    String requestModel,
    String responseModel,
    String operation,
    long inputTokens,
    long outputTokens,
    long cachedInputTokens,
    long reasoningTokens,
    long cacheWriteInputTokens,
    long cacheWrite1hInputTokens,
    Instant startedAt,
    Duration latency,
    Duration timeToFirstToken,
    String finishReason,
    String error,
    boolean replayed,
    String inputMessages,
    String outputMessages) {

  public LlmCall {
    provider = Objects.requireNonNullElse(provider, "unknown");
    requestModel = Objects.requireNonNullElse(requestModel, "unknown");
    responseModel = Objects.requireNonNullElse(responseModel, requestModel);
    operation = Objects.requireNonNullElse(operation, "chat");
    startedAt = Objects.requireNonNullElseGet(startedAt, Instant::now);
    latency = Objects.requireNonNullElse(latency, Duration.ZERO);
  }

  /** The call without messages (the components before messages were added). */
  public LlmCall(String provider, String requestModel, String responseModel, String operation,
      long inputTokens, long outputTokens, long cachedInputTokens, long reasoningTokens,
      long cacheWriteInputTokens, long cacheWrite1hInputTokens, Instant startedAt,
      Duration latency, Duration timeToFirstToken, String finishReason, String error,
      boolean replayed) {
    this(provider, requestModel, responseModel, operation, inputTokens, outputTokens,
        cachedInputTokens, reasoningTokens, cacheWriteInputTokens, cacheWrite1hInputTokens,
        startedAt, latency, timeToFirstToken, finishReason, error, replayed, null, null);
  }

  /** A builder for a call to {@code model} of {@code provider}. */
  public static Builder builder(String provider, String model) {
    return new Builder(provider, model);
  }

  /** Input plus output tokens, {@code -1} if either is unknown. */
  public long totalTokens() {
    return inputTokens < 0 || outputTokens < 0 ? -1 : inputTokens + outputTokens;
  }

  /** Builds an {@link LlmCall}; unset token counts stay unknown ({@code -1}). */
  public static final class Builder {
    private final String provider;
    private final String requestModel;
    private String responseModel;
    private String operation = "chat";
    private long inputTokens = -1;
    private long outputTokens = -1;
    private long cachedInputTokens = -1;
    private long reasoningTokens = -1;
    private long cacheWriteInputTokens = -1;
    private long cacheWrite1hInputTokens = -1;
    private Instant startedAt;
    private Duration latency;
    private Duration timeToFirstToken;
    private String finishReason;
    private String error;
    private boolean replayed;
    private String inputMessages;
    private String outputMessages;

    private Builder(String provider, String requestModel) {
      this.provider = provider;
      this.requestModel = requestModel;
    }

    public Builder responseModel(String v) { this.responseModel = v; return this; }
    public Builder operation(String v) { this.operation = v; return this; }
    public Builder inputTokens(long v) { this.inputTokens = v; return this; }
    public Builder outputTokens(long v) { this.outputTokens = v; return this; }
    public Builder cachedInputTokens(long v) { this.cachedInputTokens = v; return this; }
    public Builder reasoningTokens(long v) { this.reasoningTokens = v; return this; }
    public Builder cacheWriteInputTokens(long v) { this.cacheWriteInputTokens = v; return this; }
    public Builder cacheWrite1hInputTokens(long v) { this.cacheWrite1hInputTokens = v; return this; }
    public Builder startedAt(Instant v) { this.startedAt = v; return this; }
    public Builder latency(Duration v) { this.latency = v; return this; }
    public Builder timeToFirstToken(Duration v) { this.timeToFirstToken = v; return this; }
    public Builder finishReason(String v) { this.finishReason = v; return this; }
    public Builder error(String v) { this.error = v; return this; }
    public Builder replayed(boolean v) { this.replayed = v; return this; }
    public Builder inputMessages(String v) { this.inputMessages = v; return this; }
    public Builder outputMessages(String v) { this.outputMessages = v; return this; }

    public LlmCall build() {
      return new LlmCall(provider, requestModel, responseModel, operation, inputTokens,
          outputTokens, cachedInputTokens, reasoningTokens, cacheWriteInputTokens,
          cacheWrite1hInputTokens, startedAt, latency, timeToFirstToken,
          finishReason, error, replayed, inputMessages, outputMessages);
    }
  }
}
