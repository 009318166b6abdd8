package io.github.evals4j.langchain4j;

import dev.langchain4j.observability.api.AiServiceListenerRegistrar;
import dev.langchain4j.observability.api.DefaultAiServiceListenerRegistrar;
import dev.langchain4j.spi.observability.AiServiceListenerRegistrarFactory;

/**
 * Found by LangChain4j through {@code ServiceLoader}
 * ({@code META-INF/services/dev.langchain4j.spi.observability.AiServiceListenerRegistrarFactory}):
 * every AI Service built while this module is on the class path gets LangChain4j's default
 * registrar with {@link Evals4jAiServiceListeners} registered, so agent runs and tool calls are
 * recorded with no evals4j code in the application. LangChain4j uses the first factory it finds;
 * an application with its own factory registers {@link Evals4jAiServiceListeners#all()} itself.
 */
public final class Evals4jAiServiceListenerRegistrarFactory
    implements AiServiceListenerRegistrarFactory {

  /** Called by {@code ServiceLoader}. */
  public Evals4jAiServiceListenerRegistrarFactory() {}

  @Override
  public AiServiceListenerRegistrar get() {
    return Evals4jAiServiceListeners.registerOn(new DefaultAiServiceListenerRegistrar());
  }
}
