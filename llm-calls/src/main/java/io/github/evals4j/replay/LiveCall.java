package io.github.evals4j.replay;

import java.io.IOException;

/**
 * The live call a {@link ReplayStore} makes when it does not replay: usually the HTTP request to
 * the model, returning the response body. It may throw what {@code java.net.http.HttpClient#send}
 * throws; its exceptions pass through the store unchanged.
 */
@FunctionalInterface
public interface LiveCall {

  /** Calls the model and returns the response body (a JSON document, or the text of a stream). */
  String call() throws IOException, InterruptedException;
}
