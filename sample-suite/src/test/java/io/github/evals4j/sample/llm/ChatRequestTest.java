package io.github.evals4j.sample.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatRequestTest {

  @Test
  void should_reject_tags_that_are_not_valid_headers() {
    List<ChatMessage> messages = List.of(ChatMessage.user("hi"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ChatRequest("m", messages, null, null, Map.of("Prompt-Id", "a\r\nX-Evil: 1")))
        .withMessageContaining("not a valid header");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ChatRequest("m", messages, null, null, Map.of("Prompt Id", "a")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ChatRequest("m", messages, null, null, Map.of("Prompt-Id", "日本")));
  }

  @Test
  void should_need_a_message() {
    assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.of("m"))
        .withMessageContaining("at least one message");
  }

  @Test
  void should_keep_its_own_copies() {
    // GIVEN
    ChatRequest r = new ChatRequest("m", List.of(ChatMessage.user("hi")), 0.2, 10,
        Map.of("Prompt-Version", "v2"));
    // WHEN / THEN
    assertThat(r.tags()).containsEntry("Prompt-Version", "v2");
    assertThat(r.messages()).isUnmodifiable();
  }
}
