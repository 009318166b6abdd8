package io.github.evals4j.springai;

import io.github.evals4j.llm.LlmCall;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** What the observation handler and the replaying model read from Spring AI's types. */
final class SpringAiCalls {

  /** Longest error text kept: an error body can be a whole HTML page. */
  static final int MAX_ERROR_CHARS = 500;

  private SpringAiCalls() {}

  /**
   * The OpenTelemetry {@code gen_ai.system} name of a Spring AI provider ({@code AiProvider}
   * value), so calls made through Spring AI and through a hand-written client price alike.
   */
  static String providerName(String springAiProvider) {
    if (springAiProvider == null || springAiProvider.isBlank()) {
      return "unknown";
    }
    String p = springAiProvider.strip().toLowerCase(Locale.ROOT);
    switch (p) {
      case "azure_openai": return "az.ai.openai";
      case "bedrock_converse": return "aws.bedrock";
      case "google_genai": return "gemini";
      default: return p; // openai, anthropic, mistral_ai, ollama, deepseek, vertex_ai: the same
    }
  }

  /** The model asked for: the prompt's options (the model's defaults merged in), else unknown. */
  static String requestModel(Prompt prompt, ChatOptions defaults) {
    String model = prompt == null || prompt.getOptions() == null ? null
        : prompt.getOptions().getModel();
    if ((model == null || model.isBlank()) && defaults != null) {
      model = defaults.getModel();
    }
    return model == null || model.isBlank() ? "unknown" : model;
  }

  /** Sets the response model, finish reason and token usage of {@code response} on {@code call}. */
  static void describe(LlmCall.Builder call, ChatResponse response) {
    if (response == null) {
      return;
    }
    ChatResponseMetadata metadata = response.getMetadata();
    if (metadata != null) {
      String model = metadata.getModel();
      if (model != null && !model.isBlank()) {
        call.responseModel(model);
      }
      Usage usage = metadata.getUsage();
      if (usage != null && !(usage instanceof EmptyUsage)) {
        if (usage.getPromptTokens() != null) {
          call.inputTokens(usage.getPromptTokens());
        }
        if (usage.getCompletionTokens() != null) {
          call.outputTokens(usage.getCompletionTokens());
        }
        if (usage.getCacheReadInputTokens() != null) {
          call.cachedInputTokens(usage.getCacheReadInputTokens());
        }
        if (usage.getCacheWriteInputTokens() != null) {
          call.cacheWriteInputTokens(usage.getCacheWriteInputTokens());
        }
        reasoningTokens(usage.getNativeUsage()).ifPresent(call::reasoningTokens);
      }
    }
    finishReason(response).ifPresent(call::finishReason);
  }

  /** The first generation's finish reason, lower case ({@code stop}, {@code tool_calls}, ...). */
  static Optional<String> finishReason(ChatResponse response) {
    for (Generation g : response.getResults()) {
      ChatGenerationMetadata m = g == null ? null : g.getMetadata();
      String reason = m == null ? null : m.getFinishReason();
      if (reason != null && !reason.isBlank()) {
        return Optional.of(reason.strip().toLowerCase(Locale.ROOT));
      }
    }
    return Optional.empty();
  }

  /** The error's class and message, cut to {@link #MAX_ERROR_CHARS}. */
  static String errorOf(Throwable error) {
    if (error == null) {
      return "unknown error";
    }
    // the provider SDK's exception type says what happened (RateLimitException,
    // UnauthorizedException, ...), its message quotes the provider
    String text = error.getClass().getSimpleName() + ": " + error.getMessage();
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
  }

  /**
   * Reasoning tokens from the provider's own usage object (the OpenAI SDK's {@code
   * CompletionUsage.completionTokensDetails().reasoningTokens()}), read without a compile-time
   * dependency on the provider's SDK; empty when absent. Spring AI's {@code Usage} has no such
   * field.
   */
  static OptionalLong reasoningTokens(Object nativeUsage) {
    if (nativeUsage == null) {
      return OptionalLong.empty();
    }
    Object details = invoke(nativeUsage, "completionTokensDetails");
    Object n = details == null ? null : invoke(details, "reasoningTokens");
    return n instanceof Number num ? OptionalLong.of(num.longValue()) : OptionalLong.empty();
  }

  /** {@code target.name()}, an {@code Optional} unwrapped; null when absent or unreadable. */
  private static Object invoke(Object target, String name) {
    try {
      Method m = target.getClass().getMethod(name);
      Object value = m.invoke(target);
      return value instanceof Optional<?> o ? o.orElse(null) : value;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
