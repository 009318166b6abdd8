package io.github.evals4j.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.TokenUsage;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.OptionalLong;

/** What the listener and the replaying model read from LangChain4j's types. */
final class LangChain4jCalls {

  /** Longest error text kept: an error body can be a whole HTML page. */
  static final int MAX_ERROR_CHARS = 500;

  private LangChain4jCalls() {}

  /** The OpenTelemetry {@code gen_ai.system} name of a LangChain4j provider. */
  static String providerName(ModelProvider provider) {
    if (provider == null) {
      return "unknown";
    }
    switch (provider) {
      case OPEN_AI: return "openai";
      case AZURE_OPEN_AI: return "az.ai.openai";
      case ANTHROPIC: return "anthropic";
      case AMAZON_BEDROCK: return "aws.bedrock";
      case GOOGLE_AI_GEMINI: return "gemini";
      case GOOGLE_VERTEX_AI_GEMINI: return "vertex_ai";
      case MISTRAL_AI: return "mistral_ai";
      case COHERE: return "cohere";
      case OLLAMA: return "ollama";
      case WATSONX: return "ibm.watsonx.ai";
      default: return provider.name().toLowerCase(Locale.ROOT);
    }
  }

  static String requestModel(ChatRequest request) {
    String model = request == null ? null : request.modelName();
    return model == null || model.isBlank() ? "unknown" : model;
  }

  /** The error's class and message, cut to {@link #MAX_ERROR_CHARS}. */
  static String errorOf(Throwable error) {
    if (error == null) {
      return "unknown error";
    }
    // LangChain4j maps HTTP errors to typed exceptions: the type says what happened
    // (RateLimitException, AuthenticationException, ...), the message quotes the provider
    String text = error.getClass().getSimpleName() + ": " + error.getMessage();
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
  }

  /**
   * A provider-specific token detail (OpenAI's {@code inputTokensDetails().cachedTokens()}) read
   * without a compile-time dependency on the provider's module; empty when absent.
   */
  static OptionalLong detail(TokenUsage usage, String detailsMethod, String countMethod) {
    try {
      Method details = usage.getClass().getMethod(detailsMethod);
      Object d = details.invoke(usage);
      if (d == null) {
        return OptionalLong.empty();
      }
      Object n = d.getClass().getMethod(countMethod).invoke(d);
      return n instanceof Number num ? OptionalLong.of(num.longValue()) : OptionalLong.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
