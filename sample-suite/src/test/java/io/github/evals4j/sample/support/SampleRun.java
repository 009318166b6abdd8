package io.github.evals4j.sample.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.evals4j.assertions.Check;
import io.github.evals4j.assertions.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.sample.llm.LlmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One evaluation of a prompt: a version, a model, a dataset case (and a platform for social
 * posts), plus, when the fixtures answer, the verdicts that answer was designed to get.
 *
 * @param promptId the prompt id
 * @param version the prompt version
 * @param model the model
 * @param dataset the case
 * @param platform the platform, empty for tasks without one
 * @param answer the fixture answer, empty in live mode
 */
public record SampleRun(
    String promptId, String version, String model, DatasetCase dataset, String platform,
    Optional<Answer> answer) {

  /** The prompt versions every task has. */
  public static final List<String> VERSIONS = List.of("v1", "v2");

  /** System property that adds the regressed prompt versions ({@link #REGRESSED}) to the runs. */
  public static final String REGRESSED_SWITCH = "evals4j.sample.regressed";

  /** Per prompt, a version that regresses: log-analysis v3 shortens v2 and invents numbers again. */
  public static final Map<String, String> REGRESSED = Map.of("log-analysis", "v3");

  /** The versions a run of {@code promptId} evaluates. */
  public static List<String> versions(String promptId) {
    List<String> versions = new ArrayList<>(VERSIONS);
    if (Boolean.getBoolean(REGRESSED_SWITCH) && REGRESSED.containsKey(promptId)) {
      versions.add(REGRESSED.get(promptId));
    }
    return versions;
  }

  /** Every run of {@code promptId}: versions x models x cases (x platforms). */
  public static Stream<SampleRun> all(String promptId, String... platforms) {
    boolean replay = LlmEndpoint.live().isEmpty();
    Map<String, Answer> answers = new HashMap<>();
    if (replay) {
      Answer.load(promptId).forEach(a -> a.models().forEach(m -> answers.put(a.key(m), a)));
    }
    List<String> variants = platforms.length == 0 ? List.of("") : List.of(platforms);
    List<SampleRun> runs = new ArrayList<>();
    for (String version : versions(promptId)) {
      for (String model : LlmEndpoint.models(promptId)) {
        for (DatasetCase c : DatasetCase.load(promptId)) {
          for (String platform : variants) {
            String key = promptId + " " + version + " " + model + " " + c.id()
                + (platform.isEmpty() ? "" : " " + platform);
            runs.add(new SampleRun(promptId, version, model, c, platform,
                Optional.ofNullable(answers.get(key))));
          }
        }
      }
    }
    return runs.stream();
  }

  /** The case id, shown to the model as its reference. */
  public String caseId() {
    return dataset.id();
  }

  /** An input field of the case. */
  public String in(String field) {
    return dataset.in(field);
  }

  /** The case's grounding sources joined. */
  public String sources() {
    return String.join("\n", dataset.sources());
  }

  /**
   * Asks the application. When the fixture answer is designed to break the call (a malformed
   * body), asserts that the call fails with that {@link LlmException.Kind} and returns
   * {@code null}; any other failure propagates.
   */
  public String ask(Supplier<String> call) {
    Optional<String> expectedError = answer.flatMap(Answer::expectedError);
    if (expectedError.isPresent()) {
      LlmException e = catchThrowableOfType(LlmException.class, call::get);
      assertThat(e).as("%s: the fixture is designed to fail with %s", this, expectedError.get())
          .isNotNull();
      assertThat(e.kind().name()).as("%s: %s", this, e.getMessage()).isEqualTo(expectedError.get());
      return null;
    }
    return call.get();
  }

  /**
   * Evaluates {@code checks} without throwing (each result goes to the recording hook, where the
   * reports pick it up); with fixtures, asserts that exactly the designed checks fail.
   */
  public List<CheckResult> verify(String output, Check... checks) {
    if (answer.flatMap(Answer::expectedError).isPresent()) {
      return List.of();
    }
    assertThat(output).as("%s: answer", this).isNotNull();
    List<CheckResult> results = Stream.of(checks).map(c -> Checks.evaluate(c, output)).toList();
    answer.flatMap(Answer::expectedFailures).ifPresent(expected -> {
      List<String> failed = results.stream().filter(r -> !r.passed()).map(CheckResult::check).toList();
      assertThat(failed)
          .as("%s (%s): failing checks; results:%n%s", this, answer.get().where(), describe(results))
          .containsExactlyInAnyOrderElementsOf(expected);
    });
    return results;
  }

  private static String describe(List<CheckResult> results) {
    StringBuilder b = new StringBuilder();
    results.forEach(r -> b.append("  ").append(r.passed() ? "pass " : "FAIL ").append(r.check())
        .append(": ").append(r.message()).append('\n'));
    return b.toString();
  }

  @Override
  public String toString() {
    return version + " " + model + " " + dataset.id() + (platform.isEmpty() ? "" : " " + platform);
  }
}
