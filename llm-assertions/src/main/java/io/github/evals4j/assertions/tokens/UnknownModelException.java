package io.github.evals4j.assertions.tokens;

import java.util.List;

/**
 * No public tokenizer is known for a model name. The message names the model, the known prefixes,
 * and the opt-in estimate {@link TokenCounter#approximate(String)}.
 */
public class UnknownModelException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String model;

  UnknownModelException(String model, List<String> knownPrefixes) {
    super("no tokenizer is known for model \"" + model + "\"; known model prefixes: "
        + String.join(", ", knownPrefixes) + ". For an estimate with o200k_base, use"
        + " TokenCounter.approximate(\"" + model + "\") (its counts are marked approximate).");
    this.model = model;
  }

  /** The model name that was asked for. */
  public String model() {
    return model;
  }
}
