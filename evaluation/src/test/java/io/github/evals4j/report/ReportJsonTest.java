package io.github.evals4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

  static final ObjectMapper MAPPER = new ObjectMapper();

  static Schema schema() throws Exception {
    JsonNode schema = MAPPER.readTree(ReportJson.schema());
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
  }

  @Test
  void should_validate_against_shipped_schema_when_report_has_every_feature() throws Exception {
    // GIVEN a report with repeats, unknown costs, comparisons, gates, examples
    JsonNode json = MAPPER.readTree(ReportJson.toJson(Fixtures.report()));
    // WHEN
    List<Error> errors = schema().validate(json);
    // THEN
    assertThat(errors).isEmpty();
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
  }

  @Test
  void should_validate_when_outputs_are_hostile() throws Exception {
    JsonNode json = MAPPER.readTree(ReportJson.toJson(Fixtures.report(HostileCorpus.OUTPUTS)));
    assertThat(schema().validate(json)).isEmpty();
  }

  @Test
  void should_fail_validation_when_a_field_is_wrong_or_undocumented() throws Exception {
    ObjectNode json = (ObjectNode) MAPPER.readTree(ReportJson.toJson(Fixtures.report()));
    ((ObjectNode) json.get("prompts").get(0)).put("passRate", 1.5);
    ((ObjectNode) json.get("prompts").get(0)).put("undocumented", true);
    List<Error> errors = schema().validate(json);
    assertThat(errors).extracting(Error::toString)
        .anyMatch(e -> e.contains("passRate"))
        .anyMatch(e -> e.contains("undocumented"));
  }

  @Test
  void should_carry_hand_computed_figures_in_json() throws Exception {
    JsonNode v1 = MAPPER.readTree(ReportJson.toJson(Fixtures.report())).get("prompts").get(1);
    assertThat(v1.get("prompt").get("version").asText()).isEqualTo("v1");
    assertThat(v1.get("runs").asLong()).isEqualTo(8);
    assertThat(v1.get("passedRuns").asLong()).isEqualTo(5);
    assertThat(v1.get("passRate").asDouble()).isEqualTo(0.625);
    assertThat(v1.get("applicationCost").get("totalUsd").asDouble()).isCloseTo(0.00216, within(1e-12));
    JsonNode unpriced = MAPPER.readTree(ReportJson.toJson(Fixtures.report())).get("prompts").get(0);
    assertThat(unpriced.get("applicationCost").get("totalUsd").isNull()).isTrue();
  }

  @Test
  void should_read_back_what_it_wrote(@TempDir Path dir) throws Exception {
    Report report = Fixtures.report(HostileCorpus.OUTPUTS);
    Path file = dir.resolve("report.json");
    Files.write(file, ReportJson.toJson(report));
    Report read = ReportJson.read(file);
    assertThat(read.prompts()).isEqualTo(report.prompts());
    assertThat(read.comparisons()).isEqualTo(report.comparisons());
    assertThat(read.gates()).isEqualTo(report.gates());
    assertThat(read.run()).isEqualTo(report.run());
  }

  @Test
  void should_read_and_compare_a_report_written_before_the_per_case_fields_existed() throws Exception {
    // GIVEN today's report stripped of every field added with the per-case comparison
    ObjectNode json = (ObjectNode) MAPPER.readTree(ReportJson.toJson(Fixtures.report()));
    for (JsonNode c : json.get("comparisons")) {
      ((ObjectNode) c).remove(List.of("measure", "paired", "baselineCases", "candidateCases", "casesNotCompared",
          "fixes", "regressedCases", "fixedCases"));
      ((ObjectNode) c).put("test", "mcnemar-mid-p");
    }
    for (JsonNode p : json.get("prompts")) {
      ((ObjectNode) p).remove("failedResults");
      p.get("checks").forEach(c -> ((ObjectNode) c).remove(List.of("direction", "scale")));
      p.get("examples").forEach(e -> ((ObjectNode) e).remove("occurrences"));
    }
    // THEN it still validates (the new fields are optional) and reads
    assertThat(schema().validate(json)).isEmpty();
    Report old = ReportJson.parse(MAPPER.writeValueAsBytes(json), "old.json");
    assertThat(old.comparisons().get(0).measure()).isNull();
    assertThat(old.prompts().get(1).checks().get(0).direction()).isEqualTo("unknown");
    assertThat(old.prompts().get(1).examples()).allMatch(e -> e.occurrences() == 1);
    // AND compare recomputes the comparison on the mean per-case pass rate
    String diff = io.github.evals4j.compare.ReportDiff.of(old, Fixtures.report(), 0.2).markdown();
    assertThat(diff).contains("mean per-case pass rate before → now");
    assertThat(MarkdownReport.render(old)).contains("| json.valid | 75.0 % | 8 | 0.75 | direction unknown |  |");
  }

  @Test
  void should_name_file_when_input_is_not_a_report() {
    assertThatThrownBy(() -> ReportJson.parse("not json".getBytes(StandardCharsets.UTF_8), "x.json"))
        .hasMessageStartingWith("x.json is not JSON");
    assertThatThrownBy(() -> ReportJson.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "y.json"))
        .hasMessageContaining("y.json is not an evals4j report");
    assertThatThrownBy(() -> ReportJson.parse("{\"schemaVersion\":99}".getBytes(StandardCharsets.UTF_8), "z.json"))
        .hasMessageContaining("z.json has report schema version 99; this evals4j reads version 1");
    assertThatThrownBy(() -> ReportJson.parse("[]".getBytes(StandardCharsets.UTF_8), "w.json"))
        .hasMessageContaining("w.json is not an evals4j report");
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> ReportJson.parse(deep.getBytes(StandardCharsets.UTF_8), "deep.json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deep.json");
  }

  @Test
  void should_write_all_outputs_atomically_and_append_step_summary(@TempDir Path dir) throws Exception {
    // GIVEN an existing step summary (other steps wrote to it)
    Path summary = dir.resolve("summary.md");
    Files.writeString(summary, "previous step\n");
    Report report = Fixtures.report();
    // WHEN
    Reports.Written written = Reports.writeAll(report, dir.resolve("evals4j"), Map.of(Reports.STEP_SUMMARY, summary.toString()));
    // THEN
    assertThat(written.json()).exists();
    assertThat(written.markdown()).hasContent(MarkdownReport.render(report));
    assertThat(Files.readString(written.html())).startsWith("<!DOCTYPE html>");
    assertThat(Files.readString(summary)).startsWith("previous step\n## evals4j report");
    try (var files = Files.list(dir.resolve("evals4j"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json", "report.md", "report.html");
    }
  }

  @Test
  void should_not_touch_step_summary_when_env_is_unset(@TempDir Path dir) throws Exception {
    assertThat(Reports.writeAll(Fixtures.report(), dir, Map.of()).stepSummary()).isEmpty();
  }

  @Test
  void should_truncate_step_summary_at_a_line_when_markdown_is_too_long() {
    String line = "| row | \uD83D\uDE00 |\n";
    String md = line.repeat(Reports.MAX_STEP_SUMMARY_CHARS / line.length() + 100);
    String summary = Reports.stepSummary(md, Path.of("report.md"));
    assertThat(summary.length()).isLessThan(Reports.MAX_STEP_SUMMARY_CHARS + 200);
    assertThat(summary).startsWith(line).contains("_(truncated for the step summary; the whole report is report.md");
    assertThat(Reports.stepSummary("short\n", Path.of("report.md"))).isEqualTo("short\n");
  }

  @Test
  void should_validate_and_render_when_run_recorded_nothing() throws Exception {
    Report empty = Reports.build(Fixtures.runInfo(), List.of(), java.util.Optional.empty(),
        io.github.evals4j.gate.GateSettings.defaults());
    assertThat(schema().validate(MAPPER.readTree(ReportJson.toJson(empty)))).isEmpty();
    assertThat(MarkdownReport.render(empty)).contains("All 0 gates passed");
    assertThat(HtmlReport.render(empty)).contains("id=\"chart-pass-rate\"");
    assertThat(ConsoleTable.render(empty)).startsWith("evals4j report\nprompt");
  }
}
