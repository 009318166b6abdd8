package io.github.evals4j.junit;

import io.github.evals4j.internal.Texts;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the extension speaks: one warning line at most per run (further problems are counted and
 * said in the summary), and the summary line. Never a stack trace.
 */
final class Console {

  static final String PREFIX = "[evals4j] ";

  private final AtomicBoolean warned = new AtomicBoolean();
  private volatile boolean closed;

  /** Says {@code message} if nothing was said before in this run; returns whether it did. */
  boolean warnOnce(String message) {
    if (!closed && warned.compareAndSet(false, true)) {
      err().println(PREFIX + "WARNING " + Texts.printable(message)
          + " (test outcomes are not affected; further problems are counted in the run summary)");
      return true;
    }
    return false;
  }

  void info(String line) {
    err().println(PREFIX + Texts.printable(line));
  }

  /** After the summary, stay silent: late transport failures are already counted as unconfirmed. */
  void close() {
    closed = true;
  }

  /** Read at each call: a test harness may swap the stream. */
  private static PrintStream err() {
    return System.err;
  }
}
