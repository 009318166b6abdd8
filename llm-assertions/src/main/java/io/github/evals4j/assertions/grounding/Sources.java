package io.github.evals4j.assertions.grounding;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The documents an output must be grounded in, indexed once: build it once per source set and
 * reuse it for every output and every check. Immutable and thread-safe once built.
 *
 * <pre>{@code
 * Sources sources = Sources.builder()
 *     .text("product page", productHtml)
 *     .json("catalog entry", catalogJson)   // flattened to "key: value" lines
 *     .build();
 * assertThat(summary).isGroundedIn(sources);
 * }</pre>
 *
 * <p>Indexing is linear in the total size (three forward passes); lookups are hash probes, so
 * checking an output costs time proportional to the output, not to the sources.
 */
public final class Sources {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> names;
  private final LongSet keys;
  private final long characters;

  private Sources(List<String> names, LongSet keys, long characters) {
    this.names = List.copyOf(names);
    this.keys = keys;
    this.characters = characters;
  }

  /** Sources made of plain texts (product pages, log excerpts, HTML, Markdown…). */
  public static Sources of(String... texts) {
    Builder builder = builder();
    for (int k = 0; k < texts.length; k++) {
      builder.text("source " + (k + 1), texts[k]);
    }
    return builder.build();
  }

  /**
   * Sources made of plain texts, e.g. a dataset case's {@code sources} list.
   *
   * <pre>{@code
   * assertThat(summary).isGroundedIn(Sources.of(evalCase.sources()));
   * }</pre>
   */
  public static Sources of(java.util.Collection<String> texts) {
    Objects.requireNonNull(texts, "texts");
    return of(texts.toArray(String[]::new));
  }

  /** Sources made of one JSON document, flattened to its keys and values. */
  public static Sources ofJson(String json) {
    return builder().json("json", json).build();
  }

  /** A builder for several named documents of different types. */
  public static Builder builder() {
    return new Builder();
  }

  /** The documents' names, in the order added. */
  public List<String> names() {
    return names;
  }

  /** How many documents were indexed. */
  public int documentCount() {
    return names.size();
  }

  /** Total characters indexed (after JSON flattening). */
  public long characterCount() {
    return characters;
  }

  /** How many distinct keys the index holds (a measure of its memory: 8 to 16 bytes per key). */
  public int keyCount() {
    return keys.size();
  }

  boolean contains(String key) {
    return keys.contains(KeyHash.of(key));
  }

  /** Collects documents; not thread-safe; {@link #build()} indexes them. */
  public static final class Builder {

    private final List<String> names = new ArrayList<>();
    private final SourceIndex index = new SourceIndex();
    private long characters;
    private boolean built;

    private Builder() {}

    /** Adds a text document (plain text, Markdown, HTML, a log excerpt). */
    public Builder text(String name, String text) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, () -> "source '" + name + "' is null");
      if (built) {
        throw new IllegalStateException("build() was called: start a new builder");
      }
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      index.add(body);
      names.add(name);
      characters += body.length();
      return this;
    }

    /**
     * Adds a JSON document: every field name and every scalar value is indexed, one {@code
     * key: value} line each, so {@code {"price": {"amount": 49}}} supports "49" and "price".
     *
     * @throws IllegalArgumentException if {@code json} is not valid JSON (or nests deeper than
     *     Jackson's limit of 1000 levels)
     */
    public Builder json(String name, String json) {
      Objects.requireNonNull(json, () -> "source '" + name + "' is null");
      JsonNode root;
      try {
        root = JSON.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
      } catch (JacksonException e) {
        throw new IllegalArgumentException(
            "source '" + name + "' is not valid JSON: " + e.getOriginalMessage(), e);
      }
      return json(name, root);
    }

    /** Adds an already parsed JSON document (see {@link #json(String, String)}). */
    public Builder json(String name, JsonNode json) {
      Objects.requireNonNull(json, () -> "source '" + name + "' is null");
      return text(name, flatten(json));
    }

    /** Returns the immutable, thread-safe sources; the builder accepts nothing more. */
    public Sources build() {
      built = true;
      return new Sources(names, index.keys(), characters);
    }

    /** Iterative, so a deep document cannot overflow the stack. */
    private static String flatten(JsonNode root) {
      StringBuilder out = new StringBuilder();
      Deque<Map.Entry<String, JsonNode>> stack = new ArrayDeque<>();
      stack.push(Map.entry("", root));
      while (!stack.isEmpty()) {
        Map.Entry<String, JsonNode> entry = stack.pop();
        JsonNode node = entry.getValue();
        String key = entry.getKey();
        if (node.isObject()) {
          if (!key.isEmpty()) {
            out.append(key).append(":\n");
          }
          List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
          node.fields().forEachRemaining(fields::add);
          for (int k = fields.size() - 1; k >= 0; k--) {
            stack.push(fields.get(k));
          }
        } else if (node.isArray()) {
          List<JsonNode> items = new ArrayList<>();
          for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            items.add(it.next());
          }
          for (int k = items.size() - 1; k >= 0; k--) {
            stack.push(Map.entry(key, items.get(k)));
          }
        } else if (!node.isNull()) {
          if (!key.isEmpty()) {
            out.append(key).append(": ");
          }
          out.append(node.isNumber() ? node.decimalValue().toPlainString() : node.asText())
              .append('\n');
        }
      }
      return out.toString();
    }
  }
}
