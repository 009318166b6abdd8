package io.github.evals4j.assertions.specificity;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.assertions.text.Claim;
import io.github.evals4j.assertions.text.Claims;
import io.github.evals4j.assertions.text.Sentences;
import io.github.evals4j.assertions.text.Words;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How specific an output is, from 0 (vague) to 1, deterministically and with evidence.
 *
 * <p>Each sentence gets {@code c / (c + v + prior)}: {@code c} counts concrete signals (every
 * claim {@link Claims} finds — numbers with units, percentages, money, dates, times, names,
 * identifiers, selectors, URLs, quoted terms, code — plus the domain terms you give), {@code v}
 * counts vague phrases of the {@link VagueLexicon} (hedges, weasel words, fillers, generic
 * phrases, empty superlatives) not inside a concrete signal, and {@code prior} ({@value
 * #DEFAULT_PRIOR}) means a sentence must earn its specificity: one concrete signal scores 0.67,
 * two 0.80, none 0. The output's score is the mean over sentences; sentences of fewer than three
 * words with no signal (headings, labels) are not scored.
 *
 * <pre>{@code
 * SpecificityCheck check = SpecificityCheck.atLeast(0.6).withDomainTerms("LCP", "add-to-cart");
 * assertThat(output).passes(check);           // or .hasSpecificityAtLeast(0.6)
 * SpecificityReport report = check.analyze(output);
 * }</pre>
 *
 * <p>Immutable, thread-safe, linear in the output.
 */
public final class SpecificityCheck implements Check {

  /** The per-sentence prior weight of the formula. */
  public static final double DEFAULT_PRIOR = 0.5;

  private static final int MAX_MESSAGE_SENTENCES = 20;

  private final double threshold;
  private final VagueLexicon lexicon;
  private final List<String> domainTerms;
  private final PhraseMatcher<String> domain;

  private SpecificityCheck(double threshold, VagueLexicon lexicon, List<String> domainTerms) {
    this.threshold = threshold;
    this.lexicon = lexicon;
    this.domainTerms = List.copyOf(domainTerms);
    this.domain = new PhraseMatcher<>();
    for (String term : this.domainTerms) {
      domain.add(term, term);
    }
  }

  /** Passes when the score is at least {@code threshold} (in {@code [0, 1]}). */
  public static SpecificityCheck atLeast(double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
    }
    return new SpecificityCheck(threshold, VagueLexicon.english(), List.of());
  }

  /** The same check also counting these terms (any case, whole words) as concrete. */
  public SpecificityCheck withDomainTerms(String... terms) {
    return withDomainTerms(List.of(terms));
  }

  /** The same check also counting these terms (any case, whole words) as concrete. */
  public SpecificityCheck withDomainTerms(Collection<String> terms) {
    List<String> all = new ArrayList<>(domainTerms);
    terms.forEach(t -> all.add(Objects.requireNonNull(t, "term")));
    return new SpecificityCheck(threshold, lexicon, all);
  }

  /** The same check with another vague lexicon. */
  public SpecificityCheck withLexicon(VagueLexicon lexicon) {
    return new SpecificityCheck(threshold, Objects.requireNonNull(lexicon, "lexicon"),
        domainTerms);
  }

  @Override
  public String name() {
    return "specificity";
  }

  /** The minimum score. */
  public double threshold() {
    return threshold;
  }

  /** The per-sentence breakdown and the score of {@code output}. */
  public SpecificityReport analyze(String output) {
    Objects.requireNonNull(output, "output");
    List<Claim> claims = Claims.extract(output);
    List<SentenceSpecificity> scored = new ArrayList<>();
    int cursor = 0;
    for (Sentences.Span span : Sentences.split(output)) {
      List<Evidence> concrete = new ArrayList<>();
      while (cursor < claims.size() && claims.get(cursor).start() < span.end()) {
        Claim c = claims.get(cursor++);
        if (c.start() >= span.start()) {
          concrete.add(Evidence.of(output, c.start(), c.end(), c.kind().label(), "concrete"));
        }
      }
      List<int[]> spans = new ArrayList<>();
      List<String> words = new ArrayList<>();
      Words.forEach(output, span.start(), span.end(), (a, b) -> {
        spans.add(new int[] {a, b});
        words.add(Words.normalize(output.substring(a, b)).toLowerCase(Locale.ROOT));
      });
      // matches come in text order, so one forward cursor per span list keeps this linear
      Cursor inClaims = new Cursor(new ArrayList<>(concrete));
      List<Evidence> terms = new ArrayList<>();
      for (PhraseMatcher.Match<String> m : domain.find(words)) {
        int a = spans.get(m.from())[0];
        int b = spans.get(m.to() - 1)[1];
        if (!inClaims.covers(a)) {
          terms.add(Evidence.of(output, a, b, "domain term", "concrete: " + m.tag()));
        }
      }
      Cursor claimCursor = new Cursor(new ArrayList<>(concrete));
      Cursor termCursor = new Cursor(terms);
      List<Evidence> vague = new ArrayList<>();
      for (PhraseMatcher.Match<VagueKind> m : lexicon.matcher().find(words)) {
        int a = spans.get(m.from())[0];
        int b = spans.get(m.to() - 1)[1];
        boolean coveredByClaim = claimCursor.covers(a);
        boolean coveredByTerm = termCursor.covers(a);
        if (!coveredByClaim && !coveredByTerm) {
          vague.add(Evidence.of(output, a, b, m.tag().label(), "vague: " + m.tag().label()));
        }
      }
      concrete.addAll(terms);
      if (words.size() < 3 && concrete.isEmpty() && vague.isEmpty()) {
        continue;
      }
      double c = concrete.size();
      double score = c / (c + vague.size() + DEFAULT_PRIOR);
      concrete.sort(java.util.Comparator.comparingInt(Evidence::start));
      scored.add(new SentenceSpecificity(span.start(), span.end(), concrete, vague, score));
    }
    double mean = scored.stream().mapToDouble(SentenceSpecificity::score).average().orElse(0.0);
    return new SpecificityReport(scored, mean);
  }

  /** Answers "is this offset inside a span?" for increasing offsets over spans sorted by start. */
  private static final class Cursor {
    private final List<Evidence> spans;
    private int next;

    Cursor(List<Evidence> spans) {
      this.spans = spans;
    }

    boolean covers(int offset) {
      while (next < spans.size() && spans.get(next).end() <= offset) {
        next++;
      }
      return next < spans.size() && spans.get(next).start() <= offset;
    }
  }

  @Override
  public CheckResult evaluate(String output) {
    if (output == null) {
      return new CheckResult(name(), false, 0.0, threshold, Direction.AT_LEAST, List.of(),
          "specificity: the output is null");
    }
    SpecificityReport report = analyze(output);
    boolean passed = report.score() >= threshold;
    List<Evidence> evidence = new ArrayList<>();
    for (SentenceSpecificity s : report.sentences()) {
      evidence.addAll(s.vague());
      if (s.concrete().isEmpty()) {
        evidence.add(Evidence.of(output, s.start(), s.end(), "sentence",
            "no concrete detail (number, date, name, identifier, domain term)"));
      }
    }
    evidence.sort(java.util.Comparator.comparingInt(Evidence::start));
    return new CheckResult(name(), passed, report.score(), threshold, Direction.AT_LEAST,
        evidence.size() > 500 ? evidence.subList(0, 500) : evidence,
        message(output, report, passed));
  }

  private String message(String output, SpecificityReport report, boolean passed) {
    StringBuilder m = new StringBuilder(String.format(Locale.ROOT,
        "specificity: score %.2f %s threshold %s %.2f (%d sentence(s), %d concrete signal(s), "
            + "%d vague phrase(s); sentence score = c / (c + v + %.1f), output = mean)",
        report.score(), passed ? "meets" : "is below", Direction.AT_LEAST.symbol(), threshold,
        report.sentences().size(), report.concreteCount(), report.vagueCount(), DEFAULT_PRIOR));
    if (report.sentences().isEmpty()) {
      m.append("; the output has no sentence to score");
    }
    int shown = 0;
    for (SentenceSpecificity s : report.sentences()) {
      if (shown == MAX_MESSAGE_SENTENCES) {
        m.append(System.lineSeparator()).append("- … ")
            .append(report.sentences().size() - shown).append(" more sentence(s)");
        break;
      }
      shown++;
      Evidence sentence = Evidence.of(output, s.start(), s.end(), "sentence", "");
      m.append(System.lineSeparator()).append(String.format(Locale.ROOT, "- %.2f %s: \"%s\"",
          s.score(), sentence.positionIn(output),
          Texts.abbreviate(output.substring(s.start(), s.end()), 100)));
      m.append(" concrete: ").append(s.concrete().isEmpty() ? "none" : quoted(s.concrete()));
      if (!s.vague().isEmpty()) {
        m.append("; vague: ").append(quoted(s.vague()));
      }
    }
    return m.toString();
  }

  private static String quoted(List<Evidence> evidence) {
    StringBuilder b = new StringBuilder();
    for (Evidence e : evidence) {
      if (b.length() > 0) {
        b.append(", ");
      }
      if (b.length() > 400) {
        b.append("…");
        break;
      }
      b.append(e.kind()).append(" \"").append(Texts.abbreviate(e.text(), 40)).append('"');
    }
    return b.toString();
  }
}
