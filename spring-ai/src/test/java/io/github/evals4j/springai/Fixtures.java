package io.github.evals4j.springai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Recorded OpenAI responses served by WireMock, and a recorder that keeps what it is told. */
final class Fixtures {

  static final String COMPLETIONS = "/v1/chat/completions";

  private Fixtures() {}

  static String fixture(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/openai/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void stubChat(WireMockServer server) {
    server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(fixture("chat-completion.json"))));
  }

  static void stubStream(WireMockServer server) {
    server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse()
        .withHeader("Content-Type", "text/event-stream")
        .withBody(fixture("chat-completion-stream.txt"))));
  }

  /** The model asks for the weather tool first, then answers with the tool's result. */
  static void stubWeather(WireMockServer server) {
    server.stubFor(post(urlEqualTo(COMPLETIONS))
        .withRequestBody(containing("call_1"))
        .atPriority(1)
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(fixture("tool-answer.json"))));
    server.stubFor(post(urlEqualTo(COMPLETIONS))
        .atPriority(2)
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(fixture("tool-call.json"))));
  }

  /** Keeps every LLM call it is told about. */
  static final class Calls implements Recorder {
    final List<LlmCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public void onLlmCall(LlmCall call) {
      calls.add(call);
    }
  }
}
