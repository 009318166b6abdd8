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
    String md = line.repeat(Reports.MAX_STEP_SUMMARY_BYTES / line.length() + 100);
    String summary = Reports.stepSummary(md, Path.of("report.md"), Reports.MAX_STEP_SUMMARY_BYTES);
    assertThat(summary.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Reports.MAX_STEP_SUMMARY_BYTES);
    assertThat(summary).startsWith(line).contains("_(truncated for the step summary; the whole report is report.md");
    assertThat(summary.substring(0, summary.indexOf("\n\n_(truncated"))).endsWith(line);
    assertThat(Reports.stepSummary("short\n", Path.of("report.md"), 100)).isEqualTo("short\n");
  }

  @Test
  void should_cap_the_step_summary_in_utf8_bytes_when_the_report_is_cjk() {
    // GIVEN 450,000 chars of CJK Markdown: below the 512 Ki chars the old cap counted, but 1.16 MiB
    // of UTF-8, more than GitHub takes
    String line = "| " + "\u4E2D\u6587\u8868\u683C\u8FD4\u91D1\u5728\u4E09\u5341\u5929".repeat(3) + " |\n";
    String md = line.repeat(450_000 / line.length());
    assertThat(md.length()).isLessThan(512 * 1024);
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1024 * 1024);

    // WHEN
    String summary = Reports.stepSummary(md, Path.of("report.md"), Reports.MAX_STEP_SUMMARY_BYTES);

    // THEN below GitHub's 1 MiB with room to spare, cut after a whole line, and said so
    assertThat(summary.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Reports.MAX_STEP_SUMMARY_BYTES)
        .isGreaterThan(Reports.MAX_STEP_SUMMARY_BYTES - 200);
    String kept = summary.substring(0, summary.indexOf("\n\n_(truncated"));
    assertThat(kept).startsWith(line).endsWith(line);
    assertThat(summary).endsWith("in the report directory)_\n");
  }

  @Test
  void should_close_the_html_blocks_a_cut_leaves_open() {
    // GIVEN a cut inside a <details> section, inside a multi-line <pre> block
    String md = "## r\n\n<details><summary>v1</summary>\n\n- case a:\n  <pre>" + "line\n".repeat(500)
        + "</pre>\n\n</details>\n";

    // WHEN
    String summary = Reports.stepSummary(md, Path.of("report.md"), 1000);

    // THEN the note stands outside both
    assertThat(summary.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
    assertThat(summary).endsWith("line\n</pre>\n\n</details>\n\n\n_(truncated for the step summary; the whole report"
        + " is report.md in the report directory)_\n");
  }

  @Test
  void should_leave_github_room_for_what_the_step_summary_already_holds(@TempDir Path dir) throws Exception {
    // GIVEN a step summary 1,000 bytes short of GitHub's 1 MiB
    Path summary = dir.resolve("summary.md");
    Files.write(summary, ("x".repeat(99) + "\n").repeat(1024 * 1024 / 100 - 10).getBytes(StandardCharsets.UTF_8));
    long before = Files.size(summary);

    // WHEN
    Reports.writeAll(Fixtures.report(), dir.resolve("evals4j"), Map.of(Reports.STEP_SUMMARY, summary.toString()));

    // THEN what was appended fits, and says it was cut
    assertThat(Files.size(summary)).isGreaterThan(before).isLessThanOrEqualTo(1024 * 1024);
    assertThat(Files.readString(summary)).contains("## evals4j report").endsWith("in the report directory)_\n\n");
  }

  /** Outputs, a case id and messages quoting secrets, as an LLM that read a config file writes them. */
  static final List<String> SECRET_OUTPUTS = List.of("leaky", "v9", "answer.correct", "gpt-4o",
      "case DB_PASSWORD=CorrectHorse42", "gpt-4o",
      "Use OPENAI_API_KEY=sk-proj-AbC123dEf456GhI789jKl0mNo1pQr2 in your code",
      "connect to postgres://app:Hunter2Secret@db.internal/orders",
      "send Authorization: Bearer abcDEF1234567890xyz and mail ann.lee@example.com");
  static final List<String> SECRETS = List.of("CorrectHorse42", "sk-proj-AbC123dEf456GhI789jKl0mNo1pQr2",
      "Hunter2Secret", "abcDEF1234567890xyz", "ann.lee@example.com");

  @Test
  void should_publish_no_secret_in_the_step_summary_while_local_files_keep_the_text(@TempDir Path dir)
      throws Exception {
    // GIVEN failing outputs and a case id that quote secrets
    Report report = Fixtures.report(SECRET_OUTPUTS);
    Path summary = dir.resolve("summary.md");

    // WHEN
    Reports.writeAll(report, dir.resolve("evals4j"), Map.of(Reports.STEP_SUMMARY, summary.toString()));

    // THEN the step summary (published by GitHub) holds none of them...
    String published = Files.readString(summary);
    for (String secret : SECRETS) {
      assertThat(published).doesNotContain(secret);
    }
    assertThat(published).contains("case DB\\_PASSWORD=\\[redacted\\]", "OPENAI\\_API\\_KEY=\\[redacted\\]",
        "postgres:&#8203;//app:\\[redacted\\]@", "Bearer \\[token\\]");
    // ...while the local files keep what the run saw (README: "What the local files contain")
    assertThat(Files.readString(dir.resolve("evals4j/report.md"))).contains("CorrectHorse42");
    assertThat(Files.readString(dir.resolve("evals4j/report.json"))).contains("sk-proj-AbC123dEf456GhI789jKl0mNo1pQr2");
  }

  @Test
  void should_scrub_every_text_of_the_published_report_and_keep_its_numbers() throws Exception {
    // GIVEN
    Report report = Fixtures.report(SECRET_OUTPUTS);

    // WHEN
    Report published = Reports.published(report);

    // THEN no output of it holds a secret
    String json = new String(ReportJson.toJson(published), StandardCharsets.UTF_8);
    for (String out : List.of(json, MarkdownReport.render(published), HtmlReport.render(published),
        ConsoleTable.render(published))) {
      for (String secret : SECRETS) {
        assertThat(out).doesNotContain(secret);
      }
    }
    assertThat(json).contains("case DB_PASSWORD=[redacted]");
    assertThat(schema().validate(MAPPER.readTree(json))).isEmpty();
    // and only text changed
    assertThat(published.prompts()).extracting(p -> p.passRate())
        .containsExactlyElementsOf(report.prompts().stream().map(p -> p.passRate()).toList());
    assertThat(published.gates()).extracting(g -> g.status())
        .containsExactlyElementsOf(report.gates().stream().map(g -> g.status()).toList());
    assertThat(Reports.published(Fixtures.report())).isEqualTo(Fixtures.report());
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
