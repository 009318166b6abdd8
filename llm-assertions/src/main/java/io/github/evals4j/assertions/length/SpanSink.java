package io.github.evals4j.assertions.length;

/** Receives the units of a text one by one, in order, as half-open UTF-16 spans. */
@FunctionalInterface
interface SpanSink {
  void accept(int start, int end);
}
