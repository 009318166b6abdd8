package io.github.evals4j.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.judge.Judge;
import io.github.evals4j.judge.JudgeException;
import io.github.evals4j.judge.JudgeReply;
import io.github.evals4j.judge.JudgeRequest;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.ReplayException;
import io.github.evals4j.replay.ReplayKey;
import io.github.evals4j.replay.ReplayResponse;
import io.github.evals4j.replay.ReplayStore;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A LangChain4j {@link ChatModel} as the {@link Judge} of the model-graded checks ({@code
 * evals4j-judge}'s {@code JudgeChecks}): any provider LangChain4j supports can grade outputs.
 *
 * <pre>{@code
 * ChatModel gpt = OpenAiChatModel.builder().apiKey(key).modelName("gpt-4o-mini").build();
 * Judge judge = LangChain4jJudge.builder(gpt).recordings(ReplayStore.at(dir, ReplayMode.AUTO)).build();
 * CheckResult r = JudgeChecks.rubric(judge, "Polite and specific").evaluate(answer);
 * }</pre>
 *
 * <p>The verdict's JSON Schema is sent as the response format where the model says it supports
 * one ({@link Capability#RESPONSE_FORMAT_JSON_SCHEMA}), else JSON mode is asked for; the reply is
 * validated by the checks either way ({@link ReplyFormat}). Every call is recorded as a <em>judge</em>
 * call (its cost apart from the application's) and goes through the {@link ReplayStore} given to
 * {@link Builder#recordings} (default: always live), keyed by the whole request and the check's call
 * id, so a changed rubric never reuses an old verdict. A model that throws (timeout, rate limits
 * after LangChain4j's own retries, HTTP error) is a {@link JudgeException}, which the checks count as a
 * judge error. Do not attach {@link Evals4jChatModelListener} to the judge's model: its calls would
 * also count as the application's.
 */
public final class LangChain4jJudge implements Judge {

  /** How the reply format is asked of the model. */
  public enum ReplyFormat {
    /** The JSON Schema when the model declares support for it, else JSON mode. The default. */
    AUTO,
    /** Always the JSON Schema ({@code response_format: json_schema} on OpenAI). */
    JSON_SCHEMA,
    /** JSON mode ({@code response_format: json_object} on OpenAI); the schema is in the prompt. */
    JSON,
    /** No response format: for models that reject one; the reply is still validated. */
    TEXT
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChatModel model;
  private final ReplayStore store;
  private final ReplyFormat format;
  private final Double temperature;
  private final String provider;
  private final String modelName;

  private LangChain4jJudge(Builder b) {
    this.model = b.model;
    this.store = b.store;
    this.format = b.format;
    this.temperature = b.temperature;
    this.provider = LangChain4jCalls.providerName(b.model.provider());
    ChatRequestParameters defaults = b.model.defaultRequestParameters();
    String name = defaults == null ? null : defaults.modelName();
    this.modelName = name == null || name.isBlank() ? "unknown" : name;
  }

  /** A builder for a judge asking {@code model}. */
  public static Builder builder(ChatModel model) {
    return new Builder(model);
  }

  @Override
  public JudgeReply ask(JudgeRequest request) {
    Objects.requireNonNull(request, "request");
    ResponseFormat responseFormat = responseFormat(request.responseSchema());
    ReplayKey key = ReplayKey.of(provider, modelName, canonical(request, responseFormat),
        request.repeat()).withCallId("judge/" + request.callId());
    Instant start = Instant.now();
    ReplayResponse response;
    try {
      response = store.exchange(key, () -> live(request, responseFormat));
    } catch (ReplayException e) {
      throw e; // a missing or stale recording is the suite's problem, not the judge's
    } catch (IOException | RuntimeException e) {
      String error = e instanceof JudgeException ? e.getMessage() : LangChain4jCalls.errorOf(e);
      Recording.judgeCall(LlmCall.builder(provider, modelName).startedAt(start)
          .latency(Duration.between(start, Instant.now())).error(error).build());
      throw e instanceof JudgeException ? (JudgeException) e
          : new JudgeException("judge " + modelName + " failed: " + Texts.abbreviate(error, 300), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JudgeException("judge " + modelName + " interrupted", e);
    }
    JsonNode stored;
    try {
      stored = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new JudgeException("judge " + modelName + ": unreadable recording: " + e.getMessage(), e);
    }
    String answeredBy = stored.path("model").asText(modelName);
    LlmCall.Builder call = LlmCall.builder(provider, modelName).responseModel(answeredBy)
        .operation("chat").startedAt(start);
    if (stored.path("input_tokens").canConvertToLong()) {
      call.inputTokens(stored.path("input_tokens").longValue());
    }
    if (stored.path("output_tokens").canConvertToLong()) {
      call.outputTokens(stored.path("output_tokens").longValue());
    }
    if (stored.path("finish_reason").isTextual()) {
      call.finishReason(stored.path("finish_reason").asText());
    }
    Recording.judgeCall(response.describe(call).build());
    return JudgeReply.of(stored.path("text").asText(""), answeredBy);
  }

  private String live(JudgeRequest request, ResponseFormat responseFormat) {
    ChatRequest.Builder chat = ChatRequest.builder()
        .messages(SystemMessage.from(request.system()), UserMessage.from(request.user()));
    if (responseFormat != null) {
      chat.responseFormat(responseFormat);
    }
    if (temperature != null) {
      chat.temperature(temperature);
    }
    ChatResponse response = model.chat(chat.build());
    AiMessage message = response == null ? null : response.aiMessage();
    ObjectNode body = JSON.createObjectNode();
    body.put("text", message == null || message.text() == null ? "" : message.text());
    String answeredBy = response == null ? null : response.modelName();
    body.put("model", answeredBy == null || answeredBy.isBlank() ? modelName : answeredBy);
    TokenUsage usage = response == null ? null : response.tokenUsage();
    if (usage != null && usage.inputTokenCount() != null) {
      body.put("input_tokens", usage.inputTokenCount());
    }
    if (usage != null && usage.outputTokenCount() != null) {
      body.put("output_tokens", usage.outputTokenCount());
    }
    if (response != null && response.finishReason() != null) {
      body.put("finish_reason", response.finishReason().name().toLowerCase(java.util.Locale.ROOT));
    }
    return body.toString();
  }

  private ResponseFormat responseFormat(String schema) {
    ReplyFormat effective = format;
    if (effective == ReplyFormat.AUTO) {
      effective = model.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
          ? ReplyFormat.JSON_SCHEMA : ReplyFormat.JSON;
    }
    switch (effective) {
      case JSON_SCHEMA:
        return ResponseFormat.builder().type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("verdict")
                .rootElement(JsonRawSchema.from(schema)).build())
            .build();
      case JSON:
        return ResponseFormat.JSON;
      default:
        return null;
    }
  }

  /** The request as recorded: everything that decides the verdict. */
  private String canonical(JudgeRequest request, ResponseFormat responseFormat) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", modelName);
    if (temperature != null) {
      root.put("temperature", temperature);
    }
    root.put("system", request.system());
    root.put("user", request.user());
    root.put("response_format", responseFormat == null ? "text"
        : responseFormat.jsonSchema() != null ? "json_schema" : "json");
    root.put("response_schema", request.responseSchema());
    return root.toString();
  }

  /** Builds a {@link LangChain4jJudge}. */
  public static final class Builder {
    private final ChatModel model;
    private ReplayStore store = ReplayStore.live();
    private ReplyFormat format = ReplyFormat.AUTO;
    private Double temperature = 0.0;

    private Builder(ChatModel model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /** Where judge calls are recorded and replayed; default {@link ReplayStore#live()}. */
    public Builder recordings(ReplayStore v) { this.store = Objects.requireNonNull(v, "recordings"); return this; }

    /** How the reply format is asked; default {@link ReplyFormat#AUTO}. */
    public Builder replyFormat(ReplyFormat v) { this.format = Objects.requireNonNull(v, "replyFormat"); return this; }

    /** Sampling temperature; default 0; {@code null} leaves the model's own. */
    public Builder temperature(Double v) { this.temperature = v; return this; }

    /** The judge. */
    public LangChain4jJudge build() {
      return new LangChain4jJudge(this);
    }
  }
}
