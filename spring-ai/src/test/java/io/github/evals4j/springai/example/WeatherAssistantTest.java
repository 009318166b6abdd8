package io.github.evals4j.springai.example;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.evals4j.junit.Evals4j;
import io.github.evals4j.springai.Evals4jObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * The assistant tested with evals4j, its OpenAI API served by WireMock from recorded responses:
 * the evals4j part is the annotation and the handler on the registry, nothing in the app.
 */
@Evals4j
@io.github.evals4j.junit.prompt.Prompt(id = "weather", version = "v1", model = "gpt-4o-mini")
public class WeatherAssistantTest {

  static final WireMockServer openAi = new WireMockServer(options().dynamicPort());

  @BeforeAll
  static void serveRecordedResponses() {
    openAi.start();
    openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("call_1"))
        .atPriority(1).willReturn(json("tool-answer.json")));
    openAi.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .atPriority(2).willReturn(json("tool-call.json")));
  }

  @AfterAll
  static void stop() {
    openAi.stop();
  }

  // tag::test[]
  WeatherAssistant assistant(String baseUrl) {
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new Evals4jObservationHandler());
    ChatModel model = OpenAiChatModel.builder()
        .options(OpenAiChatOptions.builder()
            .baseUrl(baseUrl)                  // e.g. https://api.openai.com/v1
            .apiKey("test-key")
            .model("gpt-4o-mini")
            .build())
        .observationRegistry(observations)
        .build();
    return new WeatherAssistant(ChatClient.builder(model, observations, null, null));
  }

  @Test
  void answers_with_the_weather_tool() {
    String answer = assistant(openAi.baseUrl() + "/v1").ask("What is the weather in Paris?");

    assertThat(answer).contains("sunny");
  }
  // end::test[]

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String name) {
    try (InputStream in = WeatherAssistantTest.class.getResourceAsStream("/openai/" + name)) {
      return aResponse().withHeader("Content-Type", "application/json")
          .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
