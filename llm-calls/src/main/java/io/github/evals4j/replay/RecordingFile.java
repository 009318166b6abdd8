package io.github.evals4j.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One recording on disk: a small pretty-printed JSON file, so a re-recorded answer reads as a
 * diff in a pull request. A JSON response body is stored as JSON (and replayed compact, which
 * keeps its meaning, not its whitespace); any other body as a string.
 */
final class RecordingFile {

  static final int FORMAT = 1;

  /** Keeps number spelling ({@code 1.50}, big integers) of response bodies exactly. */
  private static final JsonMapper BODIES = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private static final JsonMapper PRETTY = BODIES.rebuild()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  /** UTF-8 cannot carry a lone surrogate: such files escape every non-ASCII character instead. */
  private static final JsonMapper PRETTY_ASCII = PRETTY.rebuild()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .build();

  /** A recording as read back. */
  record Stored(Path file, String provider, String model, String callId, int repeat,
      String requestHash, Instant recordedAt, Duration latency, JsonNode request, String body) {

    String logicalId() {
      return callId == null ? null : callId + "#" + repeat;
    }
  }

  private RecordingFile() {}

  /** The recording at {@code file}, or {@code null} when there is none. */
  static Stored readIfExists(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new ReplayException("cannot read recording " + file + ": " + e, e);
    }
    return parse(file, bytes);
  }

  static Stored parse(Path file, byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1); // an editor's byte order mark, not part of the recording
      }
      JsonNode root = BODIES.readTree(text);
      if (root == null || !root.isObject()) {
        throw new ReplayException("recording " + file + " is not a JSON object");
      }
      JsonNode response = required(file, root, "response");
      String body = response.isTextual() && !"json".equals(root.path("responseFormat").asText())
          ? response.textValue()
          : BODIES.writeValueAsString(response);
      JsonNode callId = root.path("callId");
      return new Stored(file,
          required(file, root, "provider").asText(),
          required(file, root, "model").asText(),
          callId.isTextual() ? callId.textValue() : null,
          required(file, root, "repeat").asInt(),
          required(file, root, "requestSha256").asText(),
          Instant.parse(required(file, root, "recordedAt").asText()),
          Duration.ofMillis(Math.max(0, root.path("latencyMs").asLong(0))),
          root.path("request"),
          body);
    } catch (CharacterCodingException e) {
      throw new ReplayException("recording " + file + " is not UTF-8 text; re-record it", e);
    } catch (JsonProcessingException e) {
      throw new ReplayException("recording " + file + " is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")") + "; fix the merge or re-record it", e);
    } catch (DateTimeParseException e) {
      throw new ReplayException("recording " + file + " has an unreadable recordedAt: " + e.getMessage(), e);
    }
  }

  /** Writes the recording atomically: readers and other writers see the old file or the new one. */
  static void write(Path file, ReplayKey key, String body, Instant recordedAt, Duration latency) {
    ObjectNode root = BODIES.createObjectNode();
    root.put("format", FORMAT);
    root.put("provider", key.provider());
    root.put("model", key.model());
    key.callId().ifPresent(id -> root.put("callId", id));
    root.put("repeat", key.repeat());
    root.put("requestSha256", key.requestHash());
    root.put("recordedAt", recordedAt.toString());
    root.put("latencyMs", latency.toMillis());
    root.set("request", key.requestTree());
    JsonNode json = asJson(body);
    root.put("responseFormat", json == null ? "text" : "json");
    if (json == null) {
      root.put("response", body);
    } else {
      root.set("response", json);
    }
    byte[] bytes = serialize(root);
    Path dir = file.getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new ReplayException("cannot write recording " + file + ": " + e, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the write already failed and says so; a leftover .tmp file is harmless
        }
      }
    }
  }

  private static byte[] serialize(ObjectNode root) {
    try {
      String text = PRETTY.writeValueAsString(root) + "\n";
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      // getBytes turns a lone surrogate into '?': decoding back tells whether anything was lost
      if (new String(bytes, StandardCharsets.UTF_8).equals(text)) {
        return bytes;
      }
      return (PRETTY_ASCII.writeValueAsString(root) + "\n").getBytes(StandardCharsets.US_ASCII);
    } catch (JsonProcessingException e) {
      throw new ReplayException("cannot serialize recording: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode asJson(String body) {
    try {
      JsonNode tree = BODIES.readTree(body);
      return tree == null || tree.isMissingNode() || tree.isValueNode() ? null : tree;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static JsonNode required(Path file, JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      throw new ReplayException("recording " + file + " has no '" + field + "'; re-record it");
    }
    return value;
  }
}
