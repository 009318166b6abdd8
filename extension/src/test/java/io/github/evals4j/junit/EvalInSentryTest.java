package io.github.evals4j.junit;

import static io.github.evals4j.junit.Payloads.single;
import static io.github.evals4j.junit.Payloads.status;
import static io.github.evals4j.junit.Payloads.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an evaluation found is searchable in Sentry: a failing case whose checks do not throw
 * passes in JUnit, yet its transaction says {@code eval.status:fail} and has a status that
 * Sentry's {@code failure_rate()} counts; only eval cases carry {@code eval.case}.
 */
class EvalInSentryTest {

  private static final String CASES = "EvalFixtures.Cases.";
  private SentryEndpoint sentry;
  private StdErr err;

  @BeforeEach
  void start() {
    sentry = new SentryEndpoint();
    err = StdErr.capture();
  }

  @AfterEach
  void stop() {
    err.close();
    sentry.close();
  }

  /** The endpoint, no run report (its own transaction and event are tested elsewhere). */
  private Kit kit() {
    return Kit.sentry(sentry).and("evals4j.report.enabled", "false");
  }

  @Test
  void should_tag_a_failing_case_whose_checks_do_not_throw_without_changing_the_test_outcome() {
    // WHEN
    kit().and("evals4j.checks.informational", "tone").run(EvalFixtures.Cases.class)
        .testEvents().assertStatistics(s -> s.started(5).succeeded(3).failed(2));

    // THEN the JUnit outcome is kept, the evaluation's is added, per prompt version and case
    List<JsonNode> tx = sentry.transactions();
    SentrySchema.assertValid(tx);
    JsonNode failing = single(tx, CASES + "failingCase");
    assertThat(tag(failing, "test.status")).isEqualTo("pass");
    assertThat(tag(failing, "eval.status")).isEqualTo("fail");
    assertThat(status(failing)).as("counted by failure_rate()").isEqualTo("failed_precondition");
    assertThat(tag(failing, "prompt.id")).isEqualTo("summarize");
    assertThat(tag(failing, "prompt.version")).isEqualTo("v2");
    assertThat(tag(failing, "eval.case")).isEqualTo("c-fail");

    JsonNode passing = single(tx, CASES + "passingCase");
    assertThat(tag(passing, "eval.status")).isEqualTo("pass");
    assertThat(status(passing)).isEqualTo("ok");

    JsonNode informational = single(tx, CASES + "informationalFailure");
    assertThat(tag(informational, "eval.status")).as("an informational check never fails a case")
        .isEqualTo("pass");
    assertThat(status(informational)).isEqualTo("ok");

    JsonNode assertion = single(tx, CASES + "assertionFails");
    assertThat(tag(assertion, "test.status")).isEqualTo("fail");
    assertThat(tag(assertion, "eval.status")).isEqualTo("fail");
    assertThat(status(assertion)).isEqualTo("internal_error");

    JsonNode error = single(tx, CASES + "applicationThrows");
    assertThat(tag(error, "eval.status")).isEqualTo("error");
    assertThat(status(error)).isEqualTo("internal_error");
  }

  @Test
  void should_tag_a_case_whose_judge_could_not_grade_it_as_unknown_not_as_failed() {
    // WHEN a gating rubric and an informational one meet judge errors (malformed verdicts)
    kit().and("evals4j.checks.informational", "tone").run(EvalFixtures.JudgeErrors.class)
        .testEvents().assertStatistics(s -> s.started(3).succeeded(3));

    // THEN a judge error is neither a pass nor a fail, as in the run report
    List<JsonNode> tx = sentry.transactions();
    SentrySchema.assertValid(tx);
    JsonNode unknown = single(tx, "EvalFixtures.JudgeErrors.judgeErrorOnly");
    assertThat(tag(unknown, "eval.status")).isEqualTo("unknown");
    assertThat(status(unknown)).as("not counted by failure_rate()").isEqualTo("unknown");

    JsonNode informational = single(tx, "EvalFixtures.JudgeErrors.informationalJudgeError");
    assertThat(tag(informational, "eval.status"))
        .as("the judge error of an informational rubric leaves the case as it is")
        .isEqualTo("pass");
    assertThat(status(informational)).isEqualTo("ok");

    JsonNode failed = single(tx, "EvalFixtures.JudgeErrors.judgeErrorAndFailure");
    assertThat(tag(failed, "eval.status")).as("another check failed it").isEqualTo("fail");
    assertThat(status(failed)).isEqualTo("failed_precondition");
  }

  @Test
  void should_send_a_failing_evaluation_in_errors_only_mode() {
    // WHEN only failures are sent
    kit().and(Config.SEND, "errors-only").and("evals4j.checks.informational", "tone")
        .run(EvalFixtures.Cases.class);

    // THEN the failing evaluation is one of them, the passing ones are not
    assertThat(Payloads.names(sentry.transactions())).containsExactlyInAnyOrder(
        "EvalFixtures.Cases", CASES + "failingCase", CASES + "assertionFails",
        CASES + "applicationThrows");
  }

  @Test
  void should_put_eval_case_only_on_eval_cases() {
    // WHEN
    kit().run(EvalFixtures.NoPrompt.class)
        .testEvents().assertStatistics(s -> s.started(3).succeeded(3));

    // THEN a test without prompt or case has neither case nor prompt, in tags and span data
    List<JsonNode> tx = sentry.transactions();
    SentrySchema.assertValid(tx);
    JsonNode plain = single(tx, "EvalFixtures.NoPrompt.plain");
    assertThat(tag(plain, "eval.case")).isNull();
    assertThat(tag(plain, "eval.status")).as("nothing was evaluated").isNull();
    assertThat(tag(plain, "prompt.id")).isNull();
    assertThat(Payloads.spans(plain, "gen_ai.chat")).singleElement().satisfies(s -> {
      assertThat(s.path("data").has("eval.case")).isFalse();
      assertThat(s.path("data").has("prompt.id")).isFalse();
    });
    // checks without a case: the evaluation is tagged, no case is invented
    JsonNode checks = single(tx, "EvalFixtures.NoPrompt.checksOnly");
    assertThat(tag(checks, "eval.case")).isNull();
    assertThat(tag(checks, "eval.status")).isEqualTo("fail");
    assertThat(status(checks)).isEqualTo("failed_precondition");
    // a case given at run time is a case, with or without a prompt
    JsonNode given = single(tx, "EvalFixtures.NoPrompt.givenCase");
    assertThat(tag(given, "eval.case")).isEqualTo("c-7");
    assertThat(tag(given, "eval.status")).isEqualTo("pass");
  }
}
