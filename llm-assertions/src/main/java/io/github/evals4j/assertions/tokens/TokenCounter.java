package io.github.evals4j.assertions.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import io.github.evals4j.check.Check;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Counts tokens with a real BPE tokenizer (jtokkit, the Java port of OpenAI's tiktoken).
 *
 * <p>Pick the counter by model name ({@code gpt-4o-mini} → {@code o200k_base}, {@code gpt-4} →
 * {@code cl100k_base}, by longest known prefix), or by encoding. A model whose tokenizer is not
 * public (Claude, Gemini, Llama, …) is an {@link UnknownModelException} rather than a silently
 * wrong number; opt into an estimate with {@link #approximate(String)}, whose counts say they are
 * approximate. Encodings are loaded once per JVM (a few hundred milliseconds each) and shared;
 * counters are immutable and thread-safe.
 *
 * <pre>{@code
 * TokenCount n = TokenCounter.forModel("gpt-4o-mini").count(output);   // exact, o200k_base
 * TokenCount m = TokenCounter.approximate("claude-sonnet-4").count(output); // n.approximate()
 * Check fits = TokenCounter.forModel("gpt-4o").atMost(100);
 * }</pre>
 */
public final class TokenCounter {

  /** The encoding used by {@link #approximate(String)}: the newest public one. */
  public static final EncodingType APPROXIMATION_ENCODING = EncodingType.O200K_BASE;

  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
  private static final Map<EncodingType, Encoding> CACHE = new ConcurrentHashMap<>();

  private final EncodingType encodingType;
  private final String model;
  private final boolean approximate;

  private TokenCounter(EncodingType encodingType, String model, boolean approximate) {
    this.encodingType = encodingType;
    this.model = model;
    this.approximate = approximate;
  }

  /**
   * The exact counter for an OpenAI model, chosen by the longest known prefix of its name
   * ({@code gpt-4o*}, {@code gpt-4.1*}, {@code gpt-5*}, {@code o1*}, {@code o3*}, {@code o4*} →
   * o200k_base; {@code gpt-4*}, {@code gpt-3.5*}, embeddings → cl100k_base; older ones → p50k/r50k).
   * A provider prefix such as {@code openai/} is ignored.
   *
   * @throws UnknownModelException if no known prefix matches (the message lists them)
   */
  public static TokenCounter forModel(String model) {
    Objects.requireNonNull(model, "model");
    EncodingType type = ModelEncodings.forModel(model)
        .orElseThrow(() -> new UnknownModelException(model, knownModelPrefixes()));
    return new TokenCounter(type, model, false);
  }

  /** The counter for an encoding. */
  public static TokenCounter forEncoding(EncodingType encoding) {
    return new TokenCounter(Objects.requireNonNull(encoding, "encoding"), null, false);
  }

  /**
   * The counter for an encoding by its tiktoken name, e.g. {@code cl100k_base}, {@code o200k_base}.
   *
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
   */
  public static TokenCounter forEncoding(String name) {
    Objects.requireNonNull(name, "name");
    EncodingType type = EncodingType.fromName(name.trim()).orElseThrow(() ->
        new IllegalArgumentException("unknown encoding \"" + name + "\"; known: "
            + Arrays.stream(EncodingType.values()).map(EncodingType::getName)
                .collect(Collectors.joining(", "))));
    return new TokenCounter(type, null, false);
  }

  /**
   * An explicit estimate for a model without a public tokenizer: its exact counter if the model
   * is known, else {@code o200k_base}, and every count it returns is marked approximate. Real
   * counts of other tokenizers differ, more so for non-English text and code.
   */
  public static TokenCounter approximate(String model) {
    Objects.requireNonNull(model, "model");
    return ModelEncodings.forModel(model)
        .map(type -> new TokenCounter(type, model, false))
        .orElseGet(() -> new TokenCounter(APPROXIMATION_ENCODING, model, true));
  }

  /** The model-name prefixes {@link #forModel(String)} knows. */
  public static List<String> knownModelPrefixes() {
    return ModelEncodings.knownPrefixes();
  }

  /** Counts the tokens of {@code text}; special-token text such as {@code <|endoftext|>} counts as ordinary text. */
  public TokenCount count(String text) {
    Objects.requireNonNull(text, "text");
    return new TokenCount(encoding().countTokensOrdinary(text), encodingType.getName(), model,
        approximate);
  }

  TokenCount count(int tokens) {
    return new TokenCount(tokens, encodingType.getName(), model, approximate);
  }

  /**
   * The UTF-16 offset in {@code text} where token {@code index} (0-based) starts, or
   * {@code text.length()} if there are not that many tokens. A token that starts inside a
   * character is reported from that character's start.
   */
  public int offsetOfToken(String text, int index) {
    Objects.requireNonNull(text, "text");
    if (index <= 0) {
      return 0;
    }
    return offsetOfToken(text, encoding().encodeOrdinary(text), index);
  }

  /** The count and, when it exceeds {@code max}, the offset of token {@code max}: one encoding. */
  int[] countAndOffset(String text, int max) {
    IntArrayList tokens = encoding().encodeOrdinary(text);
    int offset = tokens.size() > max ? offsetOfToken(text, tokens, max) : text.length();
    return new int[] {tokens.size(), offset};
  }

  private int offsetOfToken(String text, IntArrayList tokens, int index) {
    if (index <= 0) {
      return 0;
    }
    if (index >= tokens.size()) {
      return text.length();
    }
    IntArrayList prefix = new IntArrayList(index);
    for (int i = 0; i < index; i++) {
      prefix.add(tokens.get(i));
    }
    return Utf8.offsetOfByte(text, encoding().decodeBytes(prefix).length);
  }

  /** A check: the output has at most {@code max} tokens with this counter. */
  public Check atMost(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must be >= 0, was " + max);
    }
    return new TokenLimitCheck(this, max);
  }

  /** The encoding's tiktoken name, e.g. {@code o200k_base}. */
  public String encodingName() {
    return encodingType.getName();
  }

  /** Whether counts are estimates (see {@link #approximate(String)}). */
  public boolean isApproximate() {
    return approximate;
  }

  /** {@code o200k_base for gpt-4o}, or {@code o200k_base (approximation for claude-sonnet-4)}. */
  @Override
  public String toString() {
    if (model == null) {
      return encodingType.getName();
    }
    return encodingType.getName() + (approximate ? " (approximation for " + model + ")"
        : " for " + model);
  }

  private Encoding encoding() {
    return CACHE.computeIfAbsent(encodingType, REGISTRY::getEncoding);
  }
}
