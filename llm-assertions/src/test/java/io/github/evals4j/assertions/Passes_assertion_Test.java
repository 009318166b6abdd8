package io.github.evals4j.assertions;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Evidence;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Passes_assertion_Test {

  private static final Check NO_DIGITS =
      Check.of("no-digits", out -> {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < out.length(); i++) {
          if (Character.isDigit(out.charAt(i))) {
            evidence.add(Evidence.of(out, i, i + 1, "digit", "digits are not allowed"));
          }
        }
        return CheckResult.of("no-digits", evidence.isEmpty(), evidence,
            evidence.isEmpty() ? "no digits" : "found " + evidence.size() + " digit(s): "
                + evidence.get(0).describeIn(out));
      });

  @Test
  void should_pass_when_check_passes() {
    assertThat("no numbers here").passes(NO_DIGITS).contains("numbers");
  }

  @Test
  void should_fail_with_check_name_and_positioned_evidence() {
    // GIVEN
    String output = "first line\nsecond 7 line";
    // WHEN / THEN
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(output).passes(NO_DIGITS))
        .withMessageContaining("to pass check no-digits but it failed")
        .withMessageContaining("digit at line 2, column 8 (offset 18..19): \"7\"")
        .withMessageContaining("24 code points");
  }

  @Test
  void should_fail_with_a_message_that_cannot_drive_a_terminal_or_a_ci_log() {
    // GIVEN an output, a check message and an evidence reason that clear the screen, reorder text
    // and start lines with GitHub workflow commands
    String output = "\u001B[2J7 \u202Eevil\n::add-mask::x";
    Check hostile = Check.of("quote\u202E", out -> CheckResult.of("quote\u202E", false,
        List.of(Evidence.of(out, 4, 5, "digit", "reason \u001B[31m\n::error::y")),
        "first line\n::warning::z \u2066hidden\u2069\nlast"));

    // WHEN / THEN
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(output).passes(hostile))
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage())
            .doesNotContain("\u001B", "\u202E", "\u2066", "\u2069")
            .contains("\\u001B[2J7 \\u202Eevil\\n::add-mask::x", "quote\\u202E",
                "\\u003A:warning::z \\u2066hidden\\u2069")
            .satisfies(m -> org.assertj.core.api.Assertions.assertThat(m.lines())
                .noneMatch(l -> l.stripLeading().startsWith("::"))));
    org.assertj.core.api.Assertions.assertThat(
        Evidence.of(output, 4, 5, "digit", "reason \u001B[31m").describeIn(output))
        .endsWith("\"7\" \u2014 reason \\u001B[31m");
  }

  @Test
  void should_report_every_evaluation_to_the_bound_recorder() {
    List<CheckResult> seen = new ArrayList<>();
    Recorder recorder = new Recorder() {
      @Override
      public void onCheck(CheckResult result) {
        seen.add(result);
      }
    };
    try (Recording.Binding ignored = Recording.bind(recorder)) {
      assertThat("abc").passes(NO_DIGITS);
      Checks.evaluate(NO_DIGITS, "a1");
    }
    Checks.evaluate(NO_DIGITS, "unbound 2");
    assertEquals(2, seen.size());
    assertEquals(List.of(true, false), List.of(seen.get(0).passed(), seen.get(1).passed()));
  }

  @Test
  void should_turn_a_throwing_check_into_a_failed_result() {
    Check broken = Check.of("broken", out -> { throw new IllegalStateException("boom"); });
    CheckResult result = Checks.evaluate(broken, "x");
    assertEquals(false, result.passed());
    org.assertj.core.api.Assertions.assertThat(result.message()).contains("broken", "boom");
  }

  @Test
  void soft_assertions_collect_every_failure() {
    SoftLlmAssertions softly = new SoftLlmAssertions();
    softly.assertThat("a1").passes(NO_DIGITS);
    softly.assertThat("b2").passes(NO_DIGITS);
    assertEquals(2, softly.errorsCollected().size());
  }
}
