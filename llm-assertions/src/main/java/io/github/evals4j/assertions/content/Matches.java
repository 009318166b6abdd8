package io.github.evals4j.assertions.content;

import io.github.evals4j.check.Evidence;
import io.github.evals4j.assertions.text.BudgetedText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds matches of a pattern as evidence, bounded in count and (optionally) in regex work. */
final class Matches {

  static final int MAX_EVIDENCE = 20;
  static final int MAX_EXCERPT = 200;

  /** The outcome of a bounded search. */
  static final class Found {
    final List<Evidence> evidence = new ArrayList<>();
    int count;
    /** Non-null when the search was abandoned: why. */
    String aborted;
  }

  private Matches() {}

  static Found find(String output, Pattern pattern, long readBudget, int maxMatches, String kind,
      String reason) {
    Found found = new Found();
    CharSequence input = readBudget == Long.MAX_VALUE ? output : new BudgetedText(output, readBudget);
    try {
      Matcher m = pattern.matcher(input);
      while (m.find()) {
        found.count++;
        if (found.evidence.size() < MAX_EVIDENCE) {
          found.evidence.add(evidence(output, m.start(), m.end(), kind, reason));
        }
        if (found.count >= maxMatches) {
          break;
        }
        if (m.end() == m.start() && m.end() == output.length()) {
          break;
        }
      }
    } catch (BudgetedText.BudgetExceeded e) {
      found.aborted = BudgetedText.exceeded(readBudget, output.length(), "output");
    } catch (StackOverflowError e) {
      found.aborted = BudgetedText.tooDeep(output.length(), "output");
    }
    return found;
  }

  static Evidence evidence(String output, int start, int end, String kind, String reason) {
    String text = output.substring(start, Math.min(end, start + MAX_EXCERPT));
    if (end > start + MAX_EXCERPT) {
      if (Character.isHighSurrogate(text.charAt(text.length() - 1))) {
        text = text.substring(0, text.length() - 1);
      }
      text += "\u2026";
    }
    return new Evidence(start, end, text, kind, reason);
  }

  static String describe(String output, List<Evidence> evidence) {
    StringBuilder sb = new StringBuilder();
    for (Evidence e : evidence) {
      sb.append('\n').append(e.describeIn(output));
    }
    return sb.toString();
  }
}
