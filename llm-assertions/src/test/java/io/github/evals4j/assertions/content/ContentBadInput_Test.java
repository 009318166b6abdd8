package io.github.evals4j.assertions.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentBadInput_Test {

  private static final List<Check> CHECKS = List.of(
      Checks.noRefusal(), Checks.noPlaceholders(), Checks.requiredKeywords("order"),
      Checks.forbiddenKeywords("order"), Checks.containsRegex("\\d+"),
      Checks.doesNotContainRegex("\\d+"), Checks.writtenIn(0.5, Character.UnicodeScript.LATIN));

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("empty", "", false),
        Arguments.of("whitespace", " \t\n\u00a0\u3000", false),
        Arguments.of("BOM", "\uFEFF", false),
        Arguments.of("BOM then text", "\uFEFForder 42 shipped", true),
        Arguments.of("lone surrogates", "\uDC00order\uD800 42 \uD800", true),
        Arguments.of("emoji only", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\uD83C\uDDEB\uD83C\uDDF7", false),
        Arguments.of("Arabic RTL", "\u200F\u0637\u0644\u0628 \u0661\u0662 order 42", true),
        Arguments.of("CJK", "注文42は発送済み order", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void should_give_a_clear_result_for_every_check(String label, String output, boolean hasOrder) {
    for (Check check : CHECKS) {
      CheckResult result = Checks.evaluate(check, output);
      assertThat(result.message()).as(check.name() + " on " + label)
          .isNotBlank().doesNotContain("threw");
    }
    assertThat(Checks.requiredKeywords("order").evaluate(output).passed()).isEqualTo(hasOrder);
    assertThat(Checks.noRefusal().evaluate(output).passed()).isTrue();
  }

  @Test
  void should_fail_every_check_on_null_without_throwing() {
    for (Check check : CHECKS) {
      CheckResult result = check.evaluate(null);
      assertThat(result.passed()).as(check.name()).isFalse();
      assertThat(result.message()).as(check.name()).contains("null");
    }
  }
}
