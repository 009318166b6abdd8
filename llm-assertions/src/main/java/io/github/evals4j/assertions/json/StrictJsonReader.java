package io.github.evals4j.assertions.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * RFC 8259 strict reading on top of Jackson's streaming parser. Jackson's defaults already reject
 * comments, single quotes, {@code NaN}, leading zeros, trailing commas and unescaped control
 * characters; this adds what Jackson lets through: lone surrogates (escaped or raw), content after
 * the value, and duplicate keys (when not allowed). The token loop is iterative and bounded by {@code StreamReadConstraints}, so no
 * document can exhaust the stack. Thread-safe.
 */
final class StrictJsonReader {

  private final JsonOptions options;
  private final JsonFactory factory;
  private final ObjectMapper mapper;

  StrictJsonReader(JsonOptions options) {
    this.options = options;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder().maxNestingDepth(options.maxNestingDepth()).build();
    JsonFactory strict = JsonFactory.builder()
        .streamReadConstraints(constraints)
        // Duplicate keys are found by KeyTracker, which knows the key's exact position; in CPU
        // time it plus the raw surrogate scan match Jackson's STRICT_DUPLICATE_DETECTION plus
        // string decoding on 1 KB documents and are ~10% faster on 1 MB.
        .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // Every lenient reading feature stays off; named here so that a changed default shows.
        .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
        .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
        .build();
    this.factory = strict;
    // Trees are only read after the strict pass succeeded, so duplicate detection is not repeated.
    this.mapper = new ObjectMapper(JsonFactory.builder().streamReadConstraints(constraints).build());
  }

  JsonOptions options() {
    return options;
  }

  /**
   * Reads one JSON value from {@code text[from, to)}. With {@code allowTrailing} the value may be
   * followed by anything (used to find JSON inside prose); without it only whitespace may follow.
   */
  ParsedJson read(String text, int from, int to, boolean allowTrailing) {
    int first = JsonText.skipWhitespace(text, from, to);
    if (first == to) {
      String what = from == to ? "empty" : "only whitespace (" + (to - from) + " chars)";
      return ParsedJson.failed(JsonSyntaxError.at(to, to, "empty",
          "no JSON value: the text is " + what));
    }
    String source = from == 0 && to == text.length() ? text : text.substring(from, to);
    JsonParser parser = null;
    try {
      parser = factory.createParser(source);
      JsonToken root = parser.nextToken();
      int valueStart = from + (int) offsetOf(parser.currentTokenLocation());
      KeyTracker keys = options.allowDuplicateKeys() ? null : new KeyTracker();
      int depth = 0;
      int maxDepth = 0;
      JsonToken token = root;
      // Strings are not decoded here (Jackson skips them cheaply); surrogates are checked on the
      // raw text afterwards, which is faster and points at the exact escape.
      while (true) {
        if (token == JsonToken.FIELD_NAME) {
          if (keys != null && !keys.add(depth, parser.currentName())) {
            int keyStart = from + (int) offsetOf(parser.currentTokenLocation());
            return ParsedJson.failed(JsonErrors.duplicateKey(text, keyStart,
                parser.currentName()));
          }
        } else if (token.isStructStart()) {
          if (++depth > maxDepth) {
            maxDepth = depth;
          }
          if (keys != null && token == JsonToken.START_OBJECT) {
            keys.open(depth);
          }
        } else if (token.isStructEnd()) {
          if (keys != null && token == JsonToken.END_OBJECT) {
            keys.close(depth);
          }
          depth--;
        }
        if (depth == 0) {
          break;
        }
        token = parser.nextToken();
      }
      if (root == JsonToken.VALUE_STRING) {
        parser.finishToken();
      }
      int valueEnd = from + (int) offsetOf(parser.currentLocation());
      JsonSyntaxError lone = Surrogates.check(text, valueStart, valueEnd);
      if (lone != null) {
        return ParsedJson.failed(lone);
      }
      if (!allowTrailing) {
        int extra = JsonText.skipWhitespace(text, valueEnd, to);
        if (extra < to) {
          return ParsedJson.failed(JsonSyntaxError.at(extra, Math.min(to, extra + 1), "trailing",
              "unexpected content after the JSON value (which ended at offset " + valueEnd
                  + "): only whitespace may follow it"));
        }
      }
      return new ParsedJson(valueStart, valueEnd, root, maxDepth, null);
    } catch (StreamConstraintsException e) {
      int at = from + (parser == null ? 0 : (int) offsetOf(parser.currentLocation()));
      return ParsedJson.failed(JsonErrors.constraint(text, Math.min(at, to), e, options));
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      long offset = location == null ? -1 : location.getCharOffset();
      if (offset < 0 && parser != null) {
        offset = offsetOf(parser.currentLocation());
      }
      int at = from + (int) Math.max(0, Math.min(offset, to - from));
      return ParsedJson.failed(JsonErrors.syntax(text, from, at, to, e));
    } catch (IOException | RuntimeException e) {
      // A String source cannot fail to read, and Jackson reports bad input as exceptions above;
      // anything else (e.g. its hash-flooding guard) still becomes a result, not a throw.
      int at = from + (parser == null ? 0 : (int) offsetOf(parser.currentLocation()));
      return ParsedJson.failed(JsonSyntaxError.at(Math.min(at, to), Math.min(at, to), "parser",
          "the JSON parser stopped: " + e));
    } finally {
      closeQuietly(parser);
    }
  }

  /** Reads the tree of a value {@link #read} already accepted. */
  JsonNode tree(String text, int valueStart, int valueEnd) throws IOException {
    return mapper.readTree(text.substring(valueStart, valueEnd));
  }

  ObjectMapper mapper() {
    return mapper;
  }

  JsonFactory factory() {
    return factory;
  }

  static long offsetOf(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getCharOffset());
  }

  private static void closeQuietly(JsonParser parser) {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // a String source holds no resource
      }
    }
  }
}
