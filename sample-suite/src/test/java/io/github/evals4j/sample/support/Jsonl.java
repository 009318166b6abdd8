package io.github.evals4j.sample.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON Lines resources; every error names the resource and the line. */
final class Jsonl {

  static final ObjectMapper JSON = new ObjectMapper();

  private Jsonl() {}

  /** One parsed line and where it came from. */
  record Line(String origin, int number, JsonNode node) {
    String where() {
      return origin + ":" + number;
    }

    String text(String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual()) {
        throw new IllegalArgumentException(where() + ": field '" + field + "' must be a string");
      }
      return value.asText();
    }
  }

  static List<Line> readResource(String resource) {
    try (InputStream in = Jsonl.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("resource " + resource + " not found on the test classpath");
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static List<Line> parse(String origin, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Line> lines = new ArrayList<>();
    String[] raw = text.split("\\R", -1);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(raw[i]);
        if (!node.isObject()) {
          throw new IllegalArgumentException(origin + ":" + (i + 1) + ": each line must be a JSON object");
        }
        lines.add(new Line(origin, i + 1, node));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            origin + ":" + (i + 1) + ": not valid JSON: " + e.getOriginalMessage(), e);
      }
    }
    return lines;
  }
}
