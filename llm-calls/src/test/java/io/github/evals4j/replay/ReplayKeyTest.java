package io.github.evals4j.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ReplayKeyTest {

  private static final String REQUEST = "{\"model\":\"gpt-4o-mini\",\"temperature\":0.7,"
      + "\"messages\":[{\"role\":\"system\",\"content\":\"Summarize.\"},{\"role\":\"user\",\"content\":\"E1042 at 10:02\"}]}";

  @Test
  void should_hash_equal_requests_equal_whatever_the_field_order_whitespace_and_number_spelling() {
    // GIVEN the same request with fields reordered, pretty-printed and 0.7 spelled 0.70
    String reordered = "{\n  \"messages\": [ {\"content\": \"Summarize.\", \"role\": \"system\"},\n"
        + "    {\"content\": \"E1042 at 10:02\", \"role\": \"user\"} ],\n  \"temperature\": 0.70,\n"
        + "  \"model\": \"gpt-4o-mini\"\n}";
    // WHEN
    ReplayKey a = ReplayKey.of("openai", "gpt-4o-mini", REQUEST, 0);
    ReplayKey b = ReplayKey.of("openai", "gpt-4o-mini", reordered, 0);
    // THEN
    assertThat(b.requestHash()).isEqualTo(a.requestHash()).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(b.fileHash()).isEqualTo(a.fileHash());
    assertThat(b).isEqualTo(a);
  }

  @Test
  void should_hash_a_known_canonical_form() {
    // the canonical text is compact, sorted, ASCII-escaped; its SHA-256 is fixed forever
    ReplayKey key = ReplayKey.of("openai", "m", "{\"b\":1.0,\"a\":[\"é\",true,null]}", 0);
    assertThat(CanonicalJson.write(key.request())).isEqualTo("{\"a\":[\"\\u00E9\",true,null],\"b\":1}");
    // sha256 of {"a":["\u00E9",true,null],"b":1} as printed by `printf '%s' ... | sha256sum`
    assertThat(key.requestHash())
        .isEqualTo("2d9725d04fe3181844b1fef6705b493915cbe532d01ea58a4d4d4e5a77f33785");
    assertThat(CanonicalJson.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void should_hash_differently_when_the_prompt_or_a_parameter_changes() {
    String key0 = ReplayKey.of("openai", "gpt-4o-mini", REQUEST, 0).requestHash();
    assertThat(ReplayKey.of("openai", "gpt-4o-mini", REQUEST.replace("0.7", "0.2"), 0).requestHash())
        .isNotEqualTo(key0);
    assertThat(ReplayKey.of("openai", "gpt-4o-mini", REQUEST.replace("Summarize.", "Summarize!"), 0)
        .requestHash()).isNotEqualTo(key0);
    // array order is meaning (message order), so it changes the hash
    assertThat(ReplayKey.of("openai", "m", "[1,2]", 0).requestHash())
        .isNotEqualTo(ReplayKey.of("openai", "m", "[2,1]", 0).requestHash());
  }

  @Test
  void should_name_another_file_per_repeat_provider_and_model() {
    ReplayKey first = ReplayKey.of("openai", "gpt-4o-mini", REQUEST, 0);
    assertThat(ReplayKey.of("openai", "gpt-4o-mini", REQUEST, 1).fileHash()).isNotEqualTo(first.fileHash());
    assertThat(ReplayKey.of("openai", "gpt-4.1-mini", REQUEST, 0).fileHash()).isNotEqualTo(first.fileHash());
    assertThat(ReplayKey.of("azure", "gpt-4o-mini", REQUEST, 0).fileHash()).isNotEqualTo(first.fileHash());
    // the call id is for stale detection only: same file
    assertThat(first.withCallId("la-01").fileHash()).isEqualTo(first.fileHash());
  }

  @Test
  void should_keep_non_latin_text_and_lone_surrogates_apart_in_the_hash() {
    String cjk = ReplayKey.of("p", "m", "{\"content\":\"夜間バッチ失敗 رمز الخطأ 🚨\"}", 0).requestHash();
    String other = ReplayKey.of("p", "m", "{\"content\":\"夜間バッチ失敗 رمز الخطأ 🚑\"}", 0).requestHash();
    String lone1 = ReplayKey.of("p", "m", "{\"content\":\"\\ud800\"}", 0).requestHash();
    String lone2 = ReplayKey.of("p", "m", "{\"content\":\"\\udc00\"}", 0).requestHash();
    assertThat(cjk).isNotEqualTo(other);
    assertThat(lone1).isNotEqualTo(lone2);
  }

  @Test
  void should_hash_a_huge_request_and_tell_it_from_one_differing_in_its_last_character() {
    // GIVEN two 8 MB prompts (a pasted log) that differ only at the very end
    String log = "2025-03-02T10:02:11Z ERROR payments E1042 夜間バッチ 🚨\\n".repeat(160_000);
    String a = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + log + "a\"}]}";
    String b = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + log + "b\"}]}";
    // WHEN / THEN
    assertThat(ReplayKey.of("p", "m", a, 0).requestHash())
        .isEqualTo(ReplayKey.of("p", "m", a, 0).requestHash())
        .isNotEqualTo(ReplayKey.of("p", "m", b, 0).requestHash());
  }

  @Test
  void should_fail_when_the_request_is_not_json_naming_line_and_column() {
    assertThatThrownBy(() -> ReplayKey.of("openai", "m", "{\"model\":\n \"x\",}", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request is not valid JSON")
        .hasMessageContaining("line 2, column");
    assertThatThrownBy(() -> ReplayKey.of("openai", "m", "", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request is empty");
    assertThatThrownBy(() -> ReplayKey.of("openai", "m", "{\"a\":1,\"a\":2}", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate field 'a'");
  }

  @Test
  void should_fail_on_blank_names_and_negative_repeats() {
    assertThatThrownBy(() -> ReplayKey.of(" ", "m", "{}", 0)).hasMessage("provider must not be blank");
    assertThatThrownBy(() -> ReplayKey.of("p", null, "{}", 0)).hasMessage("model must not be blank");
    assertThatThrownBy(() -> ReplayKey.of("p", "m", "{}", -1)).hasMessage("repeat must be >= 0: -1");
  }

  @Test
  void should_refuse_a_deeply_nested_request_without_overflowing_the_stack() {
    // GIVEN a tree 5,000 levels deep, built in code (the parser would stop earlier)
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode node = root;
    for (int i = 0; i < 5_000; i++) {
      node = node.putObject("a");
    }
    // WHEN / THEN
    assertThatThrownBy(() -> ReplayKey.of("p", "m", root, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request nested deeper than 500 levels");
    String deepText = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> ReplayKey.of("p", "m", deepText, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request is not valid JSON");
  }

  @Test
  void should_describe_itself_with_provider_model_hash_repeat_and_call_id() {
    ReplayKey key = ReplayKey.of("openai", "gpt-4o-mini", "{}", 2).withCallId("la-01");
    assertThat(key).hasToString("openai/gpt-4o-mini request sha256:" + key.requestHash()
        + " repeat 2 (call 'la-01')");
    assertThat(key.callId()).contains("la-01");
    assertThat(key.withCallId(" ").callId()).isEmpty();
  }
}
