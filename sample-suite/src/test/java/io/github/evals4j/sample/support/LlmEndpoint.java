package io.github.evals4j.sample.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.evals4j.sample.llm.ChatClient;
import io.github.evals4j.sample.llm.LlmConfig;
import io.github.evals4j.sample.llm.OpenAiChatClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The LLM the sample suite talks to: WireMock serving the committed fixtures (the default, offline
 * and deterministic), or a live OpenAI-compatible endpoint when {@code LLM_BASE_URL},
 * {@code LLM_API_KEY} and {@code LLM_MODEL} are set. With {@code -Devals4j.sample.record=true} live
 * answers are also written as fixture answers (see {@link AnswerRecorder}).
 */
public final class LlmEndpoint implements AutoCloseable {

  /** System property that turns on record mode (needs a live endpoint). */
  public static final String RECORD = "evals4j.sample.record";

  private final ChatClient client;
  private final WireMockServer server;
  private final AnswerRecorder recorder;
  private final String description;

  private LlmEndpoint(ChatClient client, WireMockServer server, AnswerRecorder recorder, String description) {
    this.client = client;
    this.server = server;
    this.recorder = recorder;
    this.description = description;
  }

  /** The live configuration, if the environment names one. */
  static Optional<LlmConfig> live() {
    return LlmConfig.fromEnvironment();
  }

  /** The models a prompt is evaluated with: the live model, or every model the fixtures hold. */
  public static List<String> models(String promptId) {
    Optional<LlmConfig> live = live();
    if (live.isPresent()) {
      return List.of(live.get().model());
    }
    Set<String> models = new LinkedHashSet<>();
    Answer.load(promptId).forEach(a -> models.addAll(a.models()));
    return List.copyOf(models);
  }

  /** Starts the endpoint this run uses. */
  static LlmEndpoint start() {
    boolean record = Boolean.getBoolean(RECORD);
    Optional<LlmConfig> live = live();
    if (live.isPresent()) {
      ChatClient http = OpenAiChatClient.of(live.get());
      if (record) {
        AnswerRecorder recorder = new AnswerRecorder(http, Path.of(
            System.getProperty("basedir", "."), "target", "evals4j-recorded", "answers"));
        return new LlmEndpoint(recorder, null, recorder, live.get() + " (recording answers)");
      }
      return new LlmEndpoint(http, null, null, live.get().toString());
    }
    if (record) {
      throw new IllegalStateException("-D" + RECORD + "=true records live answers: set "
          + LlmConfig.BASE_URL + ", " + LlmConfig.API_KEY + " and " + LlmConfig.MODEL + " too");
    }
    WireMockServer server = new WireMockServer(options()
        .dynamicPort()
        .usingFilesUnderClasspath("wiremock")
        .disableRequestJournal());
    server.start();
    ChatClient fixtures = OpenAiChatClient.builder(server.baseUrl() + "/v1")
        .timeout(Duration.ofSeconds(10))
        .build();
    return new LlmEndpoint(fixtures, server, null, "WireMock fixtures at " + server.baseUrl());
  }

  /** The client the application under test should use. */
  public ChatClient client() {
    return client;
  }

  /** Whether answers come from the committed fixtures (so their designed verdicts apply). */
  public boolean replaying() {
    return server != null;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop();
    }
    if (recorder != null) {
      recorder.close();
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
