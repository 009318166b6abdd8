package io.github.evals4j.springai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.LiveCall;
import io.github.evals4j.replay.ReplayKey;
import io.github.evals4j.replay.ReplayMode;
import io.github.evals4j.replay.ReplayResponse;
import io.github.evals4j.replay.ReplayStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A Spring AI {@link ChatModel} that records the responses of the model it wraps in a {@link
 * ReplayStore} and replays them, so a Spring AI application (a {@code ChatModel} or a {@code
 * ChatClient} over it, tools included) runs its tests offline, for free and the same every time,
 * without touching HTTP.
 *
 * <pre>{@code
 * ChatModel model = ReplayingChatModel.wrap(openAiChatModel, ReplayStore.at(Path.of("src/test/resources/llm-recordings")));
 * ChatClient client = ChatClient.create(model);
 * }</pre>
 *
 * <p>A request is keyed by the provider, the model and the SHA-256 of its canonical JSON: the
 * messages (text, tool calls, tool results), the model, the portable options (temperature, top-p,
 * top-k, penalties, max tokens, stop sequences; the wrapped model's defaults where the prompt sets
 * none) and the tools offered (name, description, input schema). The store's {@linkplain
 * ReplayMode mode} decides between replaying and calling the wrapped model. A live call is
 * reported by the wrapped model's observations (register an {@link Evals4jObservationHandler} on
 * its registry); a replayed call never reaches it, so this model reports it to {@link Recording}
 * itself, flagged {@code replayed}, with the recorded usage, finish reason and latency.
 *
 * <p>Streaming: in {@code fresh} mode a stream is the wrapped model's, untouched; otherwise the
 * whole response is recorded and a stream (live or replayed) arrives as one aggregated {@link
 * ChatResponse}. Thread-safe when the wrapped model is.
 */
public final class ReplayingChatModel implements ChatModel {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ChatModel delegate;
  private final ReplayStore store;
  private final String provider;

  private ReplayingChatModel(ChatModel delegate, ReplayStore store, String provider) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.store = Objects.requireNonNull(store, "store");
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  /**
   * {@code model}, its responses recorded in and replayed from {@code store}; the provider named
   * in the recordings is guessed from the model's class ({@code OpenAiChatModel} → {@code
   * openai}), use {@link #wrap(ChatModel, ReplayStore, String)} to name it.
   */
  public static ReplayingChatModel wrap(ChatModel model, ReplayStore store) {
    return new ReplayingChatModel(model, store, providerOf(model));
  }

