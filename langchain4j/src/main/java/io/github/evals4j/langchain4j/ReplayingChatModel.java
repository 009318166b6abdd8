package io.github.evals4j.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.ReplayKey;
import io.github.evals4j.replay.ReplayResponse;
import io.github.evals4j.replay.ReplayStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link ChatModel} that records the responses of the model it wraps in a {@link ReplayStore}
 * and replays them, so a LangChain4j application (plain or AI Services) runs its tests offline,
 * for free and the same every time, without touching HTTP.
 *
 * <pre>{@code
 * ChatModel live = OpenAiChatModel.builder()...listeners(List.of(new Evals4jChatModelListener())).build();
 * ChatModel model = ReplayingChatModel.wrap(live, ReplayStore.at(Path.of("src/test/resources/llm-recordings")));
 * }</pre>
 *
 * <p>A request is keyed by the provider, the model and the SHA-256 of its canonical JSON: the
 * messages, the model, the parameters (temperature, top-p/k, penalties, max output tokens, stop
 * sequences, tool choice, response format) and the tools offered. The {@linkplain
 * io.github.evals4j.replay.ReplayMode mode} of the store decides between replaying and calling
 * the wrapped model. A live call is reported by the wrapped model's own listeners (register an
 * {@link Evals4jChatModelListener} on it); a replayed call never reaches it, so this model
 * reports it to {@link Recording} itself, flagged {@code replayed}, with the recorded usage and
 * latency. Thread-safe when the wrapped model is.
 */
public final class ReplayingChatModel implements ChatModel {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ChatModel delegate;
  private final ReplayStore store;

