package io.github.evals4j.cost;

import io.github.evals4j.llm.LlmCall;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Model prices, to turn an {@link LlmCall}'s token usage into USD.
 *
 * <p>{@link #bundled()} holds the list prices of current OpenAI, Anthropic, Google and Mistral
 * models as of {@link #asOf()} (see {@link #sources()}); they change, so users override them with
 * properties ({@code evals4j.price.<model>.input}, {@code .output}, {@code .cached-input}) or a file
 * in the same CSV format as the bundled one ({@code evals4j.price-file}). A model is found by its
 * exact name (case-insensitive, a {@code provider/} prefix ignored), then by its name without a
 * dated-snapshot suffix, but only in the dating style of the base model's provider ({@code
 * gpt-4o-mini-2024-07-18} → {@code gpt-4o-mini} (openai), {@code claude-sonnet-4-20250514} →
 * {@code claude-sonnet-4} (anthropic), {@code mistral-large-2411} → {@code mistral-large}
 * (mistral), {@code gemini-2.0-flash-001} → {@code gemini-2.0-flash} (google), {@code -latest} for
 * any): an old snapshot such as {@code gpt-3.5-turbo-0301} has its own price, so it is unknown
 * unless the table lists it. A model it does not know has an <em>unknown</em> cost (an empty
 * optional), never 0.
 *
 * <p>Anthropic's prompt-cache writes are priced at the row's {@code cache_write} (5-minute, 1.25 ×
 * input) and {@code cache_write_1h} (2 × input) prices, reads at {@code cached_input}.
 *
 * <pre>{@code
 * PriceTable prices = PriceTable.bundled().withOverrides(Map.of("evals4j.price.my-model.input", "0.2",
 *     "evals4j.price.my-model.output", "0.8"));
 * OptionalDouble usd = prices.costUsd(call);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PriceTable {

  /**
   * Property prefix of a price override: {@code
   * evals4j.price.<model>.input|output|cached-input|cache-write|cache-write-1h|provider}.
   */
  public static final String PRICE_PREFIX = "evals4j.price.";

  /** Property naming a CSV file of prices that override the bundled ones. */
  public static final String PRICE_FILE = "evals4j.price-file";

  private static final String BUNDLED = "/io/github/evals4j/cost/prices.csv";

  /**
   * Dated-snapshot suffixes and the provider whose models are named that way: a snapshot maps to
   * its base model only when the base model's row has that provider, so {@code
   * gpt-3.5-turbo-0301} (an OpenAI name with a Mistral-style suffix, an old snapshot with its own
   * price) is unknown rather than priced as {@code gpt-3.5-turbo}.
   */
  private record SnapshotRule(Pattern suffix, String provider) {}

  private static final List<SnapshotRule> SNAPSHOT_SUFFIXES =
      List.of(
          new SnapshotRule(Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$"), "openai"), // gpt-4o-mini-2024-07-18
          new SnapshotRule(Pattern.compile("[-@]\\d{8}$"), "anthropic"), // claude-sonnet-4-20250514, Vertex @20241022
          new SnapshotRule(Pattern.compile("-\\d{4}$"), "mistral"), // mistral-large-2411
          new SnapshotRule(Pattern.compile("-\\d{3}$"), "google"), // gemini-2.0-flash-001
          new SnapshotRule(Pattern.compile("-latest$"), null)); // any provider

  private final Map<String, ModelPrice> prices;
  private final Optional<LocalDate> asOf;
  private final List<String> sources;

  private PriceTable(Map<String, ModelPrice> prices, Optional<LocalDate> asOf, List<String> sources) {
    this.prices = Collections.unmodifiableMap(prices);
    this.asOf = asOf;
    this.sources = List.copyOf(sources);
  }

  /** The bundled list prices. */
  public static PriceTable bundled() {
    return Holder.BUNDLED_TABLE;
  }

  /** A table with no price at all: every cost is unknown. */
  public static PriceTable empty() {
    return new PriceTable(new LinkedHashMap<>(), Optional.empty(), List.of());
  }

  /**
   * Parses a price CSV: {@code model,provider,input,cached_input,output[,cache_write[,cache_write_1h]]}
   * lines (USD per million tokens; {@code cached_input} and the cache-write prices may be empty), an optional header line starting with {@code model,},
   * {@code #} comments, {@code # as-of: YYYY-MM-DD} and {@code # source: URL} lines.
   *
   * @param name the file's name, used in error messages
   * @throws IllegalArgumentException naming the file and line of a malformed line
   */
  public static PriceTable parse(Reader reader, String name) {
    Map<String, ModelPrice> prices = new LinkedHashMap<>();
    Optional<LocalDate> asOf = Optional.empty();
    List<String> sources = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(reader)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        String text = line.strip();
        if (number == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        if (text.startsWith("#")) {
          String comment = text.substring(1).strip();
          if (comment.startsWith("as-of:")) {
            asOf = Optional.of(parseDate(comment.substring(6).strip(), name, number));
          } else if (comment.startsWith("source:")) {
            sources.add(comment.substring(7).strip());
          }
          continue;
        }
        if (text.isEmpty() || text.toLowerCase(Locale.ROOT).startsWith("model,")) {
          continue;
        }
        ModelPrice price = parseLine(text, name, number);
        prices.put(price.model(), price);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read price table " + name, e);
    }
    return new PriceTable(prices, asOf, sources);
  }

  /** This table with the prices of the CSV {@code file} added or replacing its own. */
  public PriceTable withFile(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      PriceTable other = parse(reader, file.toString());
      Map<String, ModelPrice> merged = new LinkedHashMap<>(prices);
      merged.putAll(other.prices);
      List<String> mergedSources = new ArrayList<>(sources);
      mergedSources.add(file.getFileName().toString());
      return new PriceTable(merged, asOf, mergedSources);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read price file " + file, e);
    }
  }

  /**
   * This table with the overrides found in {@code properties}: {@value #PRICE_FILE} (applied
   * first), then {@code evals4j.price.<model>.input}, {@code .output} and {@code .cached-input}.
   * A model not in the table needs both input and output.
   *
   * @throws IllegalArgumentException naming the key of a malformed or incomplete override
   */
  public PriceTable withOverrides(Map<String, String> properties) {
    PriceTable base = this;
    String file = properties.get(PRICE_FILE);
    if (file != null && !file.isBlank()) {
      base = withFile(Path.of(file.strip()));
    }
    Map<String, Map<String, String>> byModel = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : properties.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith(PRICE_PREFIX)) {
        continue;
      }
      int dot = key.lastIndexOf('.');
      String model = normalise(key.substring(PRICE_PREFIX.length(), Math.max(PRICE_PREFIX.length(), dot)));
      String field = key.substring(dot + 1);
      if (model.isEmpty() || !List.of("input", "output", "cached-input", "cache-write", "cache-write-1h", "provider").contains(field)) {
        throw new IllegalArgumentException(
            "bad price key '" + key + "': expected " + PRICE_PREFIX
                + "<model>.input|output|cached-input|cache-write|cache-write-1h|provider");
      }
      byModel.computeIfAbsent(model, m -> new LinkedHashMap<>()).put(field, e.getValue().strip());
    }
    Map<String, ModelPrice> merged = new LinkedHashMap<>(base.prices);
    for (Map.Entry<String, Map<String, String>> e : byModel.entrySet()) {
      String model = e.getKey();
      Map<String, String> f = e.getValue();
      ModelPrice old = merged.get(model);
      if (old == null && (!f.containsKey("input") || !f.containsKey("output"))) {
        throw new IllegalArgumentException(
            "price override for unknown model '" + model + "' needs both " + PRICE_PREFIX + model
                + ".input and " + PRICE_PREFIX + model + ".output");
      }
      String keyBase = PRICE_PREFIX + model + ".";
      double input = f.containsKey("input") ? number(f.get("input"), keyBase + "input") : old.inputPerMillion();
      double output = f.containsKey("output") ? number(f.get("output"), keyBase + "output") : old.outputPerMillion();
      OptionalDouble cached =
          f.containsKey("cached-input")
              ? OptionalDouble.of(number(f.get("cached-input"), keyBase + "cached-input"))
              : old == null ? OptionalDouble.empty() : old.cachedInputPerMillion();
      String provider = f.getOrDefault("provider", old == null ? "custom" : old.provider());
      OptionalDouble write = f.containsKey("cache-write")
          ? OptionalDouble.of(number(f.get("cache-write"), keyBase + "cache-write"))
          : old == null ? OptionalDouble.empty() : old.cacheWritePerMillion();
      OptionalDouble write1h = f.containsKey("cache-write-1h")
          ? OptionalDouble.of(number(f.get("cache-write-1h"), keyBase + "cache-write-1h"))
          : old == null ? OptionalDouble.empty() : old.cacheWrite1hPerMillion();
      merged.put(model, new ModelPrice(model, provider, input, cached, output, write, write1h));
    }
    List<String> mergedSources = new ArrayList<>(base.sources);
    if (!byModel.isEmpty()) {
      mergedSources.add("evals4j.price.* properties");
    }
    return new PriceTable(merged, base.asOf, mergedSources);
  }

  /** The price of {@code model}: by exact name, then without its dated-snapshot suffix. */
  public Optional<ModelPrice> lookup(String model) {
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    String name = normalise(model);
    for (int i = 0; i < 3; i++) {
      ModelPrice price = prices.get(name);
      if (price != null) {
        return Optional.of(price);
      }
      SnapshotRule rule = null;
      String stripped = name;
      for (SnapshotRule r : SNAPSHOT_SUFFIXES) {
        stripped = r.suffix().matcher(name).replaceFirst("");
        if (!stripped.equals(name)) {
          rule = r;
          break;
        }
      }
      if (rule == null || stripped.isEmpty()) {
        return Optional.empty();
      }
      ModelPrice base = prices.get(stripped);
      if (base != null) {
        return rule.provider() == null || rule.provider().equals(base.provider())
            ? Optional.of(base) : Optional.empty();
      }
      name = stripped;
    }
    return Optional.empty();
  }

  /**
   * The cost in USD of {@code call}, priced by its response model (else its request model); empty
   * when the model is unknown or the input or output token count is unknown.
   */
  public OptionalDouble costUsd(LlmCall call) {
    Objects.requireNonNull(call, "call");
    if (call.inputTokens() < 0 || call.outputTokens() < 0) {
      return OptionalDouble.empty();
    }
    Optional<ModelPrice> price = lookup(call.responseModel());
    if (price.isEmpty()) {
      price = lookup(call.requestModel());
    }
    return price
        .map(p -> OptionalDouble.of(p.costUsd(call.inputTokens(), call.cachedInputTokens(),
            call.cacheWriteInputTokens(), call.cacheWrite1hInputTokens(), call.outputTokens())))
        .orElse(OptionalDouble.empty());
  }

  /** The date of the bundled list prices, if the table says. */
  public Optional<LocalDate> asOf() {
    return asOf;
  }

  /** Where the prices come from (URLs of the providers' pricing pages, override files). */
  public List<String> sources() {
    return sources;
  }

  /** Every model of the table, by name. */
  public Map<String, ModelPrice> prices() {
    return prices;
  }

  private static String normalise(String model) {
    String name = model.strip().toLowerCase(Locale.ROOT);
    int slash = name.lastIndexOf('/');
    return slash >= 0 ? name.substring(slash + 1) : name;
  }

  private static ModelPrice parseLine(String text, String name, int number) {
    String[] cells = text.split(",", -1);
    if (cells.length < 5 || cells.length > 7) {
      throw new IllegalArgumentException(
          name + " line " + number + ": expected 5 cells (model,provider,input,cached_input,output)"
              + " and optionally cache_write and cache_write_1h, got " + cells.length + ": " + text);
    }
    String where = name + " line " + number;
    String model = normalise(cells[0]);
    if (model.isEmpty()) {
      throw new IllegalArgumentException(where + ": empty model name");
    }
    return new ModelPrice(
        model,
        cells[1].strip(),
        number(cells[2], where + " input"),
        optional(cells, 3, where + " cached_input"),
        number(cells[4], where + " output"),
        optional(cells, 5, where + " cache_write"),
        optional(cells, 6, where + " cache_write_1h"));
  }

  private static OptionalDouble optional(String[] cells, int index, String where) {
    String value = index < cells.length ? cells[index].strip() : "";
    return value.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(number(value, where));
  }

  private static double number(String value, String where) {
    try {
      double d = Double.parseDouble(value.strip());
      if (!(d >= 0) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + ": expected a price >= 0 in USD per million tokens, got '" + value + "'");
    }
  }

  private static LocalDate parseDate(String value, String name, int number) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " line " + number + ": bad as-of date '" + value + "'");
    }
  }

  private static final class Holder {
    static final PriceTable BUNDLED_TABLE = load();

    private static PriceTable load() {
      InputStream in = PriceTable.class.getResourceAsStream(BUNDLED);
      if (in == null) {
        throw new IllegalStateException("bundled price table " + BUNDLED + " is missing from the jar");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
    }
  }
}
