package io.github.evals4j.junit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures what the extension says on standard error (tests in this module run one at a time). */
final class StdErr implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  private StdErr() {
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  static StdErr capture() {
    return new StdErr();
  }

  /** The captured lines written by evals4j. */
  List<String> evals4jLines() {
    return buffer.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith(Console.PREFIX)).toList();
  }

  List<String> warnings() {
    return evals4jLines().stream().filter(l -> l.startsWith(Console.PREFIX + "WARNING")).toList();
  }

  String summary() {
    return evals4jLines().stream().filter(l -> l.startsWith(Console.PREFIX + "run "))
        .reduce((a, b) -> b).orElse("");
  }

  String all() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
