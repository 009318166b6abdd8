package io.github.evals4j.springai.example;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.annotation.Tool;

/**
 * The application under test: a Spring AI assistant with one tool. Plain Spring AI, not a line of
 * evals4j; in a Spring Boot app the {@code ChatClient.Builder} would be injected.
 */
// tag::app[]
public class WeatherAssistant {

  private final ChatClient chat;

  public WeatherAssistant(ChatClient.Builder chat) {
    this.chat = chat.defaultSystem("You answer questions about the weather.").build();
  }

  public String ask(String question) {
    return chat.prompt().user(question).tools(new WeatherTools()).call().content();
  }

  static class WeatherTools {
    @Tool(description = "The current weather in a city")
    String weather(String city) {
      return "sunny, 21 degrees";
    }
  }
}
// end::app[]
