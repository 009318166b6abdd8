package io.github.evals4j.springai;

import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Records what a Spring AI application does during a test, with no evals4j code in the app: each
 * chat model call as an {@link LlmCall} (model, tokens, finish reason, latency, error), each tool
 * execution as a {@link ToolCall} (name, arguments, result or error, latency), and each {@code
 * ChatClient} call that offers tools as an agent run holding them. A call carries its messages
 * only when the test's recorder {@linkplain Recording#capturesMessages() captures messages} (an
 * opt-in). Outside a test (no recorder bound) it does nothing, so it can stay registered in
 * production.
 *
 * <p>A Micrometer {@link ObservationHandler} for Spring AI's observations: register it on the
 * {@link io.micrometer.observation.ObservationRegistry} the models and chat clients are built with.
 *
 * <pre>{@code
 * ObservationRegistry observations = ObservationRegistry.create();
 * observations.observationConfig().observationHandler(new Evals4jObservationHandler());
 * ChatModel model = OpenAiChatModel.builder().options(options).observationRegistry(observations).build();
 * ChatClient client = ChatClient.create(model, observations);
 * }</pre>
 *
 * <p>With Spring Boot, declare it as a bean: Boot registers every {@code ObservationHandler} bean
 * on its registry. An agent run is named by the advisor parameter {@code gen_ai.agent.name}
 * ({@code ChatClient} when absent) and carries the chat memory conversation id. The test's
 * recorder is captured when an operation starts (or taken from its observed parent), so a stream
 * completed on another thread is still attributed to the test that made the call. Never throws
 * into Spring AI. Stateless and thread-safe.
 */
public final class Evals4jObservationHandler implements ObservationHandler<Observation.Context> {

  /** A handler; one instance serves every model of the application. */
  public Evals4jObservationHandler() {}

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof ChatModelObservationContext
        || context instanceof ToolCallingObservationContext
        || ChatClientRuns.supports(context);
  }

  @Override
  public void onStart(Observation.Context context) {
    try {
      ObservedCall state = ObservedCall.start(context);
      if (!state.recording()) {
        return; // outside a test: nothing to keep
      }
      context.put(ObservedCall.KEY, state);
      if (ChatClientRuns.supports(context)) {
        ChatClientRuns.start(context, state);
      }
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
      } else if (context instanceof ToolCallingObservationContext tool) {
        ToolCall call = toolCall(tool, state);
        state.report(() -> Recording.toolCall(call));
      } else if (ChatClientRuns.supports(context)) {
        ChatClientRuns.stop(context);
      }
    } catch (RuntimeException ignored) {
      // never break the host's call
    }
  }

  private static ToolCall toolCall(ToolCallingObservationContext context, ObservedCall state) {
    ToolDefinition definition = context.getToolDefinition();
    ToolCall.Builder call = ToolCall.builder(definition.name())
        .type(context.getToolType())
        .callId(context.getToolCallId())
        .description(definition.description())
        .arguments(context.getToolCallArguments())
        .startedAt(state.startedAt())
        .latency(state.elapsed());
    if (context.getError() != null) {
      call.error(SpringAiCalls.errorOf(context.getError()));
    } else {
      call.result(context.getToolCallResult());
    }
    return call.build();
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
    if (Boolean.TRUE.equals(state.within(Recording::capturesMessages))) {
      // an opt-in of the test's recorder: messages may hold personal data
      call.inputMessages(SpringAiMessages.input(context.getRequest()))
          .outputMessages(SpringAiMessages.output(context.getResponse()));
    }
    return call.build();
  }
}
