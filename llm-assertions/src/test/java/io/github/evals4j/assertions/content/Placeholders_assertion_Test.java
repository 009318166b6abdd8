package io.github.evals4j.assertions.content;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.check.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Placeholders_assertion_Test {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Dear [Insert customer name], your order shipped.       | placeholder       | [Insert customer name]",
      "Hi [CUSTOMER NAME], thanks!                            | placeholder       | [CUSTOMER NAME]",
      "Hello {{ first_name }}, welcome aboard.                | template-variable | {{ first_name }}",
      "Your code is ${otp.code}.                              | template-variable | ${otp.code}",
      "Signed, <your name here>                               | placeholder       | <your name here>",
      "Pricing: TBD after the review.                         | work-marker       | TBD",
      "// TODO: handle the error                              | work-marker       | TODO",
      "Lorem ipsum dolor sit amet.                            | lorem-ipsum       | Lorem ipsum",
      "The key benefits of the new plan are faster support and | trailing-ellipsis | new plan are faster support and...",
  })
  void should_find_each_kind_of_placeholder(String output, String kind, String span) {
    String text = output.endsWith("and") ? output + "..." : output;
    List<Evidence> found = Placeholders.find(text);
    org.assertj.core.api.Assertions.assertThat(found)
        .anySatisfy(e -> {
          org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(kind);
          org.assertj.core.api.Assertions.assertThat(e.text()).isEqualTo(span);
        });
  }

  @Test
  void should_pass_when_brackets_are_links_tasks_or_citations() {
    assertThat("See [the docs](https://example.com) [1].\n- [x] done\n- [ ] next\nArray a[i] = 3."
        + " Wait... then go. The TODOS list and XXXL sizes are fine.")
        .hasNoPlaceholders();
  }

  @Test
  void should_pass_on_log_levels_and_admonitions_in_brackets() {
    assertThat("[ERROR] Connection refused at 10:42\n[WARN] Retrying (2/3)\n[INFO] Recovered\n"
        + "> [!NOTE]\n> [IMPORTANT] Rotate the key.").hasNoPlaceholders();
  }

  @Test
  void should_fail_on_an_unclosed_code_fence_with_truncated_json_inside() {
    String output = "Here is the config:\n```json\n{\"name\": \"evals4j\", \"tags\": [\"java\", ";
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(output).hasNoPlaceholders())
        .withMessageContaining("to pass check content.placeholders but it failed")
        .withMessageContaining("unclosed-fence at line 2, column 1 (offset 20..27): \"```json\"")
        .withMessageContaining("truncated-json at line 3, column 1 (offset 28..")
        .withMessageContaining("2 JSON bracket(s) opened here never closed");
  }

  @Test
  void should_fail_on_top_level_json_cut_inside_a_string_and_pass_complete_json() {
    List<Evidence> cut = Placeholders.find("{\"summary\": \"The export fin");
    org.assertj.core.api.Assertions.assertThat(cut).singleElement()
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo("truncated-json"));
    assertThat("\uFEFF{\"a\": [1, {\"b\": \"}\"}]}").hasNoPlaceholders();
    assertThat("```json\n{\"a\": 1}\n```\nDone.").hasNoPlaceholders();
  }

  @Test
  void should_not_overflow_on_deeply_nested_truncated_json() {
    String deep = "[".repeat(1_000_000);
    CheckResult result = Checks.noPlaceholders().evaluate(deep);
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.message())
        .contains("1000000 JSON bracket(s) opened here never closed");
  }

  @Test
  void should_report_null_empty_and_non_latin_output_clearly() {
    org.assertj.core.api.Assertions.assertThat(Checks.noPlaceholders().evaluate(null).message())
        .isEqualTo("output is null");
    assertThat("").hasNoPlaceholders();
    assertThat("東京の店舗は10時に開店します。\u0645\u0631\u062d\u0628\u0627 \uD83D\uDE80 \uD800")
        .hasNoPlaceholders();
  }

  @Test
  void should_scan_ten_megabytes_linearly() {
    String big = "[Note] Revenue grew {steadily} in Q3 <b>2024</b>, see [1]. ".repeat(170_000)
        + "Contact [Your Name].";
    CheckResult result = Checks.noPlaceholders().evaluate(big);
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.evidence()).singleElement()
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.text()).isEqualTo("[Your Name]"));
  }
}
