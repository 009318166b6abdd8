package io.github.evals4j.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.ReplayKey;
import io.github.evals4j.replay.ReplayResponse;
import io.github.evals4j.replay.ReplayStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link StreamingChatModel} that records the streamed responses of the model it wraps in a
 * {@link ReplayStore} and replays them: the streaming twin of {@link ReplayingChatModel}, with the
 * same keys, modes and reporting.
 *
 * <pre>{@code
 * StreamingChatModel model = ReplayingStreamingChatModel.wrap(liveStreaming, store);
 * }</pre>
 *
 * <p>A live call streams its partial responses to the handler as they arrive, and the wrapped
 * model's {@link Evals4jChatModelListener} reports it with the time to the first token measured
 * here. A replayed call hands the recorded text to the handler as one partial response, then the
 * complete response; it is reported here, flagged {@code replayed}, with the recorded usage,
 * latency and time to first token. Unlike a bare streaming model, {@code chat} returns when the
 * stream has ended (the store keeps whole responses); errors, a missing recording included, reach
 * the handler's {@code onError}.
 */
public final class ReplayingStreamingChatModel implements StreamingChatModel {

  /** Longest wait for a live stream to end. */
  static final Duration MAX_STREAM = Duration.ofMinutes(10);

  private final StreamingChatModel delegate;
  private final ReplayStore store;

  private ReplayingStreamingChatModel(StreamingChatModel delegate, ReplayStore store) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.store = Objects.requireNonNull(store, "store");
  }

  /** {@code model}, its streamed responses recorded in and replayed from {@code store}. */
  public static ReplayingStreamingChatModel wrap(StreamingChatModel model, ReplayStore store) {
    return new ReplayingStreamingChatModel(model, store);
  }

  @Override
  public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
    exchange(request, handler);
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    exchange(request, handler);
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

  private void exchange(ChatRequest request, StreamingChatResponseHandler handler) {
    ChatRequest effective = effective(request);
    String provider = LangChain4jCalls.providerName(delegate.provider());
    String model = LangChain4jCalls.requestModel(effective);
    ReplayKey key = ReplayKey.of(provider, model, ReplayingChatModel.canonicalRequest(effective));
    Instant start = Instant.now();
    ChatResponse[] liveResponse = new ChatResponse[1];
    ReplayResponse response;
    try {
      response = store.exchange(key, () -> {
        Streamed streamed = streamLive(request, handler);
        liveResponse[0] = streamed.response();
        ObjectNode json = (ObjectNode) ReplayingChatModel.readTree(
            ReplayingChatModel.responseToJson(streamed.response()));
        if (streamed.timeToFirstTokenNanos() >= 0) {
          json.put("timeToFirstTokenNanos", streamed.timeToFirstTokenNanos());
        }
        return json.toString();
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handler.onError(e);
      return;
    } catch (IOException | RuntimeException e) {
      handler.onError(e instanceof LiveStreamFailed f ? f.getCause() : e);
      return;
    }
    JsonNode stored = ReplayingChatModel.readTree(response.body());
    if (!response.replayed() && liveResponse[0] != null) {
      handler.onCompleteResponse(liveResponse[0]);
      return;
    }
    ChatResponse replayed = ReplayingChatModel.responseFromJson(stored);
    LlmCall.Builder call = LlmCall.builder(provider, model).startedAt(start);
    ReplayingChatModel.describe(call, stored);
    response.describe(call);
    if (stored.hasNonNull("timeToFirstTokenNanos")) {
      call.timeToFirstToken(Duration.ofNanos(stored.get("timeToFirstTokenNanos").asLong()));
    }
    Recording.llmCall(call.build());
    String text = replayed.aiMessage() == null ? null : replayed.aiMessage().text();
    if (text != null && !text.isEmpty()) {
      handler.onPartialResponse(text);
    }
    handler.onCompleteResponse(replayed);
  }

  /** Streams live to {@code handler}'s partial callbacks and waits for the complete response. */
  private record Streamed(ChatResponse response, long timeToFirstTokenNanos) {}

  private Streamed streamLive(ChatRequest request, StreamingChatResponseHandler handler)
      throws InterruptedException {
    StreamTiming timing = new StreamTiming();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    StreamTiming.offer(timing);
    try {
      delegate.chat(request, new StreamingChatResponseHandler() {
        @Override
        public void onPartialResponse(String partial) {
          timing.firstToken();
          handler.onPartialResponse(partial);
        }

        @Override
        public void onCompleteResponse(ChatResponse complete) {
          done.complete(complete);
        }

        @Override
        public void onError(Throwable error) {
          done.completeExceptionally(error);
        }
      });
    } finally {
      StreamTiming.withdraw();
    }
    try {
      ChatResponse complete = done.get(MAX_STREAM.toMillis(), TimeUnit.MILLISECONDS);
      Duration first = timing.timeToFirstToken();
      return new Streamed(complete, first == null ? -1 : first.toNanos());
    } catch (ExecutionException e) {
      throw new LiveStreamFailed(e.getCause());
    } catch (TimeoutException e) {
      throw new LiveStreamFailed(new IllegalStateException(
          "the stream did not end within " + MAX_STREAM.toMinutes() + " minutes", e));
    }
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

  /** Carries the wrapped model's error through the store (which passes exceptions unchanged). */
  private static final class LiveStreamFailed extends RuntimeException {
    LiveStreamFailed(Throwable cause) {
      super(cause);
    }
  }
}
