package io.github.evals4j.langchain4j;

import dev.langchain4j.observability.api.AiServiceListenerRegistrar;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceErrorEvent;
import dev.langchain4j.observability.api.event.AiServiceResponseReceivedEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.event.ToolExecutedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceResponseReceivedListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import dev.langchain4j.observability.api.listener.ToolExecutedEventListener;
import java.util.List;

/**
 * LangChain4j AI Service listeners that record each AI Service invocation as an agent run
 * ({@code gen_ai.invoke_agent}, named after the service interface, its chat memory id as the
 * conversation id) and each tool it executes as a tool call ({@code gen_ai.execute_tool}).
 *
 * <p>Nothing to register by hand: this module's {@link Evals4jAiServiceListenerRegistrarFactory}
 * is found by LangChain4j through {@code ServiceLoader} and adds them to every AI Service. When
 * the application brings its own registrar factory, register them explicitly:
 *
 * <pre>{@code
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .registerListeners(Evals4jAiServiceListeners.all())
 *     .build();
 * }</pre>
 *
 * <p>Outside a test (no evals4j recorder bound) every listener does nothing. They never throw into
 * LangChain4j. Thread-safe.
 */
public final class Evals4jAiServiceListeners {

  private static final AgentRuns RUNS = new AgentRuns();

  private Evals4jAiServiceListeners() {}

  /** The listeners, to register on an AI Service builder or a registrar. */
  public static List<AiServiceListener<?>> all() {
    return List.of(
        (AiServiceStartedListener) e -> guard(() -> RUNS.started(e)),
        (AiServiceResponseReceivedListener) e -> guard(() -> RUNS.responseReceived(e)),
        (ToolExecutedEventListener) e -> guard(() -> RUNS.toolExecuted(e)),
        (AiServiceCompletedListener) e -> guard(() -> RUNS.completed(e)),
        (AiServiceErrorListener) e -> guard(() -> RUNS.failed(e)));
  }

  /** {@code registrar} with the listeners registered. */
  static AiServiceListenerRegistrar registerOn(AiServiceListenerRegistrar registrar) {
    registrar.register(all());
    return registrar;
  }

  static int openRuns() {
    return RUNS.openRuns();
  }

  private static void guard(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException ignored) {
      // never break the host's call
    }
  }
}
