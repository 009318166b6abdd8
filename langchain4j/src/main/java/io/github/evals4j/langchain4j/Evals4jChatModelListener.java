package io.github.evals4j.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.TokenUsage;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Records every LangChain4j chat call as an {@link LlmCall} of the current test, so an app built
 * on LangChain4j shows its model, tokens, latency and errors in the evals4j report and in Sentry
 * without a line of evals4j code in the app. Outside a test (no recorder bound) it does nothing.
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder()
 *     .apiKey(key).modelName("gpt-4o-mini")
 *     .listeners(List.of(new Evals4jChatModelListener()))
 *     .build();
 * }</pre>
 *
 * <p>The test's recorder is captured when the request starts and used when the response or the
 * error arrives, so streaming responses completed on another thread are attributed to the test
 * that made the call. A streaming model wrapped in {@link ReplayingStreamingChatModel} also
 * reports the time to the first token. Never throws into LangChain4j. Stateless and thread-safe.
 */
public final class Evals4jChatModelListener implements ChatModelListener {

  private static final String START = Evals4jChatModelListener.class.getName() + ".start";
  private static final String NANOS = Evals4jChatModelListener.class.getName() + ".nanos";
  private static final String RECORDER = Evals4jChatModelListener.class.getName() + ".recorder";
  private static final String TIMING = Evals4jChatModelListener.class.getName() + ".timing";
  private static final String REPORTED = Evals4jChatModelListener.class.getName() + ".reported";

  /** A listener; one instance can serve every model of the application. */
  public Evals4jChatModelListener() {}

  @Override
  public void onRequest(ChatModelRequestContext context) {
    try {
      Map<Object, Object> attributes = context.attributes();
      attributes.put(START, Instant.now());
      attributes.put(NANOS, System.nanoTime());
      Recording.current().ifPresent(r -> attributes.put(RECORDER, r));
      StreamTiming timing = StreamTiming.claim();
      if (timing != null) {
        attributes.put(TIMING, timing);
      }
    } catch (RuntimeException ignored) {
      // never break the host's call
    }
  }

  @Override
  public void onResponse(ChatModelResponseContext context) {
    try {
      LlmCall.Builder call = started(context.chatRequest(), context.modelProvider(),
          context.attributes());
      describe(call, context.chatResponse());
      report(context.attributes(), call.build());
    } catch (RuntimeException ignored) {
      // never break the host's call
    }
  }

  @Override
  public void onError(ChatModelErrorContext context) {
    try {
      LlmCall.Builder call = started(context.chatRequest(), context.modelProvider(),
          context.attributes());
      call.error(LangChain4jCalls.errorOf(context.error()));
      report(context.attributes(), call.build());
    } catch (RuntimeException ignored) {
      // never break the host's call
    }
  }

  private static LlmCall.Builder started(ChatRequest request, ModelProvider provider,
      Map<Object, Object> attributes) {
    LlmCall.Builder call = LlmCall.builder(LangChain4jCalls.providerName(provider),
        LangChain4jCalls.requestModel(request));
    Object start = attributes.get(START);
    Object nanos = attributes.get(NANOS);
    if (start instanceof Instant s) {
      call.startedAt(s);
    }
    if (nanos instanceof Long n) {
      call.latency(Duration.ofNanos(System.nanoTime() - n));
      if (attributes.get(TIMING) instanceof StreamTiming timing) {
        call.timeToFirstToken(timing.timeToFirstToken());
      }
    }
    return call;
  }

  static void describe(LlmCall.Builder call, ChatResponse response) {
    if (response == null) {
      return;
    }
    ChatResponseMetadata metadata = response.metadata();
    if (metadata == null) {
      return;
    }
    if (metadata.modelName() != null) {
      call.responseModel(metadata.modelName());
    }
    if (metadata.finishReason() != null) {
      call.finishReason(metadata.finishReason().name().toLowerCase(Locale.ROOT));
    }
    TokenUsage usage = metadata.tokenUsage();
    if (usage != null) {
      if (usage.inputTokenCount() != null) {
        call.inputTokens(usage.inputTokenCount());
      }
      if (usage.outputTokenCount() != null) {
        call.outputTokens(usage.outputTokenCount());
      }
      LangChain4jCalls.detail(usage, "inputTokensDetails", "cachedTokens")
          .ifPresent(call::cachedInputTokens);
      LangChain4jCalls.detail(usage, "outputTokensDetails", "reasoningTokens")
          .ifPresent(call::reasoningTokens);
    }
  }

  private static void report(Map<Object, Object> attributes, LlmCall call) {
    // LangChain4j's OpenAI streaming client reports a malformed event as an error, then completes
    // the stream with an empty response: one call is reported once, by its first outcome
    if (attributes.putIfAbsent(REPORTED, Boolean.TRUE) != null) {
      return;
    }
    Object captured = attributes.get(RECORDER);
    if (captured instanceof Recorder recorder && Recording.current().orElse(null) != recorder) {
      try (Recording.Binding ignored = Recording.bind(recorder)) {
        Recording.llmCall(call);
      }
    } else {
      Recording.llmCall(call);
    }
  }
}
