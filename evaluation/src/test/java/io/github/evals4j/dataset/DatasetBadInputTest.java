package io.github.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Datasets lose nothing and fail with one clear line: the file, the line (and column where known),
 * what is wrong and the limit; never a bare parser exception, never a silently dropped value.
 */
class DatasetBadInputTest {

  @TempDir
  Path dir;

  private static void assertOneLine(Throwable e) {
    assertThat(e).isInstanceOf(DatasetException.class);
    assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("NullPointerException")
        .doesNotContain("StreamReadConstraints");
  }

  // ---- limits ----

  @ParameterizedTest
  @ValueSource(strings = {"c.json", "c.jsonl", "c.yaml"})
  void should_name_file_line_and_limit_of_nesting_deeper_than_a_thousand_levels(String name) {
    // GIVEN 100,000 levels of nesting (a NullPointerException "getLocation() is null" before)
    String deep = "{\"id\":\"a\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    String content = name.endsWith(".jsonl") ? deep : "[" + deep + "]";
    // THEN
    assertThatThrownBy(() -> Datasets.parse(name, content))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessageStartingWith("malformed case at " + name + ":1, column ")
        .hasMessageContaining("nest deeper than the limit of 1000 levels");
  }

  @ParameterizedTest
  @ValueSource(strings = {"c.json", "c.jsonl"}) // YAML reads so long a plain scalar as text
  void should_name_file_line_and_limit_of_a_two_million_digit_number(String name) {
    String big = "{\"id\":\"a\",\"n\":" + "7".repeat(2_000_000) + "}";
    String content = name.endsWith(".jsonl") ? "{\"id\":\"z\"}\n" + big
        : "[{\"id\":\"z\"},\n" + big + "]";
    assertThatThrownBy(() -> Datasets.parse(name, content))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessageStartingWith("malformed case at " + name + ":2")
        .hasMessageContaining("a number is longer than the limit of 1000 characters");
  }

  @Test
  void should_refuse_a_fifty_megabyte_string_by_the_file_limit_and_say_how_to_raise_it()
      throws Exception {
    // GIVEN a 50 MB string in a JSONL file (a NullPointerException before)
    Path file = dir.resolve("huge.jsonl");
    Files.writeString(file, "{\"id\":\"a\",\"log\":\"" + "x".repeat(50_000_000) + "\"}\n");
    // THEN the default limit refuses it before reading, and names the ways to raise it
    assertThatThrownBy(() -> Datasets.load(file))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessageContaining("huge.jsonl is 50000020 bytes, more than the limit of 33554432 bytes")
        .hasMessageContaining("@DatasetSource(maxBytes = ...)")
        .hasMessageContaining("evals4j.dataset.max-bytes");
    // AND a larger limit reads it whole
    assertThat(Datasets.load(file, 60_000_000).get(0).input("log")).hasSize(50_000_000);
  }

