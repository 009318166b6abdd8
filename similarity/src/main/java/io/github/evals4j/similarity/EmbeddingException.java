package io.github.evals4j.similarity;

/**
 * A remote embedding model could not be asked: a timeout, an HTTP error (rate limits that outlast
 * the retries included), a reply that is not a list of vectors, or a spent budget. The message
 * names the model and the endpoint, never the key.
 */
public final class EmbeddingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  EmbeddingException(String message) {
    super(message);
  }

  EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }
}
