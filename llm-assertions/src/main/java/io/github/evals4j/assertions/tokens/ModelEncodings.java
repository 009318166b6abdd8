package io.github.evals4j.assertions.tokens;

import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.ModelType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Model name → encoding, by longest matching prefix. The table follows tiktoken's
 * {@code MODEL_PREFIX_TO_ENCODING} / {@code MODEL_TO_ENCODING}; exact names jtokkit knows
 * ({@link ModelType}) are tried first.
 */
final class ModelEncodings {

  private static final Map<String, EncodingType> PREFIXES = new LinkedHashMap<>();

  static {
    EncodingType o200k = EncodingType.O200K_BASE;
    EncodingType cl100k = EncodingType.CL100K_BASE;
    // o200k_base: GPT-4o and later. gpt-oss uses o200k_harmony, which only adds special tokens.
    for (String p : List.of("gpt-5", "gpt-4.5", "gpt-4.1", "gpt-4o", "chatgpt-4o", "o1", "o3",
        "o4", "gpt-oss", "ft:gpt-4o", "ft:gpt-4.1")) {
      PREFIXES.put(p, o200k);
    }
    for (String p : List.of("gpt-4", "gpt-3.5", "gpt-35", "ft:gpt-4", "ft:gpt-3.5",
        "text-embedding-3", "text-embedding-ada-002", "davinci-002", "babbage-002",
        "ft:davinci-002", "ft:babbage-002")) {
      PREFIXES.put(p, cl100k);
    }
    for (String p : List.of("text-davinci-002", "text-davinci-003", "code-davinci",
        "code-cushman")) {
      PREFIXES.put(p, EncodingType.P50K_BASE);
    }
    for (String p : List.of("text-davinci-edit", "code-davinci-edit")) {
      PREFIXES.put(p, EncodingType.P50K_EDIT);
    }
    for (String p : List.of("text-davinci-001", "text-curie", "text-babbage", "text-ada",
        "davinci", "curie", "babbage", "ada", "gpt2", "gpt-2")) {
      PREFIXES.put(p, EncodingType.R50K_BASE);
    }
  }

  private static final List<String> BY_LENGTH = PREFIXES.keySet().stream()
      .sorted(Comparator.comparingInt(String::length).reversed()).toList();

  private ModelEncodings() {}

  static Optional<EncodingType> forModel(String model) {
    String name = model.trim().toLowerCase(Locale.ROOT);
    int slash = name.lastIndexOf('/'); // "openai/gpt-4o" (routers, Azure deployments)
    if (slash >= 0) {
      name = name.substring(slash + 1);
    }
    Optional<ModelType> exact = ModelType.fromName(name);
    if (exact.isPresent()) {
      return Optional.of(exact.get().getEncodingType());
    }
    for (String prefix : BY_LENGTH) {
      if (name.startsWith(prefix) && boundary(name, prefix.length())) {
        return Optional.of(PREFIXES.get(prefix));
      }
    }
    return Optional.empty();
  }

  /** "o1" matches "o1" and "o1-mini" but not "o100"; "gpt-4" matches "gpt-4-turbo" and "gpt-4". */
  private static boolean boundary(String name, int at) {
    if (at >= name.length()) {
      return true;
    }
    char c = name.charAt(at);
    char last = name.charAt(at - 1);
    return !Character.isLetterOrDigit(c) || !Character.isLetterOrDigit(last)
        || (Character.isDigit(last) && Character.isLetter(c));
  }

  static List<String> knownPrefixes() {
    return List.copyOf(PREFIXES.keySet());
  }
}
