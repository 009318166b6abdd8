package io.github.evals4j.assertions.content;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Detects unfinished output: template placeholders the model left in ({@code [Insert date]},
 * {@code [CUSTOMER NAME]}, {@code {{name}}}, {@code ${var}}, {@code <placeholder>}), work markers
 * ({@code TODO}, {@code TBD}, {@code FIXME}, {@code XXX}), {@code lorem ipsum}, and signs of a
 * truncated answer: an unclosed code fence, JSON whose brackets or strings are not closed, and a
 * trailing ellipsis mid-sentence. One linear pass per rule.
 *
 * <pre>{@code
 * Check finished = Placeholders.check();
 * }</pre>
 *
 * <p>Markdown links ({@code [text](url)}), task boxes ({@code [x]}) and citations ({@code [1]})
 * are not placeholders.
 */
public final class Placeholders {

  private record Rule(String kind, Pattern pattern, String reason) {}

  /** All-caps brackets that are log levels, admonitions or statuses, common in real outputs. */
  private static final String NOT_PLACEHOLDERS = "ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|"
      + "SEVERE|NOTE|TIP|IMPORTANT|CAUTION|OK|PASS|PASSED|FAIL|FAILED|SUCCESS|DONE|NEW|BETA|"
      + "DEPRECATED|BREAKING|FIXED|ADDED|REMOVED|CHANGED|UPDATE|SKIPPED";

  // Each rule starts with a cheap test (a literal or a one-character class) so that most
  // positions fail on one read; a leading look-behind would run at every position.
  private static final List<Rule> RULES = List.of(
      new Rule("placeholder", Pattern.compile(
          "\\[\\s*(?:insert|your|add|enter|fill\\s+in|placeholder|todo|tbd|name\\s+of|"
              + "company|customer|client|product|recipient)\\b[^\\]\\n]{0,80}+\\](?!\\()",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
          "a bracketed placeholder left for someone to fill in"),
      new Rule("placeholder", Pattern.compile("\\[(?!(?:" + NOT_PLACEHOLDERS + ")\\])"
          + "[A-Z][A-Z0-9 _'/-]{2,40}+\\](?!\\()"),
          "an all-caps bracketed placeholder"),
      new Rule("placeholder", Pattern.compile(
          "\\[(?:[\\p{L}'-]++\\s){0,3}+(?:name|date|number|list|link|url|e-?mail|phone|address|"
              + "title|amount|price|city|company|time|location|product|feature|value)s?\\](?![(\\[])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
          "a bracketed slot naming what should go there"),
      new Rule("template-variable", Pattern.compile(
          "\\{\\{\\s*+[^{}\\n]{1,64}+\\}\\}|\\$\\{[A-Za-z_][\\w.]{0,63}+\\}"),
          "an unrendered template variable"),
      new Rule("placeholder", Pattern.compile(
          "<\\s*(?:placeholder|insert|your|todo|tbd|fill)\\b[^<>\\n]{0,60}+>",
          Pattern.CASE_INSENSITIVE),
          "an angle-bracket placeholder"),
      new Rule("work-marker", Pattern.compile(
          "(?=[TFX])(?<![\\p{L}\\p{N}_])(?:TODO|TBD|FIXME|XXX)(?![\\p{L}\\p{N}_])"),
          "a marker of unfinished work"),
      new Rule("lorem-ipsum", Pattern.compile("(?=[lL])\\blorem\\s+ipsum\\b",
          Pattern.CASE_INSENSITIVE),
          "filler text"));

  private Placeholders() {}

  /** A check that passes when the output shows no placeholder and no sign of truncation. */
  public static Check check() {
    return Check.of("content.placeholders", Placeholders::evaluate);
  }

  /** Every placeholder and truncation sign in {@code output}, in order of position. */
  public static List<Evidence> find(String output) {
    List<Evidence> evidence = new ArrayList<>();
    for (Rule rule : RULES) {
      Matches.Found found = Matches.find(output, rule.pattern(), Long.MAX_VALUE,
          Integer.MAX_VALUE, rule.kind(), rule.reason());
      evidence.addAll(found.evidence);
    }
    evidence.addAll(CutOffDetector.find(output));
    evidence.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.end(), a.end()));
    // two rules may flag the same span ("[Your Name]"): report it once
    List<Evidence> distinct = new ArrayList<>();
    int coveredTo = -1;
    for (Evidence e : evidence) {
      if (e.end() > coveredTo || e.start() == e.end()) {
        distinct.add(e);
        coveredTo = Math.max(coveredTo, e.end());
      }
    }
    return distinct;
  }

  private static CheckResult evaluate(String output) {
    if (output == null) {
      return CheckResult.of("content.placeholders", false, List.of(), "output is null");
    }
    List<Evidence> evidence = find(output);
    if (evidence.isEmpty()) {
      return new CheckResult("content.placeholders", true, 0, 0, Direction.AT_MOST, List.of(),
          "no placeholder, work marker, filler text or sign of truncation");
    }
    List<Evidence> shown = evidence.size() > Matches.MAX_EVIDENCE
        ? evidence.subList(0, Matches.MAX_EVIDENCE) : evidence;
    return new CheckResult("content.placeholders", false, evidence.size(), 0, Direction.AT_MOST,
        shown, "the output looks unfinished: " + evidence.size() + " finding(s)"
            + (shown.size() < evidence.size() ? " (first " + shown.size() + " shown)" : "") + ":"
            + Matches.describe(output, shown));
  }
}