  /** {@code model} of {@code provider} (e.g. {@code openai}), recorded in and replayed from {@code store}. */
  public static ReplayingChatModel wrap(ChatModel model, ReplayStore store, String provider) {
    return new ReplayingChatModel(model, store, SpringAiCalls.providerName(provider));
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    return exchange(prompt, () -> responseToJson(delegate.call(prompt)));
  }

  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    if (store.mode() == ReplayMode.FRESH) {
      return delegate.stream(prompt);
    }
    // the live stream is aggregated and recorded whole, off the subscriber's thread (a reactor
    // thread must not block on it), with the caller's recorder bound there
    Callable<ChatResponse> whole = Recording.wrap(
        () -> exchange(prompt, () -> responseToJson(aggregate(delegate.stream(prompt)))));
    return Mono.fromCallable(whole).subscribeOn(Schedulers.boundedElastic()).flux();
  }

  @Override
  public ChatOptions getOptions() {
    return delegate.getOptions();
  }

  private ChatResponse exchange(Prompt prompt, LiveCall live) {
    ChatOptions defaults = delegate.getOptions();
    String model = SpringAiCalls.requestModel(prompt, defaults);
    ReplayKey key = ReplayKey.of(provider, model, canonicalRequest(prompt, defaults));
    Instant start = Instant.now();
    ReplayResponse response;
    try {
      response = store.exchange(key, live);
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

  private static ChatResponse aggregate(Flux<ChatResponse> stream) {
    AtomicReference<ChatResponse> whole = new AtomicReference<>();
    new MessageAggregator().aggregate(stream, whole::set).blockLast();
    if (whole.get() == null) {
      throw new IllegalStateException("the stream ended without a response");
    }
    return whole.get();
  }

  /** The canonical JSON of a request: what makes two requests the same recording. */
  static ObjectNode canonicalRequest(Prompt prompt, ChatOptions defaults) {
    ChatOptions options = prompt.getOptions();
    ObjectNode json = JSON.createObjectNode();
    json.put("model", SpringAiCalls.requestModel(prompt, defaults));
    ArrayNode messages = json.putArray("messages");
    for (Message m : prompt.getInstructions()) {
      ObjectNode message = messages.addObject();
      message.put("type", m.getMessageType().getValue());
      message.put("text", m.getText());
      if (m instanceof AssistantMessage a && a.hasToolCalls()) {
        ArrayNode calls = message.putArray("toolCalls");
        for (AssistantMessage.ToolCall c : a.getToolCalls()) {
          calls.addObject().put("id", c.id()).put("type", c.type()).put("name", c.name())
              .put("arguments", c.arguments());
        }
      }
      if (m instanceof ToolResponseMessage t) {
        ArrayNode responses = message.putArray("toolResponses");
        for (ToolResponseMessage.ToolResponse r : t.getResponses()) {
          responses.addObject().put("id", r.id()).put("name", r.name()).put("data", r.responseData());
        }
      }
    }
    ObjectNode p = json.putObject("options");
    p.put("temperature", option(options, defaults, ChatOptions::getTemperature));
    p.put("topP", option(options, defaults, ChatOptions::getTopP));
    p.put("topK", option(options, defaults, ChatOptions::getTopK));
    p.put("maxTokens", option(options, defaults, ChatOptions::getMaxTokens));
    p.put("frequencyPenalty", option(options, defaults, ChatOptions::getFrequencyPenalty));
    p.put("presencePenalty", option(options, defaults, ChatOptions::getPresencePenalty));
    ArrayNode stop = p.putArray("stopSequences");
    List<String> stops = option(options, defaults, ChatOptions::getStopSequences);
    if (stops != null) {
      stops.forEach(stop::add);
    }
    ArrayNode tools = json.putArray("tools");
    List<ToolCallback> callbacks = options instanceof ToolCallingChatOptions t ? t.getToolCallbacks() : null;
    if (callbacks != null) {
      for (ToolCallback callback : callbacks) {
        ToolDefinition d = callback.getToolDefinition();
        tools.addObject().put("name", d.name()).put("description", d.description())
            .put("inputSchema", d.inputSchema());
      }
    }
    return json;
  }

  private static <T> T option(ChatOptions options, ChatOptions defaults, Function<ChatOptions, T> get) {
    T value = options == null ? null : get.apply(options);
    return value != null || defaults == null ? value : get.apply(defaults);
  }

  static String responseToJson(ChatResponse response) {
    ObjectNode json = JSON.createObjectNode();
    ChatResponseMetadata m = response.getMetadata();
    if (m != null) {
      json.put("id", m.getId());
      json.put("model", m.getModel());
      Usage usage = m.getUsage();
      if (usage != null && !(usage instanceof EmptyUsage)) {
        ObjectNode u = json.putObject("usage");
        u.put("promptTokens", usage.getPromptTokens());
        u.put("completionTokens", usage.getCompletionTokens());
        u.put("totalTokens", usage.getTotalTokens());
        u.put("cacheReadInputTokens", usage.getCacheReadInputTokens());
        u.put("cacheWriteInputTokens", usage.getCacheWriteInputTokens());
        SpringAiCalls.reasoningTokens(usage.getNativeUsage())
            .ifPresent(n -> u.put("reasoningTokens", n));
      }
    }
    ArrayNode generations = json.putArray("generations");
    for (Generation g : response.getResults()) {
      ObjectNode generation = generations.addObject();
      AssistantMessage out = g.getOutput();
      generation.put("text", out.getText());
      ArrayNode calls = generation.putArray("toolCalls");
      for (AssistantMessage.ToolCall c : out.getToolCalls()) {
        calls.addObject().put("id", c.id()).put("type", c.type()).put("name", c.name())
            .put("arguments", c.arguments());
      }
      generation.put("finishReason", g.getMetadata() == null ? null : g.getMetadata().getFinishReason());
    }
    return json.toString();
  }

  static ChatResponse responseFromJson(JsonNode json) {
    List<Generation> generations = new ArrayList<>();
    for (JsonNode g : json.path("generations")) {
      List<AssistantMessage.ToolCall> calls = new ArrayList<>();
      for (JsonNode c : g.path("toolCalls")) {
        calls.add(new AssistantMessage.ToolCall(text(c, "id"), text(c, "type"), text(c, "name"),
            text(c, "arguments")));
      }
      AssistantMessage message = AssistantMessage.builder().content(text(g, "text"))
          .toolCalls(calls).build();
      generations.add(new Generation(message,
          ChatGenerationMetadata.builder().finishReason(text(g, "finishReason")).build()));
    }
    ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder();
    if (text(json, "id") != null) {
      metadata.id(text(json, "id"));
    }
    if (text(json, "model") != null) {
      metadata.model(text(json, "model"));
    }
    JsonNode u = json.get("usage");
    if (u != null && u.isObject()) {
      metadata.usage(new DefaultUsage(integer(u, "promptTokens"), integer(u, "completionTokens"),
          integer(u, "totalTokens"), null, longValue(u, "cacheReadInputTokens"),
          longValue(u, "cacheWriteInputTokens")));
    }
    return new ChatResponse(generations, metadata.build());
  }

  private static void describe(LlmCall.Builder call, JsonNode json) {
    String model = text(json, "model");
    if (model != null) {
      call.responseModel(model);
    }
    for (JsonNode g : json.path("generations")) {
      String finish = text(g, "finishReason");
      if (finish != null && !finish.isBlank()) {
        call.finishReason(finish.strip().toLowerCase(Locale.ROOT));
        break;
      }
    }
    JsonNode u = json.path("usage");
    if (u.hasNonNull("promptTokens")) {
      call.inputTokens(u.get("promptTokens").asLong());
    }
    if (u.hasNonNull("completionTokens")) {
      call.outputTokens(u.get("completionTokens").asLong());
    }
    if (u.hasNonNull("cacheReadInputTokens")) {
      call.cachedInputTokens(u.get("cacheReadInputTokens").asLong());
    }
    if (u.hasNonNull("cacheWriteInputTokens")) {
      call.cacheWriteInputTokens(u.get("cacheWriteInputTokens").asLong());
    }
    if (u.hasNonNull("reasoningTokens")) {
      call.reasoningTokens(u.get("reasoningTokens").asLong());
    }
  }

  /** {@code OpenAiChatModel} → {@code openai}, {@code AnthropicChatModel} → {@code anthropic}. */
  static String providerOf(ChatModel model) {
    String name = model.getClass().getSimpleName();
    String bare = name.endsWith("ChatModel") ? name.substring(0, name.length() - "ChatModel".length()) : name;
    if (bare.isEmpty()) {
      return "unknown";
    }
    return SpringAiCalls.providerName(switch (bare) {
      case "OpenAi" -> "openai";
      case "AzureOpenAi" -> "azure_openai";
      case "BedrockProxy", "BedrockConverse" -> "bedrock_converse";
      case "GoogleGenAi" -> "google_genai";
      case "MistralAi" -> "mistral_ai";
      case "VertexAiGemini" -> "vertex_ai";
      default -> bare.toLowerCase(Locale.ROOT);
    });
  }

  private static String text(JsonNode json, String field) {
    JsonNode n = json.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Integer integer(JsonNode json, String field) {
    JsonNode n = json.get(field);
    return n == null || n.isNull() ? null : n.asInt();
  }

  private static Long longValue(JsonNode json, String field) {
    JsonNode n = json.get(field);
    return n == null || n.isNull() ? null : n.asLong();
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
