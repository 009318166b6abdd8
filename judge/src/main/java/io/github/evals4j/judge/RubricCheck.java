package io.github.evals4j.judge;

import io.github.evals4j.aggregate.QualityEvidence;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.replay.ReplayException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An LLM judge grades an output against criteria in plain words (or G-Eval style evaluation
 * steps) on a stated scale, default 1–10; the output passes when the score is at least the
 * threshold, default 7. The judge's reason becomes evidence, and each span it quotes is located in
 * the output. With {@link #samples(int)} the judge is asked n times and the mean is scored (the
 * spread is in the message). A reply that cannot be trusted is a {@linkplain JudgeErrors judge
 * error}. Immutable and thread-safe; the {@code with}-style methods return a copy.
 *
 * <pre>{@code
 * CheckResult r = JudgeChecks.rubric(judge, "Answers politely, names the next step")
 *     .scale(1, 5).threshold(4).evaluate(answer);
 * }</pre>
 *
 * <p>{@code evaluate} never throws for a bad judge reply; it does throw a {@link
 * ReplayException} when the judge's recording is missing or stale (the suite must be re-recorded).
 */
public final class RubricCheck implements Check {

  private final Judge judge;
  private final String name;
  private final String criteria;
  private final List<String> steps;
  private final String context;
  private final double min;
  private final double max;
  private final double threshold;
  private final int samples;

