package io.github.evals4j.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.llm.LlmCall;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class Recording_Test {

  static final class Collecting implements Recorder {
    final List<LlmCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public void onLlmCall(LlmCall call) {
      calls.add(call);
    }
  }

  @Test
  void bindings_nest_and_restore_the_previous_recorder() {
    Collecting outer = new Collecting();
    Collecting inner = new Collecting();
    try (Recording.Binding o = Recording.bind(outer)) {
      try (Recording.Binding i = Recording.bind(inner)) {
        Recording.llmCall(LlmCall.builder("openai", "gpt-4o").build());
      }
      Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini").build());
    }
    assertThat(Recording.current()).isEmpty();
    assertThat(inner.calls).extracting(LlmCall::requestModel).containsExactly("gpt-4o");
    assertThat(outer.calls).extracting(LlmCall::requestModel).containsExactly("gpt-4o-mini");
  }

  @Test
  void wrapped_tasks_carry_the_binding_to_another_thread() throws Exception {
    Collecting recorder = new Collecting();
    Thread t;
    try (Recording.Binding b = Recording.bind(recorder)) {
      t = new Thread(Recording.wrap(() -> Recording.llmCall(LlmCall.builder("a", "m").build())));
    }
    t.start();
    t.join();
    assertThat(recorder.calls).hasSize(1);
  }

  @Test
  void a_throwing_recorder_never_reaches_the_caller() {
    Recorder throwing = new Recorder() {
      @Override
      public void onLlmCall(LlmCall call) {
        throw new IllegalStateException("recorder bug");
      }
    };
    try (Recording.Binding b = Recording.bind(throwing)) {
      Recording.llmCall(LlmCall.builder("a", "m").inputTokens(3).outputTokens(4).build());
    }
    assertThat(LlmCall.builder("a", "m").inputTokens(3).outputTokens(4).build().totalTokens())
        .isEqualTo(7);
  }
}