  @Test
  void should_read_a_five_megabyte_yaml_file_that_snakeyaml_limited_to_3145728_code_points()
      throws Exception {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; yaml.length() < 5_000_000; i++) {
      yaml.append("- id: c").append(i).append("\n  log: \"").append("y".repeat(1000)).append("\"\n");
    }
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, yaml);
    assertThat(Datasets.load(file)).hasSizeGreaterThan(4800);
    assertThatThrownBy(() -> Datasets.load(file, 1_000_000))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessageContaining("more than the limit of 1000000 bytes");
  }

  @Test
  void should_refuse_a_classpath_resource_longer_than_its_limit() {
    assertThatThrownBy(() -> Datasets.loadResource("datasets/tiny.jsonl", null, 10))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessage("dataset datasets/tiny.jsonl is longer than 10 bytes, more than the limit of"
            + " 10 bytes; raise it with Datasets.load(path, maxBytes), @DatasetSource(maxBytes ="
            + " ...) or the configuration parameter evals4j.dataset.max-bytes");
    assertThatThrownBy(() -> Datasets.load(dir.resolve("x.jsonl"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
  }

  // ---- YAML aliases and merge keys ----

  @Test
  void should_resolve_yaml_aliases_of_lists_and_merge_keys() {
    List<EvalCase> cases = Datasets.parse("c.yaml", String.join("\n",
        "- id: a",
        "  defaults: &base {lang: en, tone: formal}",
        "  sources: &src [\"log line 1\", \"log line 2\"]",
        "- id: b",
        "  sources: *src",
        "  input:",
        "    <<: *base",
        "    tone: casual",
        "    q: why"));
    // `sources: *src` was read as the text "src", the merge key as a field named "<<"
    assertThat(cases.get(1).sources()).containsExactly("log line 1", "log line 2");
    assertThat(cases.get(1).input("lang")).isEqualTo("en");
    assertThat(cases.get(1).input("tone")).isEqualTo("casual");
    assertThat(cases.get(1).input("q")).isEqualTo("why");
    assertThat(cases.get(1).input().has("<<")).isFalse();
    assertThat(cases.get(1).origin()).isEqualTo("c.yaml:4");
  }

  @Test
  void should_refuse_an_alias_of_a_single_value_rather_than_read_its_name() {
    assertThatThrownBy(() -> Datasets.parse("c.yaml", String.join("\n",
        "- id: a",
        "  answer: &ans 42",
        "- id: b",
        "  expected: *ans")))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessage("malformed case at c.yaml:4, column 13: the alias *ans names no list or"
            + " mapping anchored before it (&ans); evals4j resolves aliases of lists and mappings,"
            + " write a single value out where it is used");
  }

  @Test
  void should_stop_a_billion_laughs_file_at_a_million_values() {
    StringBuilder yaml = new StringBuilder("- id: lol\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level <= 9; level++) {
      yaml.append("  l").append(level).append(": &l").append(level).append(" [");
      for (int k = 0; k < 10; k++) {
        yaml.append(k == 0 ? "" : ", ").append("*l").append(level - 1);
      }
      yaml.append("]\n");
    }
    assertThatThrownBy(() -> Datasets.parse("lol.yaml", yaml.toString()))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessageContaining("YAML aliases expand to more than 1000000 values");
  }

  // ---- nothing lost silently ----

  @Test
  void should_refuse_content_after_the_first_value_of_a_jsonl_line() {
    // `{"id":"a"} {"id":"b"}` gave only a, `{"id":"c"} garbage` was accepted
    assertThatThrownBy(() -> Datasets.parse("c.jsonl", "{\"id\":\"a\"} {\"id\":\"b\"}"))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessage("malformed case at c.jsonl:1, column 12: more after the first value on the"
            + " line; a JSONL line holds exactly one case");
    assertThatThrownBy(() -> Datasets.parse("c.jsonl", "{\"id\":\"z\"}\n{\"id\":\"c\"} garbage"))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessageStartingWith("malformed case at c.jsonl:2, column 12: ");
  }

  @Test
  void should_give_csv_cases_the_line_they_start_on() {
    List<EvalCase> cases = Datasets.parse("c.csv", String.join("\n",
        "id,question",
        "q1,first",
        "",
        "q2,\"two",
        "lines\"",
        "q3,third"));
    assertThat(cases).extracting(EvalCase::origin).containsExactly("c.csv:2", "c.csv:4", "c.csv:6");
  }

  @Test
  void should_refuse_a_column_or_key_given_twice() {
    assertThatThrownBy(() -> Datasets.parse("c.csv", "id,question,question\nq1,a,b\n"))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessage("malformed case at c.csv:1: the header names column \"question\" twice"
            + " (columns 2 and 3; only one value would be kept)");
    assertThatThrownBy(() -> Datasets.parse("c.json", "[{\"id\":\"a\",\"q\":1,\"q\":2}]"))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessageStartingWith("malformed case at c.json:1, column ")
        .hasMessageEndingWith("the key \"q\" appears twice in one object (only one value would"
            + " be kept)");
    assertThatThrownBy(() -> Datasets.parse("c.yaml", "- id: a\n  q: 1\n  q: 2\n"))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessageStartingWith("malformed case at c.yaml:3, column ")
        .hasMessageContaining("the key \"q\" appears twice");
    assertThatThrownBy(() -> Datasets.parse("c.csv", "id,question\nq1,a,b\n"))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessage("malformed case at c.csv:2: the row has 3 columns, the header has 2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"c.json", "c.jsonl", "c.yaml", "c.csv"})
  void should_accept_a_utf8_byte_order_mark_at_the_start_of_every_format(String name)
      throws Exception {
    String body = name.endsWith(".csv") ? "id,q\na,x\n" : name.endsWith(".jsonl")
        ? "{\"id\":\"a\",\"q\":\"x\"}\n" : name.endsWith(".yaml") ? "- id: a\n  q: x\n"
        : "[{\"id\":\"a\",\"q\":\"x\"}]";
    Path file = dir.resolve(name);
    Files.write(file, ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8));
    assertThat(Datasets.load(file)).singleElement()
        .satisfies(c -> assertThat(c.input("q")).isEqualTo("x"));
  }

  @Test
  void should_refuse_a_byte_order_mark_inside_a_file() {
    assertThatThrownBy(() -> Datasets.parse("c.jsonl", "{\"id\":\"a\"}\n\uFEFF{\"id\":\"b\"}"))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessageStartingWith("malformed case at c.jsonl:2, column 1: ");
  }

  @Test
  void should_name_line_and_column_of_a_byte_that_is_not_utf8() throws Exception {
    // GIVEN "café" written in ISO-8859-1 on line 2 ("Input length = 1" before)
    Path file = dir.resolve("latin1.jsonl");
    Files.write(file, "{\"id\":\"a\"}\n{\"id\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> Datasets.load(file))
        .satisfies(DatasetBadInputTest::assertOneLine)
        .hasMessageEndingWith("latin1.jsonl is not UTF-8 text: byte 0xE9 at line 2, column 11"
            + " (byte 21) cannot start or continue a UTF-8 character; save the file as UTF-8");
  }
}
