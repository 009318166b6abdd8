package io.github.evals4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code report.json}: the {@link Report} as JSON (schema {@value Report#SCHEMA_RESOURCE}) and
 * back. Unknown numbers ({@code OptionalDouble} empty) are written as {@code null}.
 */
public final class ReportJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new Jdk8Module())
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ReportJson() {}

  /** The report as pretty-printed UTF-8 JSON. */
  public static byte[] toJson(Report report) {
    try {
      return MAPPER.writeValueAsBytes(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write report as JSON", e);
    }
  }

  /** The report as a JSON tree (for schema validation and tests). */
  public static JsonNode toTree(Report report) {
    return MAPPER.valueToTree(report);
  }

  /**
   * Reads a {@code report.json}.
   *
   * @throws IllegalArgumentException naming the file when it is not a report of a supported schema
   *     version
   */
  public static Report read(Path file) {
    try {
      return parse(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report " + file, e);
    }
  }

  /** Parses a {@code report.json}'s bytes; {@code name} names it in errors. */
  public static Report parse(byte[] json, String name) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(name + " is not JSON: " + e.getMessage(), e);
    }
    if (tree == null || !tree.isObject() || !tree.path("schemaVersion").isInt()) {
      throw new IllegalArgumentException(name + " is not an evals4j report (no schemaVersion)");
    }
    int version = tree.get("schemaVersion").asInt();
    if (version != Report.SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          name + " has report schema version " + version + "; this evals4j reads version " + Report.SCHEMA_VERSION);
    }
    try {
      return MAPPER.treeToValue(tree, Report.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not a valid evals4j report: " + e.getMessage(), e);
    }
  }

  /** The JSON Schema of {@code report.json}, as shipped in the jar. */
  public static String schema() {
    try (InputStream in = ReportJson.class.getResourceAsStream(Report.SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(Report.SCHEMA_RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
