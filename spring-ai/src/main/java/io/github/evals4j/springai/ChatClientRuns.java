package io.github.evals4j.springai;

import io.github.evals4j.recording.Recording;
import io.micrometer.observation.Observation;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * A {@code ChatClient} call that offers tools, as an agent run: the chat client runs the
 * tool-calling loop (model, tools, model, ...) to answer one request. Loaded only when {@code
 * spring-ai-client-chat} is on the class path, which the application may not have.
 */
final class ChatClientRuns {

  /** The advisor parameter that names the agent: {@code .advisors(a -> a.param(AGENT_NAME, "Weather"))}. */
  static final String AGENT_NAME = "gen_ai.agent.name";

  /** The agent's name when the call names none. */
  static final String DEFAULT_AGENT_NAME = "ChatClient";

  private static final String SCOPE = ChatClientRuns.class.getName() + ".scope";
  private static final boolean PRESENT = present();

  private ChatClientRuns() {}

  private static boolean present() {
    try {
      Class.forName("org.springframework.ai.chat.client.observation.ChatClientObservationContext",
          false, ChatClientRuns.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  static boolean supports(Observation.Context context) {
    return PRESENT && context instanceof ChatClientObservationContext;
  }

  /** Opens the agent run of a chat client call that offers tools; others are no run. */
  static void start(Observation.Context context, ObservedCall state) {
    ChatClientObservationContext chat = (ChatClientObservationContext) context;
    ChatClientRequest request = chat.getRequest();
    if (!offersTools(request.prompt().getOptions())) {
      return;
    }
    Map<String, Object> params = request.context();
    String name = text(params.get(AGENT_NAME));
    String conversation = text(params.get(ChatMemory.CONVERSATION_ID));
    Recording.AgentScope scope = state.within(() -> Recording.agentRun(
        name == null ? DEFAULT_AGENT_NAME : name, conversation));
    if (scope != null) {
      context.put(SCOPE, scope);
    }
  }

  /** Ends the agent run {@link #start} opened, failed when the call failed. */
  static void stop(Observation.Context context) {
    Object scope = context.get(SCOPE);
    if (scope instanceof Recording.AgentScope s) {
      if (context.getError() != null) {
        s.fail(context.getError());
      }
      s.close();
    }
  }

  private static boolean offersTools(ChatOptions options) {
    if (options instanceof ToolCallingChatOptions t) {
      List<ToolCallback> callbacks = t.getToolCallbacks();
      return callbacks != null && !callbacks.isEmpty();
    }
    return false;
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
