package io.github.evals4j.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.agent.AgentRun;
import io.github.evals4j.agent.ToolCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class Recording_agents_Test {

  static final class Collecting implements Recorder {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<ToolCall> tools = new CopyOnWriteArrayList<>();
    boolean messages;

    @Override
    public void onToolCall(ToolCall call) {
      tools.add(call);
      events.add("tool " + call.name());
    }

    @Override
    public void onAgentRunStart(AgentRun run) {
      events.add("start " + run.agentName() + " " + run.conversationId());
    }

    @Override
    public void onAgentRunEnd(AgentRun run, Duration duration, String error) {
      events.add("end " + run.agentName() + " " + error);
    }

    @Override
    public boolean capturesMessages() {
      return messages;
    }
  }

  @Test
  void should_do_nothing_when_no_recorder_is_bound() {
    Recording.toolCall(ToolCall.builder("lookup").build());
    try (Recording.AgentScope run = Recording.agentRun("Agent", "c-1")) {
      assertThat(run).isSameAs(Recording.AgentScope.NOOP);
      assertThat(run.run()).isEmpty();
    }
    assertThat(Recording.capturesMessages()).isFalse();
  }

  @Test
  void should_nest_tool_calls_between_the_start_and_the_end_of_a_run() {
    Collecting recorder = new Collecting();
    try (Recording.Binding b = Recording.bind(recorder)) {
      try (Recording.AgentScope run = Recording.agentRun("LogAnalyst", "conv-7")) {
        assertThat(run.run()).map(AgentRun::conversationId).contains("conv-7");
        Recording.toolCall(ToolCall.builder("lookup_deployment").arguments("{}").build());
      }
    }
    assertThat(recorder.events).containsExactly(
        "start LogAnalyst conv-7", "tool lookup_deployment", "end LogAnalyst null");
  }

  @Test
  void should_end_a_failed_run_once_with_its_error() {
    Collecting recorder = new Collecting();
    try (Recording.Binding b = Recording.bind(recorder)) {
      try (Recording.AgentScope run = Recording.agentRun(" ", null)) {
        run.fail(new IllegalStateException("tool loop exceeded"));
      }
    }
    assertThat(recorder.events).containsExactly(
        "start agent null", "end agent IllegalStateException: tool loop exceeded");
  }

  @Test
  void should_end_on_the_recorder_of_the_starting_thread() throws Exception {
    Collecting recorder = new Collecting();
    Recording.AgentScope run;
    try (Recording.Binding b = Recording.bind(recorder)) {
      run = Recording.agentRun("A", null);
    }
    Thread t = new Thread(run::close);
    t.start();
    t.join();
    assertThat(recorder.events).containsExactly("start A null", "end A null");
  }

  @Test
  void should_ask_the_bound_recorder_whether_it_captures_messages() {
    Collecting recorder = new Collecting();
    recorder.messages = true;
    try (Recording.Binding b = Recording.bind(recorder)) {
      assertThat(Recording.capturesMessages()).isTrue();
    }
  }

  @Test
  void should_default_the_tool_type_and_timing() {
    ToolCall call = ToolCall.builder(null).type(null).error("IOException: down").build();
    assertThat(call.name()).isEqualTo("unknown");
    assertThat(call.type()).isEqualTo(ToolCall.FUNCTION);
    assertThat(call.latency()).isEqualTo(Duration.ZERO);
    assertThat(call.failed()).isTrue();
  }

  @Test
  void a_throwing_recorder_never_reaches_the_caller() {
    Recorder throwing = new Recorder() {
      @Override
      public void onToolCall(ToolCall call) {
        throw new IllegalStateException("bug");
      }

      @Override
      public void onAgentRunEnd(AgentRun run, Duration d, String e) {
        throw new IllegalStateException("bug");
      }
    };
    try (Recording.Binding b = Recording.bind(throwing)) {
      Recording.toolCall(ToolCall.builder("t").build());
      Recording.agentRun("A", null).close();
    }
    assertThat(Recording.current()).isEmpty();
  }
}
