package io.github.evals4j.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.llm.responses.LlmResponses;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example, run against a real HTTP server speaking the OpenAI chat API. */
class ReadmeReplayExampleTest {

  // ---- the README's application client, verbatim ----
  /** The application's LLM client: the HTTP call is wrapped by the replay store. */
  static final class SupportBot {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI baseUrl;
    private final String apiKey;
    private final ReplayStore replay;              // ReplayStore.live() in production

    SupportBot(URI baseUrl, String apiKey, ReplayStore replay) {
      this.baseUrl = baseUrl;
      this.apiKey = apiKey;
      this.replay = replay;
    }

    String answer(String caseId, String question) throws IOException, InterruptedException {
      String request = JSON.writeValueAsString(Map.of(  // field order does not matter to the key
          "model", "gpt-4o-mini",
          "temperature", 0.2,
          "messages", List.of(
              Map.of("role", "system", "content", "Answer in one sentence."),
              Map.of("role", "user", "content", question))));
      ReplayKey key = ReplayKey.of("openai", "gpt-4o-mini", request).withCallId(caseId);
      String body = replay.call(key, () -> post(request), LlmResponses::openAi);
      return JSON.readTree(body).at("/choices/0/message/content").asText();
    }

    private String post(String request) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(baseUrl.resolve("chat/completions"))
              .header("Authorization", "Bearer " + apiKey)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(request))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    }
  }
  // ---- end of the README's client ----

  private static final String KEY = "sk-test-5f1e0c9a7b";

  @TempDir
  Path recordings;

  private HttpServer server;
  private final AtomicInteger served = new AtomicInteger();
  private final List<LlmCall> calls = new CopyOnWriteArrayList<>();
  private Recording.Binding binding;

  @BeforeEach
  void startModel() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", exchange -> {
      boolean authorized = ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
      String body = authorized
          ? ReplayStoreTest.completion("Live answer " + served.incrementAndGet() + ": use the reset link.")
          : "{\"error\":\"bad key\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(authorized ? 200 : 401, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    binding = Recording.bind(new Recorder() {
      @Override
      public void onLlmCall(LlmCall call) {
        calls.add(call);
      }
    });
  }

  @AfterEach
  void stopModel() {
    binding.close();
    server.stop(0);
  }

  private URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/");
  }

  @Test
  void should_record_once_then_replay_offline_and_report_the_replayed_calls() throws Exception {
    // GIVEN two repeats of a case recorded against the live model
    SupportBot recording = new SupportBot(baseUrl(), KEY, ReplayStore.at(recordings, ReplayMode.RECORD));
    String first = recording.answer("faq-reset", "How do I reset my password?");
    String second = recording.answer("faq-reset", "How do I reset my password?");
    // WHEN the model is gone and the suite runs in replay mode
    server.stop(0);
    ReplayStore store = ReplayStore.at(recordings, ReplayMode.REPLAY);
    SupportBot replaying = new SupportBot(baseUrl(), KEY, store);
    // THEN each repeat replays its own answer, flagged replayed
    assertThat(replaying.answer("faq-reset", "How do I reset my password?")).isEqualTo(first);
    assertThat(replaying.answer("faq-reset", "How do I reset my password?")).isEqualTo(second)
        .isEqualTo("Live answer 2: use the reset link.");
    assertThat(served).hasValue(2);
    assertThat(calls).extracting(LlmCall::replayed).containsExactly(false, false, true, true);
    assertThat(calls.get(3).inputTokens()).isEqualTo(12);
    assertThat(store.stats()).hasToString("replay: 2 replayed, 0 recorded, 0 live, 0 missing, 0 stale");
    // the API key never reaches a recording
    try (Stream<Path> files = Files.walk(recordings)) {
      assertThat(files.filter(Files::isRegularFile).toList()).hasSize(2)
          .allSatisfy(f -> assertThat(Files.readString(f)).doesNotContain(KEY).contains("How do I reset my password?"));
    }
  }

  @Test
  void should_fail_a_replay_run_when_the_prompt_changed_since_recording() throws Exception {
    // GIVEN a recording of faq-reset
    new SupportBot(baseUrl(), KEY, ReplayStore.at(recordings, ReplayMode.RECORD))
        .answer("faq-reset", "How do I reset my password?");
    server.stop(0);
    SupportBot replaying = new SupportBot(baseUrl(), KEY, ReplayStore.at(recordings, ReplayMode.REPLAY));
    // WHEN / THEN the question changed: stale, not silently replayed nor sent live
    assertThatThrownBy(() -> replaying.answer("faq-reset", "How do I reset my 2FA?"))
        .isInstanceOf(StaleRecordingException.class)
        .hasMessageContaining("Stale recording for call 'faq-reset' repeat 0 (openai/gpt-4o-mini)")
        .hasMessageContaining("first difference at /messages/1/content, character 18: recorded How do I reset my password?, now How do I reset my 2FA?");
    // and a fresh run goes live (here: the model is down, so the connection fails)
    SupportBot fresh = new SupportBot(baseUrl(), KEY, ReplayStore.at(recordings, ReplayMode.FRESH));
    assertThatThrownBy(() -> fresh.answer("faq-reset", "How do I reset my password?"))
        .isInstanceOf(ConnectException.class);
  }
}
