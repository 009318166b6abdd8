package io.github.evals4j.sample.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmConfigTest {

  @Test
  void should_be_absent_without_a_base_url() {
    assertThat(LlmConfig.from(Map.of("LLM_MODEL", "gpt-4o-mini"))).isEmpty();
    assertThat(LlmConfig.from(Map.of("LLM_BASE_URL", "  "))).isEmpty();
  }

  @Test
  void should_read_the_three_variables_and_trim_the_trailing_slash() {
    // WHEN
    LlmConfig config = LlmConfig.from(Map.of("LLM_BASE_URL", "http://localhost:11434/v1/",
        "LLM_API_KEY", "sk-secret", "LLM_MODEL", "llama3.2")).orElseThrow();
    // THEN
    assertThat(config.baseUrl()).isEqualTo("http://localhost:11434/v1");
    assertThat(config.apiKey()).isEqualTo("sk-secret");
    assertThat(config.model()).isEqualTo("llama3.2");
    assertThat(OpenAiChatClient.of(config).endpoint())
        .hasToString("http://localhost:11434/v1/chat/completions");
  }

  @Test
  void should_fail_clearly_when_the_model_is_missing() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LlmConfig.from(Map.of("LLM_BASE_URL", "http://localhost:8080/v1")))
        .withMessageContaining("LLM_MODEL");
  }

  @Test
  void should_never_print_the_key() {
    // GIVEN
    LlmConfig config = new LlmConfig("https://api.example.test/v1", "sk-live-abcdef", "gpt-4o-mini");
    // WHEN / THEN
    assertThat(config.toString()).doesNotContain("sk-live-abcdef").contains("***");
  }

  @Test
  void should_allow_a_local_server_without_a_key() {
    // WHEN
    LlmConfig config = LlmConfig.from(Map.of("LLM_BASE_URL", "http://localhost:8000/v1",
        "LLM_MODEL", "qwen2.5")).orElseThrow();
    // THEN
    assertThat(config.apiKey()).isEmpty();
    assertThat(config.toString()).contains("apiKey=none");
  }
}
