package io.github.evals4j.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A judge error (evidence kind {@code judge-error}) is neither a pass nor a fail of its run. */
class JudgeErrorAggregationTest {

  static final PromptRef V1 = new PromptRef("answer", "v1", "gpt-4o-mini");

  static CheckResult judgeError() {
    return new CheckResult("rubric.judge-error", false, Double.NaN, 7, Direction.AT_LEAST,
        List.of(new Evidence(0, 0, "", "judge-error", "malformed verdict")), "judge error");
  }

  @Test
  void should_leave_a_run_whose_only_verdict_is_a_judge_error_out_of_the_pass_rate() {
    RunAggregator run = new RunAggregator();
    // case a: a real pass; case b: a judge error only; case c: a judge error and a real failure
    run.recordCheck(new Attribution(V1, "a", 0), CheckResult.of("json.valid", true, List.of(), ""));
    run.recordCheck(new Attribution(V1, "b", 0), judgeError());
    run.recordCheck(new Attribution(V1, "c", 0), judgeError());
    run.recordCheck(new Attribution(V1, "c", 0), CheckResult.of("json.valid", false, List.of(), "x"));

    PromptStats s = run.snapshot().get(0);

    assertThat(s.runs()).isEqualTo(2);
    assertThat(s.passedRuns()).isEqualTo(1);
    assertThat(s.passRate()).isEqualTo(0.5);
    // counted apart, and its NaN score never lowers the quality score
    assertThat(s.checks()).filteredOn(c -> c.name().equals("rubric.judge-error"))
        .singleElement().satisfies(c -> {
          assertThat(c.results()).isEqualTo(2);
          assertThat(c.informational()).isTrue();
        });
    assertThat(s.qualityScore().value()).hasValue(0.5);
  }

  @Test
  void should_leave_the_run_as_it_is_when_the_judge_error_is_of_an_informational_check() {
    RunAggregator run = new RunAggregator(AggregationOptions.defaults()
        .withInformational(java.util.Set.of("rubric")), io.github.evals4j.cost.PriceTable.bundled());
    run.recordCheck(new Attribution(V1, "b", 0), CheckResult.of("json.valid", true, List.of(), ""));
    run.recordCheck(new Attribution(V1, "b", 0), judgeError());

    PromptStats s = run.snapshot().get(0);

    assertThat(s.runs()).isEqualTo(1);
    assertThat(s.passedRuns()).isEqualTo(1);
  }
}
