package io.github.evals4j.assertions.agent;

import static io.github.evals4j.assertions.agent.AgentAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.assertions.json.JsonSchema;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AgentTraceAssert_assertions_Test {

  /** What the log analyser did: two LLM round trips around two tools. */
  static AgentTrace trace() {
    return AgentTrace.of(() -> {
      Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini").inputTokens(100)
          .outputTokens(20).build());
      Recording.toolCall(ToolCall.builder("lookup_deployment")
          .arguments("{\"service\":\"checkout\",\"env\":\"prod\"}").result("1.4.2").build());
      Recording.toolCall(ToolCall.builder("query_metric")
          .arguments("{\"metric\":\"error_rate\",\"window\":15}").result("0.12").build());
      Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini").inputTokens(200)
          .outputTokens(40).build());
    });
  }

  @Test
  void should_pass_when_the_agent_did_what_is_expected() {
    assertThat(trace())
        .calledTool("lookup_deployment")
        .calledToolTimes("query_metric", 1)
        .neverCalledTool("restart_service")
        .calledToolsInOrder("lookup_deployment", "query_metric")
        .calledExactlyTools("lookup_deployment", "query_metric")
        .calledToolWithArguments("query_metric", "{\"window\": 15.0, \"metric\": \"error_rate\"}")
        .calledToolWithArgument("lookup_deployment", "/service", "checkout")
        .calledToolWithArgumentsMatching("query_metric", JsonSchema.fromString(
            "{\"type\":\"object\",\"required\":[\"metric\"],"
                + "\"properties\":{\"window\":{\"type\":\"integer\",\"maximum\":60}}}"))
        .hasNoFailedToolCall()
        .hasLlmRoundTrips(2)
        .hasLlmRoundTripsAtMost(3)
        .hasTotalTokensAtMost(360)
        .hasTotalCostAtMost(0.01, call -> OptionalDouble.of(call.totalTokens() * 1e-6));
  }

  @Test
  void should_fail_when_a_forbidden_tool_was_called_naming_its_position() {
    assertThatThrownBy(() -> assertThat(trace()).neverCalledTool("query_metric"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("agent.tool_never_called")
        .hasMessageContaining("expected no call of tool \"query_metric\"")
        .hasMessageContaining("(at #1)")
        .hasMessageContaining("#1 query_metric {\"metric\":\"error_rate\",\"window\":15}");
  }

  @Test
  void should_fail_when_the_order_differs() {
    assertThatThrownBy(() -> assertThat(trace())
        .calledToolsInOrder("query_metric", "lookup_deployment"))
        .hasMessageContaining("agent.tool_order")
        .hasMessageContaining("matched up to 1 of 2")
        .hasMessageContaining("first missing in order: \"lookup_deployment\"");
  }

  @Test
  void should_fail_when_no_call_has_the_arguments() {
    assertThatThrownBy(() -> assertThat(trace())
        .calledToolWithArgument("lookup_deployment", "/service", "payments"))
        .hasMessageContaining("agent.tool_argument")
        .hasMessageContaining("no call matched");
    assertThatThrownBy(() -> assertThat(trace())
        .calledToolWithArguments("send_email", "{}"))
        .hasMessageContaining("it was never called");
  }

  @Test
  void should_fail_on_too_many_round_trips_and_tokens() {
    assertThatThrownBy(() -> assertThat(trace()).hasLlmRoundTripsAtMost(1))
        .hasMessageContaining("expected at most 1 LLM round trip(s), got 2");
    assertThatThrownBy(() -> assertThat(trace()).hasTotalTokensAtMost(300))
        .hasMessageContaining("expected at most 300 tokens, used 360");
  }

  @Test
  void should_fail_the_cost_when_a_call_has_no_price() {
    assertThatThrownBy(() -> assertThat(trace())
        .hasTotalCostAtMost(1, call -> OptionalDouble.empty()))
        .hasMessageContaining("agent.total_cost_usd")
        .hasMessageContaining("calls without a price: #0 gpt-4o-mini, #1 gpt-4o-mini");
  }

  @Test
  void should_neutralise_control_characters_of_tool_text_in_messages() {
    AgentTrace trace = AgentTrace.of(List.of(), List.of(
        ToolCall.builder("evil\u001b[31m").arguments("{\"x\":\"\u001b[2J\"}").build()));
    assertThatThrownBy(() -> assertThat(trace).calledNoTool())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
  }

  @Test
  void should_report_each_assertion_as_a_check_and_pass_calls_on_to_the_recorder_bound_before() {
    List<CheckResult> checks = new CopyOnWriteArrayList<>();
    List<ToolCall> outer = new CopyOnWriteArrayList<>();
    try (Recording.Binding b = Recording.bind(new Recorder() {
      @Override
      public void onCheck(CheckResult result) {
        checks.add(result);
      }

      @Override
      public void onToolCall(ToolCall call) {
        outer.add(call);
      }
    })) {
      AgentTrace trace = trace();
      assertThat(trace).calledTool("query_metric");
      assertThatThrownBy(() -> assertThat(trace).calledTool("restart_service"));
      assertThat(outer).hasSize(2);
    }
    assertThat(checks).extracting(CheckResult::check, CheckResult::passed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("agent.tool_called", true),
            org.assertj.core.groups.Tuple.tuple("agent.tool_called", false));
  }
}
