package io.github.evals4j.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * One text per JSON value, whatever its field order or number spelling, so that equal requests
 * hash equal: compact, object keys sorted, numbers normalised ({@code 1.0}, {@code 1} and {@code
 * 1.00} are one number), every non-ASCII character escaped (lone surrogates included, which UTF-8
 * could not carry).
 */
final class CanonicalJson {

  /** Deeper requests are refused: Jackson writes at most 1000 levels, and a recording wraps the request. */
  static final int MAX_DEPTH = 500;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .build();

  private CanonicalJson() {}

  static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(node, g, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Lower-case hex SHA-256 of the canonical text. */
  static String sha256(JsonNode node) {
    return sha256Hex(write(node));
  }

  static String sha256Hex(String ascii) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(ascii.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void write(JsonNode node, JsonGenerator g, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("request nested deeper than " + MAX_DEPTH + " levels");
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      g.writeNull();
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>(node.size());
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.sort(null);
      g.writeStartObject();
      for (String name : names) {
        g.writeFieldName(name);
        write(node.get(name), g, depth + 1);
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode element : node) {
        write(element, g, depth + 1);
      }
      g.writeEndArray();
    } else if (node.isNumber()) {
      g.writeNumber(number(node));
    } else if (node.isBoolean()) {
      g.writeBoolean(node.booleanValue());
    } else if (node.isTextual()) {
      g.writeString(node.textValue());
    } else {
      // binary or POJO nodes only come from trees built in code; their text form is stable
      g.writeString(node.asText());
    }
  }

  private static String number(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isDouble() || node.isFloat()) {
      double d = node.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return Double.toString(d);
      }
    }
    BigDecimal value = node.decimalValue().stripTrailingZeros();
    if (value.signum() == 0) {
      return "0";
    }
    // integral values print as integers unless absurdly large (1e999999 stays short)
    if (value.scale() <= 0 && value.precision() - value.scale() <= 40) {
      return value.toBigIntegerExact().toString();
    }
    return value.toString();
  }
}
