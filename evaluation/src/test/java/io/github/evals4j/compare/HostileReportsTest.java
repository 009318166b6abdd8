package io.github.evals4j.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import io.github.evals4j.report.Reports;
import io.github.evals4j.report.RunInfo;
import io.github.evals4j.gate.GateSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Report files from elsewhere (shards, baselines, artifacts) that are malformed, inconsistent or
 * oversized: every command refuses each with exit code 2 and one line naming the file and, where
 * it applies, the JSON pointer of the bad value. Before, these crashed with a stack trace and exit
 * code 1 ("gate failed"), or ran out of memory.
 */
class HostileReportsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path good;
  private String goodText;

  @BeforeEach
  void writeGoodReport() throws Exception {
    // 20 cases, case-7 fails: 19 of 20 runs pass, every call 100 ms
    Report r = Reports.build(new RunInfo("run-1", "abc", "main", "ci", "2026-11-23T17:00:00Z",
        "2026-11-23T17:01:00Z", "2025-10-31", List.of()), ReportCliTest.run(0, 20, Set.of(7)).snapshot(),
        Optional.empty(), GateSettings.defaults());
    good = dir.resolve("good.json");
    Files.write(good, ReportJson.toJson(r));
    goodText = Files.readString(good);
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        tree("prompt null", t -> prompt(t).putNull("prompt"), "/prompts/0/prompt: missing or null (required)"),
        tree("latency missing", t -> prompt(t).remove("latency"), "/prompts/0/latency: missing or null (required)"),
        tree("sketch null", t -> ((ObjectNode) prompt(t).get("latency")).putNull("sketch"),
            "/prompts/0/latency/sketch: missing or null (required)"),
        tree("null prompt version", t -> ((ArrayNode) t.get("prompts")).insertNull(0), "/prompts/0: missing or null"),
        tree("runs as text", t -> prompt(t).put("runs", "20"),
            "/prompts/0/runs: found a string where an integer is expected"),
        tree("fractional count", t -> prompt(t).put("passedRuns", 3.5),
            "/prompts/0/passedRuns: found a fractional number where an integer is expected"),
        tree("run as number", t -> t.put("run", 5), "/run: found an integer where an object is expected"),
        tree("gate status", t -> ((ObjectNode) t.get("gates").get(0)).put("status", "MAYBE"),
            "/gates/0/status: found a string where one of PASSED, FAILED, UNKNOWN, NOT_APPLICABLE is expected"),
        tree("schema version 2", t -> t.put("schemaVersion", 2),
            "has report schema version 2; this evals4j reads version 1"),
        tree("schema version as text", t -> t.put("schemaVersion", "1"), "/schemaVersion: not an integer version"),
        tree("no schema version", t -> t.remove("schemaVersion"), "is not an evals4j report (no schemaVersion)"),
        tree("pass rate not its counts", t -> prompt(t).put("passRate", 1.0),
            "/prompts/0/passRate: 1.0 is not passedRuns/runs = 19/20 = 0.950000"),
        tree("runs not the cases' runs", t -> ((ObjectNode) prompt(t).get("caseOutcomes").get(0)).put("runs", 2),
            "/prompts/0/runs: 19 passed of 20 runs, but the case outcomes add up to 19 of 21"),
        tree("latency count not the sketch's", t -> ((ObjectNode) prompt(t).get("latency")).put("count", 999),
            "/prompts/0/latency/count: 999 but the sketch counts 20"),
        tree("sketch counters not its count", t -> sketch(t).put("count", 21),
            "/prompts/0/latency/sketch: sketch state counts add to 20, not 21"),
        tree("negative counter", t -> {
          ArrayNode counts = (ArrayNode) sketch(t).get("counts");
          counts.set(0, counts.get(0).asLong() + 1);
          counts.add(-1);
        }, "/prompts/0/latency/sketch: sketch state has a negative counter: -1"),
        tree("accuracy needing 24 billion counters", t -> sketch(t).put("relativeAccuracy", 1e-9),
            "/prompts/0/latency/sketch/relativeAccuracy: 1.0E-9 needs 24177"),
        tree("cost not its calls", t -> ((ObjectNode) prompt(t).get("applicationCost")).put("totalUsd", 99.0),
            "/prompts/0/applicationCost/totalUsd: $99.0000 but 20 of 20 calls priced"),
        tree("prompt version twice", t -> ((ArrayNode) t.get("prompts")).add(prompt(t).deepCopy()),
            "/prompts/1/prompt: summarize@v2/gpt-4o-mini appears twice"),
        text("three million sketch counters", s -> s.replaceFirst("\"counts\" : \\[[^\\]]*\\]",
            "\"counts\" : [" + "1,".repeat(3_000_000) + "1]"),
            "/prompts/0/latency/sketch/counts: more than 10000 sketch counters, the limit (raise it with --max-sketch-buckets)"),
        text("truncated", s -> s.substring(0, s.lastIndexOf('{', s.length() / 2) + 1), "is not JSON: Unexpected end-of-input"),
        text("not an object", s -> "[" + s + "]", "is not an evals4j report (not a JSON object)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void should_exit_two_with_one_line_naming_file_and_value_for_every_command(String name,
      UnaryOperator<String> hostile, String expected) throws Exception {
    // GIVEN
    Path bad = dir.resolve("shard-" + name.replace(' ', '-') + ".json");
    Files.writeString(bad, hostile.apply(goodText));
    // WHEN / THEN
    for (List<String> command : List.of(
        List.of("check", bad.toString()),
        List.of("compare", good.toString(), bad.toString()),
        List.of("merge", "--out", dir.resolve("merged").toString(), good.toString(), bad.toString()),
        List.of("approve", bad.toString(), dir.resolve("baseline.json").toString()))) {
      Result r = cli(command.toArray(String[]::new));
      assertThat(r.code).as("%s: exit code", command).isEqualTo(ReportCli.USAGE);
      assertThat(r.errLines()).as("%s: stderr", command).singleElement().asString()
          .startsWith("evals4j " + command.get(0) + ": ").contains(bad.toString()).contains(expected);
      assertThat(r.out).as("%s: stdout", command).isEmpty();
    }
    assertThat(dir.resolve("baseline.json")).doesNotExist();
    assertThat(dir.resolve("merged")).doesNotExist();
  }

  @Test
  void should_refuse_a_one_gigabyte_file_before_reading_it() throws Exception {
    // GIVEN a sparse 1 GiB file (no disk used): reading it whole would need 1 GiB of heap
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(1L << 30);
    }
    // WHEN
    Result r = cli("check", huge.toString());
    // THEN
    assertThat(r.code).isEqualTo(ReportCli.USAGE);
    assertThat(r.errLines()).containsExactly("evals4j check: " + huge
        + ": 1.0 GiB, more than the 64.0 MiB a report may have (raise the limit with --max-report-mb)");
  }

  @Test
  void should_apply_the_size_limits_given_on_the_command_line() throws Exception {
    // GIVEN a valid report padded to 1.5 MiB with a field this version does not know
    ObjectNode t = (ObjectNode) JSON.readTree(goodText);
    t.put("padding", "x".repeat(3 << 19));
    Path padded = dir.resolve("padded.json");
    JSON.writeValue(padded.toFile(), t);
    // WHEN / THEN read within the default limit, refused under a 1 MiB one
    assertThat(cli("check", padded.toString()).code).isZero(); // 95 % passes the default 90 % gate
    Result limited = cli("check", padded.toString(), "--max-report-mb", "1");
    assertThat(limited.code).isEqualTo(ReportCli.USAGE);
    assertThat(limited.errLines()).singleElement().asString()
        .isEqualTo("evals4j check: " + padded + ": 1.5 MiB, more than the 1.0 MiB a report may have"
            + " (raise the limit with --max-report-mb)");
    // a sketch of 2,418 counters fits the default limit of 10,000, not a limit of 100
    Result sketches = cli("check", good.toString(), "--max-sketch-buckets", "100");
    assertThat(sketches.code).isEqualTo(ReportCli.USAGE);
    assertThat(sketches.errLines()).singleElement().asString()
        .contains("/prompts/0/latency/sketch/relativeAccuracy: 0.01 needs 2418 counters, more than the limit of 100");
  }

  @Test
  void should_exit_two_with_usage_when_an_option_is_unknown_or_malformed() {
    assertThat(cli("check", good.toString(), "--max-report-mb", "lots").code).isEqualTo(ReportCli.USAGE);
    assertThat(cli("check", good.toString(), "--since", "yesterday").code).isEqualTo(ReportCli.USAGE);
    assertThat(cli("compare", good.toString(), good.toString(), "--frobnicate", "1").code).isEqualTo(ReportCli.USAGE);
    assertThat(cli("merge", "--out", dir.resolve("m").toString(), good.toString(), "--allow-empty").code)
        .isEqualTo(ReportCli.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("evals4j: --max-report-mb 'lots' is not a whole number >= 1")
        .contains("evals4j: --since 'yesterday' is not an instant")
        .contains("evals4j: unknown option --frobnicate for compare")
        .contains("evals4j: unknown option --allow-empty for merge");
  }

  // ---- helpers ----

  private static Arguments tree(String name, java.util.function.Consumer<ObjectNode> change, String expected) {
    UnaryOperator<String> op = s -> {
      try {
        ObjectNode t = (ObjectNode) JSON.readTree(s);
        change.accept(t);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(t);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
    return Arguments.of(name, op, expected);
  }

  private static Arguments text(String name, UnaryOperator<String> change, String expected) {
    return Arguments.of(name, change, expected);
  }

  private static ObjectNode prompt(ObjectNode t) {
    return (ObjectNode) t.get("prompts").get(0);
  }

  private static ObjectNode sketch(ObjectNode t) {
    return (ObjectNode) prompt(t).get("latency").get("sketch");
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private record Result(int code, String out, String err) {
    List<String> errLines() {
      return new ArrayList<>(err.lines().toList());
    }
  }

  private Result cli(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = ReportCli.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8), Map.of(), Map.of());
    out.writeBytes(o.toByteArray());
    err.writeBytes(e.toByteArray());
    return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }
}
