package io.github.evals4j.assertions.length;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import java.util.ArrayList;
import java.util.List;

/** The number of SMS segments a text takes, at most {@code max}. */
final class SmsSegmentsCheck implements Check {

  static final String NAME = "platform.sms.segments";

  private final int max;

  SmsSegmentsCheck(int max) {
    this.max = max;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult evaluate(String output) {
    if (output == null) {
      return new CheckResult(NAME, false, 0, max, Direction.AT_MOST, List.of(),
          "output is null: nothing to send as SMS");
    }
    SmsMessage sms = SmsMessage.of(output);
    String size = sms.segments() + " SMS segment" + (sms.segments() == 1 ? "" : "s") + " ("
        + sms.encoding() + ", " + sms.units() + (sms.encoding() == SmsMessage.Encoding.GSM_7
            ? " septets" : " UTF-16 units") + ")";
    List<Evidence> evidence = new ArrayList<>();
    int nonGsm = SmsMessage.firstNonGsm(output);
    Evidence why = null;
    if (nonGsm >= 0) {
      int end = nonGsm + Character.charCount(output.codePointAt(nonGsm));
      why = Spans.evidence(output, nonGsm, end, "non-gsm-character",
          "not in the GSM 03.38 alphabet: the whole message is sent as UCS-2 (70 units per SMS,"
              + " 67 per segment)");
    }
    if (sms.segments() <= max) {
      return new CheckResult(NAME, true, sms.segments(), max, Direction.AT_MOST, List.of(),
          size + ", within the maximum of " + max);
    }
    int start = sms.segmentStarts().get(max);
    Evidence beyond = Spans.evidence(output, start, output.length(), "beyond-limit",
        "segments " + (max + 1) + ".." + sms.segments() + " are beyond the maximum of " + max);
    evidence.add(beyond);
    if (why != null) {
      evidence.add(why);
    }
    StringBuilder message = new StringBuilder(size).append(", more than the maximum of ")
        .append(max).append("; segment ").append(max + 1).append(" starts at ")
        .append(beyond.positionIn(output)).append(":\n").append(beyond.describeIn(output));
    if (why != null) {
      message.append('\n').append(why.describeIn(output));
    }
    return new CheckResult(NAME, false, sms.segments(), max, Direction.AT_MOST, evidence,
        message.toString());
  }
}
