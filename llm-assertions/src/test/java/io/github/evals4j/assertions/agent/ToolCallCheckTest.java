package io.github.evals4j.assertions.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallCheckTest {

  @Test
  void should_score_one_when_exactly_the_expected_tools_were_called() {
    CheckResult r = ToolCallCheck.expecting("lookup_deployment", "query_metric")
        .evaluate("[\"query_metric\", {\"name\": \"lookup_deployment\"}]");
    assertThat(r.passed()).isTrue();
    assertThat(r.score()).isEqualTo(1.0);
    assertThat(r.direction()).isEqualTo(Direction.AT_LEAST);
    assertThat(r.check()).isEqualTo("agent.tool_calls");
  }

  @Test
  void should_score_precision_and_recall_as_f1_counting_repeats() {
    // called: a, a, c  expected: a, b  -> matched 1; precision 1/3, recall 1/2, F1 0.4
    CheckResult r = ToolCallCheck.expecting("a", "b").evaluate("[\"a\",\"a\",\"c\"]");
    assertThat(r.passed()).isFalse();
    assertThat(r.score()).isCloseTo(0.4, within(1e-9));
    assertThat(r.message())
        .contains("F1 0.400 < threshold 1.000")
        .contains("precision 0.333 = 1/3")
        .contains("recall 0.500 = 1/2")
        .contains("missing: b")
        .contains("unexpected: #1 a, #2 c");
    assertThat(r.evidence()).extracting(e -> e.start()).containsExactly(1, 2);
  }

  @Test
  void should_pass_at_a_lower_threshold() {
    CheckResult r = ToolCallCheck.expecting("a", "b").withThreshold(0.6).evaluate("[\"a\"]");
    assertThat(r.score()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(r.passed()).isTrue();
  }

  @Test
  void should_pass_when_nothing_was_expected_and_nothing_called() {
    assertThat(ToolCallCheck.expecting().evaluate("[]").passed()).isTrue();
    assertThat(ToolCallCheck.expecting().evaluate("[\"a\"]").score()).isZero();
  }

  @Test
  void should_fail_with_a_message_on_malformed_input() {
    assertThat(ToolCallCheck.expecting("a").evaluate("{not json").message())
        .startsWith("agent.tool_calls: the tool calls are not JSON");
    assertThat(ToolCallCheck.expecting("a").evaluate((String) null).message()).contains("null output");
    assertThat(ToolCallCheck.expecting("a").evaluate("[{\"id\":1}]").message())
        .contains("tool call #0 has no name");
    assertThat(ToolCallCheck.expecting("a").evaluate("{}").passed()).isFalse();
  }

  @Test
  void should_evaluate_a_trace() {
    AgentTrace trace = AgentTrace.of(List.of(), List.of(ToolCall.builder("a").build()));
    assertThat(ToolCallCheck.expecting("a").evaluate(trace).passed()).isTrue();
  }

  @Test
  void should_reject_a_threshold_outside_zero_to_one() {
    assertThatThrownBy(() -> ToolCallCheck.expecting("a").withThreshold(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
