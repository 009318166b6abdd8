package io.github.evals4j.assertions.similarity;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.internal.Texts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Semantic similarity of an output to one or more expected texts: the best cosine similarity of
 * their embeddings, against a threshold in (0, 1].
 *
 * <ul>
 *   <li>{@code semantic.similar} passes when the best similarity is at least the threshold;
 *   <li>{@code semantic.not-similar} (its negation) passes when it is below the threshold.
 * </ul>
 *
 * <p>The score is the best cosine similarity; the evidence names the closest expected text first,
 * then the others with their similarity. A null or blank output fails with a message that says so;
 * an output (or expected text) longer than the embedder's {@link Embedder#maxInputChars()} is cut
 * there, and the result says where. The expected texts are embedded once per check.
 *
 * <pre>{@code
 * Check close = SimilarityCheck.similarTo(Embedder.defaultEmbedder(),
 *     List.of("Your refund will arrive within 5 business days."), 0.8);
 * CheckResult r = close.evaluate(answer);   // r.score(): best cosine similarity
 * }</pre>
 */
public final class SimilarityCheck implements Check {

  /** Name of the check that passes on similarity at or above the threshold. */
  public static final String SIMILAR = "semantic.similar";

  /** Name of its negation. */
  public static final String NOT_SIMILAR = "semantic.not-similar";

  private static final int EVIDENCE_CODE_POINTS = 160;
  private static final int MAX_EVIDENCE = 5;

  private final Embedder embedder;
  private final List<String> expected;
  private final double threshold;
  private final boolean negated;
  private volatile List<float[]> expectedVectors;

