package io.github.evals4j.springai;

import io.github.evals4j.llm.LlmCall;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Records every Spring AI chat model call as an {@link LlmCall} of the current test, so an app
 * built on Spring AI shows its model, tokens, finish reason, latency and errors in the evals4j
 * report and in Sentry without a line of evals4j code in the app. Outside a test (no recorder
 * bound) it does nothing, so it can stay registered in production.
 *
 * <p>A Micrometer {@link ObservationHandler} for Spring AI's chat model observations: register it
 * on the {@link io.micrometer.observation.ObservationRegistry} the models are built with.
 *
 * <pre>{@code
 * ObservationRegistry observations = ObservationRegistry.create();
 * observations.observationConfig().observationHandler(new Evals4jObservationHandler());
 * ChatModel model = OpenAiChatModel.builder().options(options).observationRegistry(observations).build();
 * }</pre>
 *
 * <p>With Spring Boot, declare it as a bean: Boot registers every {@code ObservationHandler} bean
 * on its registry. The test's recorder is captured when the call starts, so a stream completed
 * on another thread is still attributed to the test that made the call. Never throws into Spring
 * AI. Stateless and thread-safe.
 */
public final class Evals4jObservationHandler implements ObservationHandler<Observation.Context> {

  /** A handler; one instance serves every model of the application. */
  public Evals4jObservationHandler() {}

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof ChatModelObservationContext;
  }

  @Override
  public void onStart(Observation.Context context) {
    try {
      context.put(ObservedCall.KEY, ObservedCall.start(context));
    } catch (RuntimeException ignored) {
      // never break the host's call
    }
  }

  @Override
  public void onStop(Observation.Context context) {
    try {
      ObservedCall state = ObservedCall.of(context);
      if (state == null || !state.recording()) {
        return;
      }
      if (context instanceof ChatModelObservationContext chat) {
        state.llmCall(chatCall(chat, state));
      }
    } catch (RuntimeException ignored) {
      // never break the host's call
    }
  }

  private static LlmCall chatCall(ChatModelObservationContext context, ObservedCall state) {
    LlmCall.Builder call = LlmCall.builder(
            SpringAiCalls.providerName(context.getOperationMetadata().provider()),
            SpringAiCalls.requestModel(context.getRequest(), null))
        .startedAt(state.startedAt())
        .latency(state.elapsed());
    if (context.getError() != null) {
      call.error(SpringAiCalls.errorOf(context.getError()));
    }
    SpringAiCalls.describe(call, context.getResponse());
    return call.build();
  }
}
