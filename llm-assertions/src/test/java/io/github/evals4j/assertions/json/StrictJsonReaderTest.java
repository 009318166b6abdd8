package io.github.evals4j.assertions.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the reader adds to Jackson: duplicate keys, lone surrogates, value spans. */
class StrictJsonReaderTest {

  private final StrictJsonReader reader = new StrictJsonReader(JsonOptions.strict());

  private ParsedJson read(String text) {
    return reader.read(text, 0, text.length(), false);
  }

  @Test
  void should_find_a_duplicate_key_in_an_object_with_many_keys() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < 40; i++) {
      sb.append("\"k").append(i).append("\": ").append(i).append(", ");
    }
    String text = sb.append("\"k33\": 0}").toString();
    ParsedJson parsed = read(text);
    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.error().kind()).isEqualTo("duplicate-key");
    assertThat(text.substring(parsed.error().start(), parsed.error().end())).isEqualTo("\"k33\"");
    assertThat(parsed.error().start()).isEqualTo(text.lastIndexOf("\"k33\""));
  }

  @Test
  void should_accept_the_same_key_in_sibling_and_nested_objects() {
    assertThat(read("[{\"a\": {\"a\": 1}}, {\"a\": 2}, {\"b\": {\"a\": [{\"a\": 3}]}, \"a\": 4}]")
        .valid()).isTrue();
  }

  @Test
  void should_find_a_duplicate_after_a_nested_object_closed() {
    ParsedJson parsed = read("{\"a\": {\"x\": 1, \"y\": 2}, \"b\": 1, \"a\": 3}");
    assertThat(parsed.error().message()).contains("duplicate key \"a\"");
  }

  @Test
  void should_find_a_duplicate_key_with_escapes() {
    ParsedJson parsed = read("{\"a\\\"b\": 1, \"a\\u0022b\": 2}");
    assertThat(parsed.error().kind()).isEqualTo("duplicate-key");
    assertThat(parsed.error().start()).isEqualTo(12);
  }

  @Test
  void should_not_mistake_an_escaped_backslash_for_a_surrogate_escape() {
    assertThat(read("[\"\\\\ud800\", \"C:\\\\udc00\"]").valid()).isTrue();
  }

  @Test
  void should_point_at_the_escape_of_a_lone_surrogate_after_other_escapes() {
    String text = "[\"\\n\\t\\ud83d\\ude00 \\ud83d x\"]";
    ParsedJson parsed = read(text);
    assertThat(parsed.error().kind()).isEqualTo("surrogate");
    assertThat(text.substring(parsed.error().start(), parsed.error().end()))
        .isEqualTo("\\ud83d");
    assertThat(parsed.error().start()).isEqualTo(text.lastIndexOf("\\ud83d"));
  }

  @Test
  void should_reject_an_escaped_high_followed_by_a_raw_low_surrogate() {
    ParsedJson parsed = read("[\"\\ud83d\ude00\"]");
    assertThat(parsed.error().message()).contains("lone high surrogate (escaped \\ud83d)");
  }

  @Test
  void should_give_the_span_and_kind_of_a_root_scalar() {
    ParsedJson parsed = read("  \"日本\"  ");
    assertThat(parsed.valid()).isTrue();
    assertThat(parsed.valueStart()).isEqualTo(2);
    assertThat(parsed.valueEnd()).isEqualTo(6);
    assertThat(parsed.rootKind()).isEqualTo("string");
  }

  @Test
  void should_read_one_value_and_stop_when_trailing_content_is_allowed() {
    String text = "x {\"a\": [1]} and more";
    ParsedJson parsed = reader.read(text, 2, text.length(), true);
    assertThat(parsed.valid()).isTrue();
    assertThat(text.substring(parsed.valueStart(), parsed.valueEnd())).isEqualTo("{\"a\": [1]}");
  }
}
