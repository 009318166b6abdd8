package io.github.evals4j.springai;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A call's messages as JSON text in the OpenTelemetry / Sentry {@code gen_ai.input.messages} and
 * {@code gen_ai.output.messages} shape, for recorders that opted in to message capture.
 */
final class SpringAiMessages {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SpringAiMessages() {}

  /** {@code [{"role":"user","parts":[{"type":"text","content":"..."}]}, ...]}; null without a prompt. */
  static String input(Prompt prompt) {
    if (prompt == null) {
      return null;
    }
    ArrayNode messages = JSON.createArrayNode();
    for (Message m : prompt.getInstructions()) {
      ObjectNode message = messages.addObject();
      message.put("role", m.getMessageType().getValue().toLowerCase(Locale.ROOT));
      ArrayNode parts = message.putArray("parts");
      if (m instanceof ToolResponseMessage t) {
        for (ToolResponseMessage.ToolResponse r : t.getResponses()) {
          parts.addObject().put("type", "tool_call_response").put("id", r.id())
              .put("response", r.responseData());
        }
        continue;
      }
      text(parts, m.getText());
      if (m instanceof AssistantMessage a) {
        toolCalls(parts, a);
      }
    }
    return messages.toString();
  }

  /** The generations as assistant messages with their finish reasons; null without a response. */
  static String output(ChatResponse response) {
    if (response == null) {
      return null;
    }
    ArrayNode messages = JSON.createArrayNode();
    for (Generation g : response.getResults()) {
      ObjectNode message = messages.addObject().put("role", "assistant");
      ArrayNode parts = message.putArray("parts");
      text(parts, g.getOutput().getText());
      toolCalls(parts, g.getOutput());
      String finish = g.getMetadata() == null ? null : g.getMetadata().getFinishReason();
      if (finish != null) {
        message.put("finish_reason", finish.toLowerCase(Locale.ROOT));
      }
    }
    return messages.toString();
  }

  private static void text(ArrayNode parts, String text) {
    if (text != null && !text.isEmpty()) {
      parts.addObject().put("type", "text").put("content", text);
    }
  }

  private static void toolCalls(ArrayNode parts, AssistantMessage message) {
    for (AssistantMessage.ToolCall c : message.getToolCalls()) {
      parts.addObject().put("type", "tool_call").put("id", c.id()).put("name", c.name())
          .put("arguments", c.arguments());
    }
  }
}
