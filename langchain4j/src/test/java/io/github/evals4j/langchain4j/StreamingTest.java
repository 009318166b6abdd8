package io.github.evals4j.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.evals4j.langchain4j.Evals4jChatModelListenerTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.MissingRecordingException;
import io.github.evals4j.replay.ReplayMode;
import io.github.evals4j.replay.ReplayStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LangChain4j's real OpenAI streaming client against WireMock serving server-sent events. */
class StreamingTest {

  @TempDir
  Path recordings;

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final Events events = new Events();
  private Recording.Binding binding;

  @BeforeEach
  void start() {
    server.start();
    binding = Recording.bind(events);
  }

  @AfterEach
  void stop() {
    binding.close();
    server.stop();
  }

  private StreamingChatModel live() {
    return live(server.baseUrl() + "/v1");
  }

  private StreamingChatModel live(String url) {
    return OpenAiStreamingChatModel.builder()
        .baseUrl(url).apiKey("test-key").modelName("gpt-4o-mini")
        .temperature(0.0)
        .listeners(List.of(new Evals4jChatModelListener()))
        .build();
  }

  private void stubStream() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
        .withHeader("Content-Type", "text/event-stream").withBody(fixture("stream.sse"))));
  }

  /** Collects a stream's partials and its end. */
  static final class Collect implements StreamingChatResponseHandler {
    final List<String> partials = new CopyOnWriteArrayList<>();
    final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    @Override
    public void onPartialResponse(String partial) {
      partials.add(partial);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
      done.completeExceptionally(error);
    }

    ChatResponse await() throws Exception {
      return done.get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void should_record_a_live_stream_with_its_time_to_first_token() throws Exception {
    stubStream();
    StreamingChatModel model = ReplayingStreamingChatModel.wrap(live(),
        ReplayStore.at(recordings, ReplayMode.RECORD));
    Collect handler = new Collect();

    model.chat("What is the capital of France?", handler);

    assertThat(handler.await().aiMessage().text()).isEqualTo("Paris is the capital of France.");
    assertThat(handler.partials).containsExactly("Paris", " is the capital of France.");
    assertThat(events.llmCalls).singleElement().satisfies(call -> {
      assertThat(call.replayed()).isFalse();
      assertThat(call.inputTokens()).isEqualTo(21);
      assertThat(call.outputTokens()).isEqualTo(8);
      assertThat(call.finishReason()).isEqualTo("stop");
      assertThat(call.timeToFirstToken()).isNotNull().isPositive()
          .isLessThanOrEqualTo(call.latency());
    });
  }

  @Test
  void should_replay_a_recorded_stream_offline_with_the_recorded_time_to_first_token()
      throws Exception {
    stubStream();
    String url = server.baseUrl() + "/v1";
    ReplayingStreamingChatModel.wrap(live(url), ReplayStore.at(recordings, ReplayMode.RECORD))
        .chat("What is the capital of France?", new Collect());
    server.stop();
    Collect handler = new Collect();

    ReplayingStreamingChatModel.wrap(live(url), ReplayStore.at(recordings, ReplayMode.REPLAY))
        .chat("What is the capital of France?", handler);

    assertThat(handler.await().aiMessage().text()).isEqualTo("Paris is the capital of France.");
    assertThat(handler.partials).containsExactly("Paris is the capital of France.");
    assertThat(events.llmCalls).hasSize(2);
    LlmCall recorded = events.llmCalls.get(0);
    assertThat(events.llmCalls.get(1)).satisfies(call -> {
      assertThat(call.replayed()).isTrue();
      assertThat(call.outputTokens()).isEqualTo(8);
      assertThat(call.timeToFirstToken()).isEqualTo(recorded.timeToFirstToken());
    });
  }

  @Test
  void should_hand_a_missing_recording_to_the_handler_without_calling_the_model() {
    Collect handler = new Collect();

    ReplayingStreamingChatModel.wrap(live(), ReplayStore.at(recordings, ReplayMode.REPLAY))
        .chat("Never recorded", handler);

    assertThat(handler.done).isCompletedExceptionally();
    assertThat(handler.done.handle((r, e) -> e).join()).isInstanceOf(MissingRecordingException.class);
    server.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void should_record_a_rate_limited_stream_with_its_error_and_record_nothing() throws Exception {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
    Collect handler = new Collect();

    ReplayingStreamingChatModel.wrap(live(), ReplayStore.at(recordings, ReplayMode.RECORD))
        .chat("What is the capital of France?", handler);

    assertThat(handler.done.handle((r, e) -> e).get(20, TimeUnit.SECONDS))
        .hasMessageContaining("Rate limit");
    assertThat(events.llmCalls).singleElement().satisfies(call ->
        assertThat(call.error()).startsWith("RateLimitException"));
    try (var files = java.nio.file.Files.walk(recordings)) {
      assertThat(files.filter(java.nio.file.Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void should_report_a_malformed_stream_as_an_error() throws Exception {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
        .withHeader("Content-Type", "text/event-stream").withBody("data: {not json\n\n")));
    Collect handler = new Collect();

    ReplayingStreamingChatModel.wrap(live(), ReplayStore.at(recordings, ReplayMode.RECORD))
        .chat("What is the capital of France?", handler);

    assertThat(handler.done.handle((r, e) -> e).get(20, TimeUnit.SECONDS)).isNotNull();
    assertThat(events.llmCalls).singleElement().satisfies(call ->
        assertThat(call.error()).isNotNull());
  }
}