  private SimilarityCheck(
      Embedder embedder, Collection<String> expected, double threshold, boolean negated) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.expected = validated(expected);
    this.threshold = validated(threshold);
    this.negated = negated;
  }

  /** {@code semantic.similar}: best cosine similarity to {@code expected} ≥ {@code threshold}. */
  public static SimilarityCheck similarTo(
      Embedder embedder, Collection<String> expected, double threshold) {
    return new SimilarityCheck(embedder, expected, threshold, false);
  }

  /** {@code semantic.not-similar}: best cosine similarity to every {@code expected} < {@code threshold}. */
  public static SimilarityCheck notSimilarTo(
      Embedder embedder, Collection<String> expected, double threshold) {
    return new SimilarityCheck(embedder, expected, threshold, true);
  }

  @Override
  public String name() {
    return negated ? NOT_SIMILAR : SIMILAR;
  }

  /** The threshold in (0, 1]. */
  public double threshold() {
    return threshold;
  }

  /** The expected texts, as given. */
  public List<String> expected() {
    return expected;
  }

  @Override
  public CheckResult evaluate(String output) {
    if (output == null || output.isBlank()) {
      String what = output == null ? "null" : output.isEmpty() ? "empty" : "blank";
      return new CheckResult(name(), false, 0.0, threshold, direction(), List.of(), String.format(
          Locale.ROOT, "%s: the output is %s: there is nothing to compare with %s (threshold %s)",
          name(), what, describeExpected(), format(threshold)));
    }
    int budget = Math.max(1, embedder.maxInputChars());
    String cut = cut(output, budget);
    List<float[]> targets = expectedVectors();
    float[] actual = single(embedder.embed(List.of(cut)), 1).get(0);

    List<Scored> scored = new ArrayList<>(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      scored.add(new Scored(i, cosine(actual, targets.get(i))));
    }
    scored.sort(Comparator.comparingDouble(Scored::similarity).reversed()
        .thenComparingInt(Scored::index));
    Scored best = scored.get(0);
    double score = best.similarity();
    boolean passed = negated ? score < threshold : score >= threshold;

    String span = Texts.abbreviate(cut, EVIDENCE_CODE_POINTS);
    List<Evidence> evidence = new ArrayList<>();
    for (int k = 0; k < Math.min(MAX_EVIDENCE, scored.size()); k++) {
      Scored s = scored.get(k);
      evidence.add(new Evidence(0, cut.length(), span, k == 0 ? "closest-expected" : "expected",
          String.format(Locale.ROOT, "cosine similarity %s to expected #%d: \"%s\"",
              format(s.similarity()), s.index() + 1,
              Texts.abbreviate(expected.get(s.index()), EVIDENCE_CODE_POINTS))));
    }
    if (cut.length() < output.length()) {
      evidence.add(new Evidence(cut.length(), output.length(),
          Texts.abbreviate(output.substring(cut.length(), Math.min(output.length(),
              cut.length() + 4 * EVIDENCE_CODE_POINTS)), EVIDENCE_CODE_POINTS),
          "not-embedded", "beyond the embedder's budget of " + budget + " characters"));
    }
    return new CheckResult(name(), passed, score, threshold, direction(), evidence,
        message(passed, best, output, cut, evidence.get(0)));
  }

  private String message(
      boolean passed, Scored best, String output, String cut, Evidence closest) {
    String comparison = negated
        ? (passed ? "<" : "\u2265")
        : (passed ? "\u2265" : "<");
    StringBuilder m = new StringBuilder(String.format(Locale.ROOT,
        "%s: best cosine similarity %s %s threshold %s (embedder %s); closest expected #%d of %d: \"%s\"",
        name(), format(best.similarity()), comparison, format(threshold),
        Texts.printable(embedder.name()), best.index() + 1, expected.size(),
        Texts.abbreviate(expected.get(best.index()), EVIDENCE_CODE_POINTS)));
    if (!passed) {
      m.append(negated ? "\n  output too similar: " : "\n  output not similar enough: ")
          .append(closest.describeIn(output));
    }
    if (cut.length() < output.length()) {
      m.append(String.format(Locale.ROOT,
          "\n  only the first %d of %d characters were embedded (the embedder's budget)",
          cut.length(), output.length()));
    }
    return m.toString();
  }

  private Direction direction() {
    return negated ? Direction.AT_MOST : Direction.AT_LEAST;
  }

  private List<float[]> expectedVectors() {
    List<float[]> v = expectedVectors;
    if (v == null) {
      synchronized (this) {
        v = expectedVectors;
        if (v == null) {
          int budget = Math.max(1, embedder.maxInputChars());
          List<String> cut = expected.stream().map(e -> cut(e, budget)).toList();
          v = single(embedder.embed(cut), cut.size());
          expectedVectors = v;
        }
      }
    }
    return v;
  }

  private List<float[]> single(List<float[]> vectors, int count) {
    if (vectors == null || vectors.size() != count) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "embedder %s returned %s vectors for %d texts", Texts.printable(embedder.name()),
          vectors == null ? "no" : String.valueOf(vectors.size()), count));
    }
    return vectors;
  }

  /** Cosine similarity; 0 when either vector is zero. */
  static double cosine(float[] a, float[] b) {
    if (a == null || b == null || a.length != b.length || a.length == 0) {
      throw new IllegalStateException("embedding vectors of different dimensions: "
          + (a == null ? 0 : a.length) + " and " + (b == null ? 0 : b.length));
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    if (na == 0 || nb == 0) {
      return 0;
    }
    return Math.max(-1.0, Math.min(1.0, dot / Math.sqrt(na * nb)));
  }

  /** The first {@code max} characters of {@code text}, never splitting a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1)) && end > 1) {
      end--;
    }
    return text.substring(0, end);
  }

  private String describeExpected() {
    return expected.size() == 1
        ? "\"" + Texts.abbreviate(expected.get(0), EVIDENCE_CODE_POINTS) + "\""
        : expected.size() + " expected texts";
  }

  static String format(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static List<String> validated(Collection<String> expected) {
    Objects.requireNonNull(expected, "expected");
    if (expected.isEmpty()) {
      throw new IllegalArgumentException("semantic similarity needs at least one expected text");
    }
    List<String> copy = new ArrayList<>(expected.size());
    int i = 0;
    for (String e : expected) {
      i++;
      if (e == null) {
        throw new IllegalArgumentException("expected text #" + i + " is null");
      }
      if (e.isBlank()) {
        throw new IllegalArgumentException("expected text #" + i + " is "
            + (e.isEmpty() ? "empty" : "blank") + ": there is nothing to compare with");
      }
      copy.add(e);
    }
    return List.copyOf(copy);
  }

  private static double validated(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "a semantic-similarity threshold is a cosine similarity in (0, 1], got " + threshold);
    }
    return threshold;
  }

  private record Scored(int index, double similarity) {}
}
