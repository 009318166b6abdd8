package io.github.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

  @Test
  void should_read_jsonl_cases_with_inputs_expected_and_sources() {
    List<EvalCase> cases = Datasets.parse("cases.jsonl", String.join("\n",
        "// a comment line",
        "{\"id\":\"log-1\",\"input\":{\"log\":\"E1042 at 10:02\",\"n\":3},"
            + "\"expected\":{\"mentions\":\"E1042\"},\"sources\":[\"E1042 at 10:02\"]}",
        "",
        "{\"id\":\"log-2\",\"log\":\"夜間バッチ失敗 رمز الخطأ 🚨\"}"));

    assertThat(cases).extracting(EvalCase::id).containsExactly("log-1", "log-2");
    EvalCase first = cases.get(0);
    assertThat(first.input("log")).isEqualTo("E1042 at 10:02");
    assertThat(first.input("n")).isEqualTo("3");
    assertThat(first.expected("mentions")).contains("E1042");
    assertThat(first.sources()).containsExactly("E1042 at 10:02");
    assertThat(first.origin()).isEqualTo("cases.jsonl:2");
    assertThat(cases.get(1).input("log")).isEqualTo("夜間バッチ失敗 رمز الخطأ 🚨");
    assertThat(cases.get(1).expected("anything")).isEmpty();
    assertThat(cases.get(1)).hasToString("log-2");
  }

  @Test
  void should_name_file_line_and_column_of_a_malformed_jsonl_case() {
    assertThatThrownBy(() -> Datasets.parse("cases.jsonl",
        "{\"id\":\"a\"}\n{\"id\":\"b\",}\n"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("malformed case at cases.jsonl:2, column");
  }

  @Test
  void should_reject_missing_and_duplicate_ids_with_both_places() {
    assertThatThrownBy(() -> Datasets.parse("c.jsonl", "{\"input\":{}}"))
        .hasMessageContaining("case at c.jsonl:1 has no \"id\"");
    assertThatThrownBy(() -> Datasets.parse("c.jsonl", "{\"id\":\"x\"}\n{\"id\":\"x\"}"))
        .hasMessageContaining("duplicate case id 'x' in c.jsonl: at c.jsonl:1 and at c.jsonl:2");
  }

  @Test
  void should_read_json_arrays_and_yaml_lists() {
    List<EvalCase> json = Datasets.parse("c.json",
        "[{\"id\":\"a\",\"input\":{\"q\":\"one\"}},{\"id\":\"b\",\"q\":\"two\"}]");
    List<EvalCase> yaml = Datasets.parse("c.yaml", String.join("\n",
        "- id: a",
        "  input:",
        "    q: one",
        "  sources: [\"s1\", \"s2\"]",
        "- id: b",
        "  q: two"));
    assertThat(json).extracting(c -> c.input("q")).containsExactly("one", "two");
    assertThat(yaml).extracting(c -> c.input("q")).containsExactly("one", "two");
    assertThat(yaml.get(0).sources()).containsExactly("s1", "s2");
  }

  @Test
  void should_read_csv_with_expected_and_sources_columns() {
    List<EvalCase> cases = Datasets.parse("c.csv", String.join("\n",
        "\uFEFFid,question,expected.answer,sources",
        "q1,\"How many, exactly?\",42,first source || second source",
        "q2,Why?,because,"));
    assertThat(cases).extracting(EvalCase::id).containsExactly("q1", "q2");
    assertThat(cases.get(0).input("question")).isEqualTo("How many, exactly?");
    assertThat(cases.get(0).expected("answer")).contains("42");
    assertThat(cases.get(0).sources()).containsExactly("first source", "second source");
    assertThat(cases.get(1).sources()).isEmpty();
  }

  @Test
  void should_say_which_fields_exist_when_an_input_field_is_missing() {
    EvalCase c = Datasets.parse("c.jsonl", "{\"id\":\"a\",\"input\":{\"log\":\"x\"}}").get(0);
    assertThatThrownBy(() -> c.input("text"))
        .hasMessageContaining("case 'a' (c.jsonl:1) has no input field 'text'")
        .hasMessageContaining("[log]");
  }

  @Test
  void should_reject_unknown_formats_and_non_list_documents(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Datasets.parse("c.txt", "x"))
        .hasMessageContaining("use .jsonl, .json, .csv, .yaml or .yml");
    assertThatThrownBy(() -> Datasets.parse("c.json", "{\"id\":\"a\"}"))
        .hasMessageContaining("must be a list of cases, found object");
    assertThatThrownBy(() -> Datasets.load(dir.resolve("missing.jsonl")))
        .hasMessageContaining("dataset file not found");
    Path file = dir.resolve("ok.jsonl");
    Files.writeString(file, "{\"id\":\"a\"}\n");
    assertThat(Datasets.load(file)).hasSize(1);
    assertThat(Datasets.loadResource("datasets/tiny.jsonl")).extracting(EvalCase::id)
        .containsExactly("t1", "t2");
  }

  @Test
  void should_name_the_mixed_jackson_versions_and_the_fix_when_a_format_module_does_not_link() {
    // GIVEN the error a jackson-dataformat-csv newer than jackson-core throws (seen with WireMock
    // 3.0's Jackson 2.15 winning nearest-wins; consumer-tests builds that project aligned)
    NoSuchMethodError linkage = new NoSuchMethodError("'void com.fasterxml.jackson.core.base"
        + ".ParserMinimalBase.<init>(int, com.fasterxml.jackson.core.StreamReadConstraints)'");

    // WHEN
    DatasetException e = Datasets.mixedJackson("datasets/cases.csv", "jackson-dataformat-csv",
        com.fasterxml.jackson.dataformat.csv.PackageVersion.VERSION, linkage);

    // THEN the file, both versions and the fix, with the cause kept
    assertThat(e).hasMessageStartingWith("cannot read datasets/cases.csv: jackson-dataformat-csv "
            + com.fasterxml.jackson.dataformat.csv.PackageVersion.VERSION
            + " does not work with jackson-core "
            + com.fasterxml.jackson.core.json.PackageVersion.VERSION)
        .hasMessageContaining("importing com.fasterxml.jackson:jackson-bom")
        .hasCause(linkage);
  }
}
