package io.github.evals4j.assertions.grounding;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.assertions.text.Claim;
import io.github.evals4j.assertions.text.ClaimKind;
import io.github.evals4j.assertions.text.Claims;
import io.github.evals4j.assertions.text.Sentences;
import io.github.evals4j.assertions.text.Vocabulary;
import io.github.evals4j.assertions.text.Words;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Hallucination check: are the output's claims supported by the {@link Sources}?
 *
 * <p>Claims ({@link Claims}) are matched by kind: a number by its normalised value ({@code 1.5M}
 * = {@code 1,500,000}), money by value and currency, a date by its calendar day whatever the
 * format, an identifier or selector exactly, a name when each of its uncommon words occurs in
 * the sources, a quote when each adjacent word pair occurs there. Sentences with at least {@link
 * #DEFAULT_MIN_CONTENT_WORDS} content words are also judged: a sentence is unsupported when fewer
 * than {@link #DEFAULT_SENTENCE_SUPPORT} of its content words (by light stem) appear in the
 * sources. The score is the supported share of claims and judged sentences.
 *
 * <pre>{@code
 * GroundingCheck check = GroundingCheck.groundedIn(sources).threshold(0.9);
 * CheckResult r = check.evaluate(output);      // or assertThat(output).isGroundedIn(sources, 0.9)
 * GroundingReport details = check.analyze(output);
 * }</pre>
 *
 * <p>Immutable and thread-safe; cost is linear in the output (index lookups are hash probes).
 */
public final class GroundingCheck implements Check {

  /** Default minimum score of {@link #groundedIn(Sources)}. */
  public static final double DEFAULT_THRESHOLD = 0.9;
  /** Default minimum share of a judged sentence's content words found in the sources. */
  public static final double DEFAULT_SENTENCE_SUPPORT = 0.5;
  /** Default minimum number of content words for a sentence to be judged. */
  public static final int DEFAULT_MIN_CONTENT_WORDS = 4;

  private static final int MAX_EVIDENCE = 500;
  private static final int MAX_MESSAGE_LINES = 20;

  private final String name;
  private final Sources sources;
  private final double threshold;
  private final double sentenceSupport;
  private final int minContentWords;
  private final Set<ClaimKind> ignored;

  private GroundingCheck(String name, Sources sources, double threshold, double sentenceSupport,
      int minContentWords, Set<ClaimKind> ignored) {
    this.name = name;
    this.sources = sources;
    this.threshold = threshold;
    this.sentenceSupport = sentenceSupport;
    this.minContentWords = minContentWords;
    this.ignored = ignored;
  }

  /** Claims and sentences, score at least {@link #DEFAULT_THRESHOLD}. */
  public static GroundingCheck groundedIn(Sources sources) {
    Objects.requireNonNull(sources, "sources");
    return new GroundingCheck("grounding", sources, DEFAULT_THRESHOLD, DEFAULT_SENTENCE_SUPPORT,
        DEFAULT_MIN_CONTENT_WORDS, EnumSet.noneOf(ClaimKind.class));
  }

  /** Claims only (no sentence judgement), and every one must be supported. */
  public static GroundingCheck noUnsupportedClaims(Sources sources) {
    Objects.requireNonNull(sources, "sources");
    return new GroundingCheck("grounding.claims", sources, 1.0, 0.0, DEFAULT_MIN_CONTENT_WORDS,
        EnumSet.noneOf(ClaimKind.class));
  }

  /** The same check with another minimum score in {@code [0, 1]}. */
  public GroundingCheck threshold(double minScore) {
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1]: " + minScore);
    }
    return new GroundingCheck(name, sources, minScore, sentenceSupport, minContentWords, ignored);
  }

  /**
   * The same check judging sentences with this minimum supported share of content words; {@code
   * 0} judges no sentence.
   */
  public GroundingCheck sentenceSupport(double minShare, int minContentWords) {
    if (!(minShare >= 0 && minShare <= 1) || minContentWords < 1) {
      throw new IllegalArgumentException(
          "sentence support must be in [0, 1] and min content words >= 1");
    }
    return new GroundingCheck(name, sources, threshold, minShare, minContentWords, ignored);
  }

  /**
   * The same check not verifying these kinds, e.g. {@link ClaimKind#QUOTE} when the output
   * proposes copy in quotes rather than quoting the sources.
   */
  public GroundingCheck ignoring(ClaimKind... kinds) {
    Set<ClaimKind> more = EnumSet.noneOf(ClaimKind.class);
    more.addAll(ignored);
    more.addAll(List.of(kinds));
    return new GroundingCheck(name, sources, threshold, sentenceSupport, minContentWords, more);
  }

  /**
   * The same check verifying only these kinds, e.g. {@code only(ClaimKind.SELECTOR)} for
   * generated browser-test steps whose other values (typed text, action names) are test data.
   */
  public GroundingCheck only(ClaimKind... kinds) {
    Set<ClaimKind> keep = EnumSet.noneOf(ClaimKind.class);
    keep.addAll(List.of(kinds));
    return ignoring(EnumSet.complementOf(EnumSet.copyOf(keep)).toArray(ClaimKind[]::new));
  }

  @Override
  public String name() {
    return name;
  }

  /** The minimum score. */
  public double threshold() {
    return threshold;
  }

  /** Every claim and judged sentence of {@code output} with its verdict. */
  public GroundingReport analyze(String output) {
    Objects.requireNonNull(output, "output");
    List<CheckedClaim> checked = new ArrayList<>();
    List<Claim> claims = Claims.extract(output);
    for (Claim claim : claims) {
      if (!ignored.contains(claim.kind())) {
        checked.add(verdict(claim));
      }
    }
    List<CheckedSentence> sentences = sentenceSupport > 0 && !isJson(output)
        ? sentences(output, claims) : List.of();
    int total = checked.size() + sentences.size();
    long supported = checked.stream().filter(CheckedClaim::supported).count()
        + sentences.stream().filter(CheckedSentence::supported).count();
    double score = total == 0 ? 1.0 : supported / (double) total;
    return new GroundingReport(checked, sentences, score);
  }

  @Override
  public CheckResult evaluate(String output) {
    if (output == null) {
      return new CheckResult(name, false, 0.0, threshold, Direction.AT_LEAST, List.of(),
          name + ": the output is null, so nothing in it can be grounded");
    }
    GroundingReport report = analyze(output);
    boolean passed = report.score() >= threshold;
    List<Evidence> evidence = report.evidence(output);
    String message = message(output, report, evidence, passed);
    if (evidence.size() > MAX_EVIDENCE) {
      evidence = evidence.subList(0, MAX_EVIDENCE);
    }
    return new CheckResult(name, passed, report.score(), threshold, Direction.AT_LEAST, evidence,
        message);
  }

  private String message(String output, GroundingReport report, List<Evidence> evidence,
      boolean passed) {
    StringBuilder m = new StringBuilder();
    m.append(String.format(Locale.ROOT, "%s: score %.2f %s threshold %s %.2f (%d of %d %s "
            + "supported by %d source(s))",
        name, report.score(), passed ? "meets" : "is below", Direction.AT_LEAST.symbol(),
        threshold, report.supportedCount(), report.checkedCount(),
        sentenceSupport > 0 ? "claims and sentences" : "claims", sources.documentCount()));
    if (report.checkedCount() == 0) {
      m.append("; the output has no checkable claim");
    }
    if (!evidence.isEmpty()) {
      m.append(String.format(Locale.ROOT, "%n%d unsupported:", evidence.size()));
      int shown = Math.min(evidence.size(), MAX_MESSAGE_LINES);
      for (int k = 0; k < shown; k++) {
        m.append(System.lineSeparator()).append("- ").append(evidence.get(k).describeIn(output));
      }
      if (evidence.size() > shown) {
        m.append(String.format(Locale.ROOT, "%n- … and %d more", evidence.size() - shown));
      }
    }
    return m.toString();
  }

  // ---- claims ----

  private CheckedClaim verdict(Claim claim) {
    switch (claim.kind()) {
      case MONEY:
        return money(claim);
      case NAME:
      case QUOTE:
      case CODE:
        List<String> missing = new ArrayList<>();
        for (String key : claim.keys()) {
          if (!sources.contains(key)) {
            missing.add(key.substring(2));
          }
        }
        if (missing.isEmpty()) {
          return new CheckedClaim(claim, true, "");
        }
        return new CheckedClaim(claim, false, claim.kind() == ClaimKind.NAME
            ? "no source mentions " + quoteAll(missing)
            : "not found verbatim in the sources (never adjacent there: " + quoteAll(missing)
                + ")");
      default:
        for (String key : claim.keys()) {
          if (sources.contains(key)) {
            return new CheckedClaim(claim, true, "");
          }
        }
        return new CheckedClaim(claim, false, reason(claim));
    }
  }

  private CheckedClaim money(Claim claim) {
    String key = claim.keys().get(0);
    if (sources.contains(key)) {
      return new CheckedClaim(claim, true, "");
    }
    String value = key.substring(key.indexOf(':', 2) + 1);
    if (sources.contains("ma:" + value)) {
      return new CheckedClaim(claim, false,
          "the sources give " + value + " in another currency than " + claim.detail());
    }
    if (sources.contains("nb:" + value)) {
      return new CheckedClaim(claim, true, ""); // a bare amount, e.g. {"price": 149}
    }
    return new CheckedClaim(claim, false,
        "no source mentions the amount " + claim.detail() + " " + value);
  }

  private static String reason(Claim claim) {
    String key = claim.keys().get(0);
    String value = key.substring(key.indexOf(':') + 1);
    switch (claim.kind()) {
      case NUMBER:
        if (key.startsWith("nu:")) {
          return "no source mentions the value " + value.substring(0, value.indexOf(':'))
              + " in " + value.substring(value.indexOf(':') + 1)
              + " (units must match; they are not converted)";
        }
        return "no source mentions the value " + value;
      case PERCENTAGE:
      case YEAR:
        return "no source mentions the value " + value;
      case DATE:
        return "no source mentions the date " + value;
      case TIME:
        return "no source mentions the time " + value;
      case URL:
        return "no source links to " + value;
      case EMAIL:
        return "no source mentions the address " + value;
      case SELECTOR:
        return "no element or selector in the sources matches " + value
            + " (selectors must match exactly)";
      case IDENTIFIER:
        return "does not occur in any source (identifiers must match exactly"
            + (claim.detail().isEmpty() ? "" : "; " + claim.detail()) + ")";
      default:
        return "not found in the sources";
    }
  }

  private static String quoteAll(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append('\'').append(w).append('\'');
    }
    return b.toString();
  }

  // ---- sentences ----

  private List<CheckedSentence> sentences(String output, List<Claim> claims) {
    List<CheckedSentence> judged = new ArrayList<>();
    int[] cursor = {0};
    for (Sentences.Span span : Sentences.split(output)) {
      if (hasUnspacedScript(output, span.start(), span.end())) {
        continue; // CJK and Thai have no spaces between words: our word split means nothing there
      }
      List<String> content = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      Words.forEach(output, span.start(), span.end(), (a, b) -> {
        while (cursor[0] < claims.size() && claims.get(cursor[0]).end() <= a) {
          cursor[0]++;
        }
        if (cursor[0] < claims.size() && claims.get(cursor[0]).start() <= a) {
          return; // part of a claim, judged as such
        }
        String lower = Words.normalize(output.substring(a, b)).toLowerCase(Locale.ROOT);
        if (lower.codePointCount(0, lower.length()) < 3 || Vocabulary.isStopword(lower)
            || !Words.hasLetter(lower, 0, lower.length())) {
          return;
        }
        content.add(lower);
        if (!sources.contains("w:" + lower) && !sources.contains("st:" + Vocabulary.stem(lower))) {
          missing.add(lower);
        }
      });
      if (content.size() >= minContentWords) {
        double support = (content.size() - missing.size()) / (double) content.size();
        judged.add(new CheckedSentence(span.start(), span.end(), content, missing,
            support >= sentenceSupport));
      }
    }
    return judged;
  }

  private static boolean hasUnspacedScript(String s, int from, int to) {
    for (int i = from; i < to; ) {
      int cp = s.codePointAt(i);
      if (cp >= 0x0E00) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
            || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI) {
          return true;
        }
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private static boolean isJson(String output) {
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' || c == '[';
      }
    }
    return false;
  }
}
