package io.github.evals4j.recording;

import java.util.concurrent.atomic.AtomicBoolean;

/** A recorder that throws must not change a test's outcome: say it once on stderr and go on. */
final class RecorderFailures {

  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private RecorderFailures() {}

  static void report(RuntimeException e) {
    if (REPORTED.compareAndSet(false, true)) {
      System.err.println("[evals4j] a recorder failed and was ignored (said once): "
          + io.github.evals4j.internal.Texts.printable(String.valueOf(e)));
    }
  }
}