  private ReplayingChatModel(ChatModel delegate, ReplayStore store) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.store = Objects.requireNonNull(store, "store");
  }

  /** {@code model}, its responses recorded in and replayed from {@code store}. */
  public static ReplayingChatModel wrap(ChatModel model, ReplayStore store) {
    return new ReplayingChatModel(model, store);
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return exchange(request, () -> delegate.chat(request));
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
    return exchange(request, () -> delegate.chat(request, options));
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    return exchange(request, () -> delegate.chat(request));
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return delegate.defaultRequestParameters();
  }

  /** None: the wrapped model's listeners see its live calls; replayed ones are reported here. */
  @Override
  public List<ChatModelListener> listeners() {
    return List.of();
  }

  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return delegate.supportedCapabilities();
  }

  private ChatResponse exchange(ChatRequest request, Supplier<ChatResponse> live) {
    ChatRequest effective = effective(request);
    String provider = LangChain4jCalls.providerName(delegate.provider());
    String model = LangChain4jCalls.requestModel(effective);
    ReplayKey key = ReplayKey.of(provider, model, canonicalRequest(effective));
    Instant start = Instant.now();
    ReplayResponse response;
    try {
      response = store.exchange(key, () -> responseToJson(live.get()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + key, e);
    }
    JsonNode stored = readTree(response.body());
    if (response.replayed()) {
      LlmCall.Builder call = LlmCall.builder(provider, model).startedAt(start);
      describe(call, stored);
      Recording.llmCall(response.describe(call).build());
    }
    return responseFromJson(stored);
  }

  /** The request as the wrapped model sees it: its default parameters overridden by the request's. */
  private ChatRequest effective(ChatRequest request) {
    ChatRequestParameters defaults = delegate.defaultRequestParameters();
    if (defaults == null) {
      return request;
    }
    return ChatRequest.builder().messages(request.messages())
        .parameters(defaults.overrideWith(request.parameters())).build();
  }

  /** The canonical JSON of a request: what makes two requests the same recording. */
  static ObjectNode canonicalRequest(ChatRequest request) {
    ObjectNode json = JSON.createObjectNode();
    json.put("model", request.modelName());
    json.set("messages", readTree(ChatMessageSerializer.messagesToJson(request.messages())));
    ObjectNode p = json.putObject("parameters");
    p.put("temperature", request.temperature());
    p.put("topP", request.topP());
    p.put("topK", request.topK());
    p.put("frequencyPenalty", request.frequencyPenalty());
    p.put("presencePenalty", request.presencePenalty());
    p.put("maxOutputTokens", request.maxOutputTokens());
    ArrayNode stop = p.putArray("stopSequences");
    if (request.stopSequences() != null) {
      request.stopSequences().forEach(stop::add);
    }
    p.put("toolChoice", request.toolChoice() == null ? null : request.toolChoice().name());
    p.put("responseFormat", request.responseFormat() == null ? null
        : request.responseFormat().toString());
    ArrayNode tools = json.putArray("tools");
    if (request.toolSpecifications() != null) {
      for (ToolSpecification tool : request.toolSpecifications()) {
        ObjectNode t = tools.addObject();
        t.put("name", tool.name());
        t.put("description", tool.description());
        // JsonObjectSchema's toString lists every property, type and description in order
        t.put("parameters", tool.parameters() == null ? null : tool.parameters().toString());
      }
    }
    return json;
  }

  static String responseToJson(ChatResponse response) {
    ObjectNode json = JSON.createObjectNode();
    json.set("aiMessage", readTree(ChatMessageSerializer.messageToJson(response.aiMessage())));
    ChatResponseMetadata m = response.metadata();
    if (m != null) {
      json.put("id", m.id());
      json.put("modelName", m.modelName());
      json.put("finishReason", m.finishReason() == null ? null : m.finishReason().name());
      TokenUsage usage = m.tokenUsage();
      if (usage != null) {
        json.put("inputTokens", usage.inputTokenCount());
        json.put("outputTokens", usage.outputTokenCount());
        LangChain4jCalls.detail(usage, "inputTokensDetails", "cachedTokens")
            .ifPresent(n -> json.put("cachedInputTokens", n));
        LangChain4jCalls.detail(usage, "outputTokensDetails", "reasoningTokens")
            .ifPresent(n -> json.put("reasoningTokens", n));
      }
    }
    return json.toString();
  }

  static ChatResponse responseFromJson(JsonNode json) {
    AiMessage message = (AiMessage) ChatMessageDeserializer.messageFromJson(
        json.path("aiMessage").toString());
    ChatResponseMetadata.Builder<?> metadata = ChatResponseMetadata.builder()
        .id(text(json, "id")).modelName(text(json, "modelName"));
    String finish = text(json, "finishReason");
    if (finish != null) {
      metadata.finishReason(FinishReason.valueOf(finish));
    }
    if (json.hasNonNull("inputTokens") || json.hasNonNull("outputTokens")) {
      metadata.tokenUsage(new TokenUsage(integer(json, "inputTokens"), integer(json, "outputTokens")));
    }
    return ChatResponse.builder().aiMessage(message).metadata(metadata.build()).build();
  }

  static void describe(LlmCall.Builder call, JsonNode json) {
    String model = text(json, "modelName");
    if (model != null) {
      call.responseModel(model);
    }
    String finish = text(json, "finishReason");
    if (finish != null) {
      call.finishReason(finish.toLowerCase(Locale.ROOT));
    }
    if (json.hasNonNull("inputTokens")) {
      call.inputTokens(json.get("inputTokens").asLong());
    }
    if (json.hasNonNull("outputTokens")) {
      call.outputTokens(json.get("outputTokens").asLong());
    }
    if (json.hasNonNull("cachedInputTokens")) {
      call.cachedInputTokens(json.get("cachedInputTokens").asLong());
    }
    if (json.hasNonNull("reasoningTokens")) {
      call.reasoningTokens(json.get("reasoningTokens").asLong());
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode n = json.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Integer integer(JsonNode json, String field) {
    JsonNode n = json.get(field);
    return n == null || n.isNull() ? null : n.asInt();
  }

  static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
