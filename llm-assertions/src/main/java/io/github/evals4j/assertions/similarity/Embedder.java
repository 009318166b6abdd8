package io.github.evals4j.assertions.similarity;

import java.util.List;

/**
 * A text embedding model: texts in, one vector per text out. The semantic-similarity checks
 * ({@link SimilarityCheck}) compare an output with expected texts by the cosine of their vectors.
 *
 * <p>By default the checks use the in-process all-MiniLM-L6-v2 model of {@code
 * io.github.evals4j:evals4j-similarity} (offline, deterministic), found through {@link
 * java.util.ServiceLoader}; that module also has an OpenAI-compatible remote embedder. Any other
 * model plugs in by implementing {@link #embed(List)}:
 *
 * <pre>{@code
 * Embedder mine = texts -> texts.stream().map(myModel::vectorOf).toList();
 * assertThat(output).usingEmbedder(mine).isSemanticallySimilarTo("Your refund is on its way.", 0.8);
 * }</pre>
 *
 * <p>Implementations must be thread-safe and deterministic for a given text when the checks are to
 * be reproducible.
 */
@FunctionalInterface
public interface Embedder {

  /**
   * Embeds {@code texts}: one vector per text, in the same order, all of one dimension. The texts
   * are never null or empty, and never longer than {@link #maxInputChars()} (the checks cut them).
   *
   * @throws RuntimeException when the model cannot be asked (the check then throws it as it is: a
   *     missing model or an unreachable endpoint is the suite's problem, not a property of the output)
   */
  List<float[]> embed(List<String> texts);

  /** The model's name in check messages, e.g. {@code all-minilm-l6-v2}. */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * How many characters of one text the model reads: the checks cut longer texts there (and say
   * so in the result), so an untrusted huge output costs at most this much. Default 2,000.
   */
  default int maxInputChars() {
    return 2_000;
  }

  /**
   * The embedder the checks use when none is given: the first one registered through {@link
   * java.util.ServiceLoader} (evals4j-similarity registers the in-process all-MiniLM-L6-v2 model).
   * Call it in a {@code @BeforeAll} to fail fast; the in-process model itself loads at its first
   * {@link #embed(List)}.
   *
   * @throws IllegalStateException naming the artifacts to add when no embedding model is available
   */
  static Embedder defaultEmbedder() {
    return DefaultEmbedder.get();
  }
}
