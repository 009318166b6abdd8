package io.github.evals4j.junit;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.junit.dataset.DatasetSource;
import io.github.evals4j.junit.prompt.Prompt;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;

/** Fixture classes of the configuration tests (run through {@link LauncherRun}, not directly). */
final class ConfigFixtures {

  /** What a fixture's body prints: a line said before it was said at the start of the run. */
  static final String BODY = "[fixture] body ran";

  private ConfigFixtures() {}

  /** Cases c1 and c2 pass, c3 and c4 fail; one check per invocation. */
  static void answer(EvalCase c, Set<String> passing) {
    System.err.println(BODY);
    boolean pass = passing.contains(c.id());
    Checks.evaluate(Check.of("answer.correct", out -> CheckResult.of("answer.correct", pass,
        List.of(), pass ? "" : "wrong answer: " + out)), "answer to " + c.id());
  }

  /** One prompt version over the four summary cases, half of them failing. */
  @Evals4j
  @Prompt(id = "summarize", version = "v1", model = "gpt-4o-mini")
  static class Probe {
    @ParameterizedTest
    @DatasetSource("datasets/summaries.jsonl")
    void run(EvalCase c) {
      answer(c, Set.of("c1", "c2"));
    }
  }

  /** The weaker version kept to compare against: half of its cases fail. */
  @Evals4j
  @Prompt(id = "summarize", version = "v1", model = "gpt-4o-mini", reference = true)
  static class ReferenceV1 {
    @ParameterizedTest
    @DatasetSource("datasets/summaries.jsonl")
    void run(EvalCase c) {
      answer(c, Set.of("c1", "c2"));
    }
  }

  /** The same weaker version, not marked. */
  @Evals4j
  @Prompt(id = "summarize", version = "v1", model = "gpt-4o-mini")
  static class PlainV1 {
    @ParameterizedTest
    @DatasetSource("datasets/summaries.jsonl")
    void run(EvalCase c) {
      answer(c, Set.of("c1", "c2"));
    }
  }

  /** The candidate, gated on its own annotation: three of four cases pass. */
  @Evals4j
  @Prompt(id = "summarize", version = "v2", model = "gpt-4o-mini", gates = "min-pass-rate=0.7")
  static class CandidateV2 {
    @ParameterizedTest
    @DatasetSource("datasets/summaries.jsonl")
    void run(EvalCase c) {
      answer(c, Set.of("c1", "c2", "c3"));
    }
  }

  /** A second reference for the same prompt id: a contradiction. */
  @Evals4j
  @Prompt(id = "summarize", version = "v0", model = "gpt-4o-mini", reference = true)
  static class OtherReference {
    @ParameterizedTest
    @DatasetSource("datasets/summaries.jsonl")
    void run(EvalCase c) {
      answer(c, Set.of("c1"));
    }
  }
}
