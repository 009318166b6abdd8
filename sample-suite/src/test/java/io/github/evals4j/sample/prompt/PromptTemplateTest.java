package io.github.evals4j.sample.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.evals4j.sample.llm.ChatMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptTemplateTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "feature-extraction, v1", "feature-extraction, v2", "browser-test, v1", "browser-test, v2",
      "log-analysis, v1", "log-analysis, v2", "log-analysis, v3", "variant-suggestions, v1", "variant-suggestions, v2",
      "social-post, v1", "social-post, v2"})
  void should_load_every_shipped_prompt_with_a_reference_line(String id, String version) {
    // WHEN
    PromptTemplate template = PromptTemplate.load(id, version);
    // THEN
    assertThat(template.system()).isNotBlank();
    assertThat(template.user()).startsWith("Reference: {{reference}}\n");
    assertThat(template.variables()).contains("reference");
  }

  @Test
  void should_render_both_messages() {
    // GIVEN
    PromptTemplate t = PromptTemplate.parse("p", "v1",
        "--- system ---\nYou summarise {{topic}}.\n--- user ---\nReference: {{reference}}\n{{text}}\n", "test");
    // WHEN
    List<ChatMessage> messages = t.render(Map.of("topic", "logs", "reference", "r-1", "text", "a\nb"));
    // THEN
    assertThat(messages).containsExactly(ChatMessage.system("You summarise logs."),
        ChatMessage.user("Reference: r-1\na\nb"));
  }

  @Test
  void should_insert_values_literally_without_expanding_them_again() {
    // GIVEN a value that looks like a placeholder, a regex replacement and non-Latin text
    PromptTemplate t = PromptTemplate.parse("p", "v1",
        "--- system ---\ns\n--- user ---\n{{a}}|{{b}}", "test");
    // WHEN
    List<ChatMessage> messages = t.render(Map.of("a", "{{b}} $1 \\", "b", "日本語 🎒 مرحبا"));
    // THEN
    assertThat(messages.get(1).content()).isEqualTo("{{b}} $1 \\|日本語 🎒 مرحبا");
  }

  @Test
  void should_name_every_missing_value() {
    // GIVEN
    PromptTemplate t = PromptTemplate.load("log-analysis", "v2");
    // WHEN / THEN
    assertThatIllegalArgumentException().isThrownBy(() -> t.render(Map.of("reference", "x")))
        .withMessageContaining("log-analysis v2").withMessageContaining("service").withMessageContaining("log");
  }

  @Test
  void should_fail_clearly_on_a_missing_prompt_or_section() {
    assertThatIllegalArgumentException().isThrownBy(() -> PromptTemplate.load("nope", "v9"))
        .withMessageContaining("prompts/nope/v9.prompt");
    assertThatIllegalArgumentException().isThrownBy(() -> PromptTemplate.load("../etc", "v1"))
        .withMessageContaining("lower-case names");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PromptTemplate.parse("p", "v1", "\uFEFFjust text", "inline"))
        .withMessageContaining("inline needs a '--- system ---' and a '--- user ---' section");
  }

  @Test
  void should_accept_windows_line_endings_and_a_bom() {
    // WHEN
    PromptTemplate t = PromptTemplate.parse("p", "v1", "\uFEFF--- system ---\r\nS\r\n--- user ---\r\nU\r\n", "crlf");
    // THEN
    assertThat(t.system()).isEqualTo("S");
    assertThat(t.user()).isEqualTo("U");
  }
}
