package io.github.evals4j.replay;

/**
 * The live call a {@link ReplayStore} makes when it does not replay: usually the HTTP request to
 * the model, returning the response body. Its exceptions pass through unchanged.
 *
 * @param <E> what the call may throw, e.g. {@link java.io.IOException}
 */
@FunctionalInterface
public interface LiveCall<E extends Exception> {

  /** Calls the model and returns the response body (a JSON document, or the text of a stream). */
  String call() throws E;
}
