package io.github.evals4j.assertions.content;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import java.lang.Character.UnicodeScript;
import org.junit.jupiter.api.Test;

class Scripts_assertion_Test {

  @Test
  void should_pass_when_letters_are_in_the_expected_scripts() {
    assertThat("東京の新しいサーバーは2024年に稼働しました。").isWrittenIn(
        UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA);
    assertThat("\u062a\u0645 \u062a\u062d\u062f\u064a\u062b \u0627\u0644\u0637\u0644\u0628 123 \uD83D\uDE80")
        .isWrittenIn(UnicodeScript.ARABIC);
    assertThat("Привет, мир! Version 2 is out").isMostlyWrittenIn(0.4, UnicodeScript.CYRILLIC);
  }

  @Test
  void should_fail_quoting_the_runs_in_other_scripts() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("Die Lieferung kommt morgen. Спасибо за заказ!")
            .isWrittenIn(UnicodeScript.LATIN))
        .withMessageContaining("to pass check content.script but it failed")
        .withMessageContaining("% of 37 letters are in LATIN (minimum 95.0%)")
        .withMessageContaining("script at line 1, column 29 (offset 28..44): \"Спасибо за заказ\"");
  }

  @Test
  void should_count_letters_per_script() {
    org.assertj.core.api.Assertions.assertThat(Scripts.letterCounts("Hello 世界 \uD83D\uDE80 42"))
        .containsExactly(org.assertj.core.api.Assertions.entry(UnicodeScript.LATIN, 5),
            org.assertj.core.api.Assertions.entry(UnicodeScript.HAN, 2));
  }

  @Test
  void should_fail_clearly_without_letters() {
    CheckResult empty = Checks.writtenIn(0.9, UnicodeScript.LATIN).evaluate("123 \uD83D\uDE80 \uFEFF");
    org.assertj.core.api.Assertions.assertThat(empty.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(empty.message()).contains("has no letters");
    org.assertj.core.api.Assertions.assertThat(
        Checks.writtenIn(0.9, UnicodeScript.LATIN).evaluate(null).passed()).isFalse();
  }
}
