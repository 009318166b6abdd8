package io.github.evals4j.assertions;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.internal.Texts;

import org.assertj.core.error.BasicErrorMessageFactory;

/**
 * The failure message of an LLM assertion: the output (abbreviated, with its length), the check,
 * and the check's own explanation (threshold, score, evidence with positions); every text from the
 * output is {@linkplain Texts#printable printable}, so a failure message cannot drive a terminal.
 */
final class ShouldPassCheck extends BasicErrorMessageFactory {

  static final int OUTPUT_EXCERPT_CODE_POINTS = 200;

  private ShouldPassCheck(String output, CheckResult result) {
    super(
        "%nExpecting LLM output (%s):%n  %s%nto pass check %s but it failed:%n%s",
        new UnquotedString(describeLength(output)),
        new UnquotedString(output == null ? "null" : quoted(output)),
        new UnquotedString(Texts.printable(result.check())),
        new UnquotedString(indent(Texts.printableLines(result.message()))));
  }

  static ShouldPassCheck shouldPass(String output, CheckResult result) {
    return new ShouldPassCheck(output, result);
  }

  private static String describeLength(String output) {
    if (output == null) {
      return "null";
    }
    return output.codePointCount(0, output.length()) + " code points";
  }

  private static String quoted(String output) {
    return "\"" + Texts.abbreviate(output, OUTPUT_EXCERPT_CODE_POINTS) + "\"";
  }

  private static String indent(String message) {
    return "  " + message.replace("\n", System.lineSeparator() + "  ");
  }

  /** A message argument AssertJ must not quote or re-format. */
  private static final class UnquotedString {
    private final String value;

    UnquotedString(String value) {
      this.value = value;
    }

    @Override
    public String toString() {
      return value;
    }
  }
}