  RubricCheck(Judge judge, String name, String criteria, List<String> steps, String context,
      double min, double max, double threshold, int samples) {
    this.judge = Objects.requireNonNull(judge, "judge");
    this.name = Objects.requireNonNull(name, "name");
    this.criteria = Objects.requireNonNull(criteria, "criteria");
    this.steps = List.copyOf(steps);
    this.context = context;
    if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("scale must be min < max: " + min + ".." + max);
    }
    if (!(threshold >= min && threshold <= max)) {
      throw new IllegalArgumentException("threshold " + threshold + " is outside the scale "
          + Verdicts.num(min) + "\u2013" + Verdicts.num(max));
    }
    if (samples < 1 || samples > 100) {
      throw new IllegalArgumentException("samples must be in 1..100: " + samples);
    }
    this.min = min;
    this.max = max;
    this.threshold = threshold;
    this.samples = samples;
  }

  /** The same rubric on the scale {@code min..max}; the threshold moves to the same fraction. */
  public RubricCheck scale(double min, double max) {
    double fraction = (threshold - this.min) / (this.max - this.min);
    return new RubricCheck(judge, name, criteria, steps, context, min, max,
        min + fraction * (max - min), samples);
  }

  /** The same rubric, passing at {@code score >= threshold} (on the rubric's scale). */
  public RubricCheck threshold(double threshold) {
    return new RubricCheck(judge, name, criteria, steps, context, min, max, threshold, samples);
  }

  /** The same rubric with G-Eval style evaluation steps the judge follows in order. */
  public RubricCheck steps(String... steps) {
    return new RubricCheck(judge, name, criteria, List.of(steps), context, min, max, threshold,
        samples);
  }

  /** The same rubric asked {@code n} times; the score is the mean, the spread is reported. */
  public RubricCheck samples(int n) {
    return new RubricCheck(judge, name, criteria, steps, context, min, max, threshold, n);
  }

  /** The same rubric reported under {@code name} (default {@code rubric}). */
  public RubricCheck named(String name) {
    return new RubricCheck(judge, name, criteria, steps, context, min, max, threshold, samples);
  }

  @Override
  public String name() {
    return name;
  }

  /** The lowest score of the scale. */
  public double min() {
    return min;
  }

  /** The highest score of the scale. */
  public double max() {
    return max;
  }

  @Override
  public CheckResult evaluate(String output) {
    if (output == null || output.isBlank()) {
      return new CheckResult(name, false, min, threshold, Direction.AT_LEAST, List.of(),
          name + ": the output is " + (output == null ? "null" : "blank")
              + ", nothing to grade (score " + Verdicts.num(min) + ")");
    }
    String system = systemPrompt();
    String user = (context == null ? "" : context + "\n\n") + "OUTPUT:\n<<<\n" + output + "\n>>>";
    String callId = name + "/" + digest(output, context);
    List<Verdicts.Graded> graded = new ArrayList<>(samples);
    List<String> errors = new ArrayList<>();
    String model = "unknown";
    for (int i = 0; i < samples; i++) {
      try {
        JudgeReply reply = judge.ask(new JudgeRequest(callId, system, user,
            Verdicts.SCORE_SCHEMA, i));
        model = reply.model();
        Verdicts.Parsed<Verdicts.Graded> p = Verdicts.graded(reply, min, max);
        if (p.ok()) {
          graded.add(p.value());
        } else {
          errors.add(p.error() + " (judge " + reply.model() + ")");
        }
      } catch (ReplayException e) {
        throw e;
      } catch (RuntimeException e) {
        errors.add(e instanceof JudgeException ? e.getMessage() : String.valueOf(e));
      }
    }
    // Half the samples or more unusable: the mean of the rest would be a guess.
    if (graded.isEmpty() || errors.size() * 2 >= samples && samples > 1) {
      String why = samples == 1 ? errors.get(0)
          : errors.size() + " of " + samples + " samples failed, first: " + errors.get(0);
      CheckResult error = JudgeErrors.of(name, threshold, Direction.AT_LEAST, why);
      List<Evidence> evidence = new ArrayList<>(error.evidence());
      evidence.add(QualityEvidence.scale(min, max));
      return new CheckResult(error.check(), false, error.score(), error.threshold(),
          error.direction(), evidence, error.message());
    }
    return verdict(output, graded, errors.size(), model);
  }

  private CheckResult verdict(String output, List<Verdicts.Graded> graded, int failedSamples,
      String model) {
    double sum = 0;
    for (Verdicts.Graded g : graded) {
      sum += g.score();
    }
    double mean = sum / graded.size();
    boolean passed = mean >= threshold;
    Verdicts.Graded first = graded.get(0);
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence(0, 0, first.reason(), "judge-reason",
        "judge " + model + " scored " + Verdicts.num(first.score()) + " / " + Verdicts.num(max)));
    StringBuilder quoted = new StringBuilder();
    for (String q : first.quotes()) {
      String quote = q.strip();
      int at = quote.isEmpty() ? -1 : output.indexOf(quote);
      if (at >= 0) {
        Evidence e = Evidence.of(output, at, at + quote.length(), "judge-quote", "quoted by the judge");
        evidence.add(e);
        quoted.append("; quoted: ").append(e.describeIn(output));
      } else if (!quote.isEmpty()) {
        quoted.append("; quoted (not found in the output): \"")
            .append(io.github.evals4j.internal.Texts.abbreviate(quote, 120)).append('"');
      }
    }
    StringBuilder m = new StringBuilder(name).append(": score ").append(format(mean))
        .append(" / ").append(Verdicts.num(max)).append(passed ? " \u2265 " : " < ")
        .append("threshold ").append(Verdicts.num(threshold)).append(" (scale ")
        .append(Verdicts.num(min)).append('\u2013').append(Verdicts.num(max)).append(", judge ")
        .append(model).append(')');
    evidence.add(QualityEvidence.scale(min, max));
    if (samples > 1) {
      double var = 0;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (Verdicts.Graded g : graded) {
        var += (g.score() - mean) * (g.score() - mean);
        lo = Math.min(lo, g.score());
        hi = Math.max(hi, g.score());
      }
      double sd = graded.size() > 1 ? Math.sqrt(var / (graded.size() - 1)) : 0;
      evidence.add(QualityEvidence.samples(graded.size(), sd));
      m.append(", mean of ").append(graded.size()).append(" samples, sd ").append(format(sd))
          .append(", range ").append(Verdicts.num(lo)).append('\u2013').append(Verdicts.num(hi));
      if (failedSamples > 0) {
        m.append(", ").append(failedSamples).append(" judge error(s) left out");
      }
    }
    m.append(": \"").append(io.github.evals4j.internal.Texts.abbreviate(first.reason(), 300))
        .append('"').append(quoted);
    return new CheckResult(name, passed, mean, threshold, Direction.AT_LEAST, evidence,
        m.toString());
  }

  String systemPrompt() {
    StringBuilder s = new StringBuilder()
        .append("You are an impartial evaluator. Grade the OUTPUT against the criteria below on a ")
        .append("scale from ").append(Verdicts.num(min)).append(" (worst) to ")
        .append(Verdicts.num(max)).append(" (best).\n\nCriteria:\n").append(criteria).append('\n');
    if (!steps.isEmpty()) {
      s.append("\nEvaluation steps:\n");
      for (int i = 0; i < steps.size(); i++) {
        s.append(i + 1).append(". ").append(steps.get(i)).append('\n');
      }
    }
    return s.append("\nReply with JSON only: {\"score\": <number from ").append(Verdicts.num(min))
        .append(" to ").append(Verdicts.num(max)).append(">, \"reason\": \"<one or two sentences>\", ")
        .append("\"quotes\": [\"<exact spans copied from the OUTPUT that justify the score>\"]}")
        .toString();
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Verdicts.num(v) : String.format(Locale.ROOT, "%.2f", v);
  }

  static String digest(String output, String context) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(output.getBytes(StandardCharsets.UTF_8));
      if (context != null) {
        md.update((byte) 0);
        md.update(context.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
