package io.github.evals4j.sample.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.dataset.Datasets;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.junit.prompt.Prompts;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.sample.llm.LlmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One evaluation of a prompt: a version and model ({@link PromptRef}), a dataset case (and a
 * platform for social posts), plus, when the fixtures answer, the verdicts that answer was
 * designed to get.
 *
 * <p>An eval test gets its {@link PromptRef} from the class's {@code @ParameterizedClass} and its
 * {@link EvalCase} from {@code @DatasetSource}, then {@link #ask asks} the application and
 * {@link #verify evaluates} the task's checks without throwing: a case that fails a check is a
 * finding for the report, not a broken build. With fixtures, {@link #verify} asserts that exactly
 * the designed checks fail, so a regression in any evals4j check fails the build.
 *
 * @param prompt the prompt id, version and model
 * @param evalCase the dataset case
 * @param platform the platform, empty for tasks without one
 * @param answer the fixture answer, empty in live mode
 */
public record Evaluation(PromptRef prompt, EvalCase evalCase, String platform, Optional<Answer> answer) {

  /** The prompt versions every task has. */
  public static final List<String> VERSIONS = List.of("v1", "v2");

  /**
   * System property that simulates a regression: the application runs the {@link #REGRESSED}
   * prompt text where the run says v2, as if someone had edited {@code v2.prompt} in place.
   */
  public static final String REGRESSED_SWITCH = "evals4j.sample.regressed";

  /** Per prompt, the text that regresses v2: log-analysis v3 shortens v2 and invents numbers again. */
  public static final Map<String, String> REGRESSED = Map.of("log-analysis", "v3");

  private static final String EDITED_IN_PLACE = "v2";

  /** The check name recorded, failed, when the model's response could not be read at all. */
  public static final String RESPONSE_CHECK = "llm.response";

  private static final Map<String, Map<String, Answer>> ANSWERS = new ConcurrentHashMap<>();

  /**
   * The prompt file the application runs for {@code prompt}: its version, except for v2 of a
   * prompt in {@link #REGRESSED} when {@value #REGRESSED_SWITCH} is on.
   */
  public static String appVersion(PromptRef prompt) {
    if (Boolean.getBoolean(REGRESSED_SWITCH) && EDITED_IN_PLACE.equals(prompt.version())
        && REGRESSED.containsKey(prompt.id())) {
      return REGRESSED.get(prompt.id());
    }
    return prompt.version();
  }

  /** Every version × model {@code promptId} is evaluated with: the eval classes' parameters. */
  public static Stream<PromptRef> prompts(String promptId) {
    List<PromptRef> prompts = new ArrayList<>();
    for (String version : VERSIONS) {
      for (String model : LlmEndpoint.models(promptId)) {
        prompts.add(new PromptRef(promptId, version, model));
      }
    }
    return prompts.stream();
  }

  /** The dataset of {@code promptId}, as {@code @DatasetSource} reads it. */
  public static List<EvalCase> dataset(String promptId) {
    return Datasets.loadResource(datasetResource(promptId));
  }

  /** The classpath resource of {@code promptId}'s dataset. */
  public static String datasetResource(String promptId) {
    return "datasets/" + promptId + ".jsonl";
  }

  /** Every evaluation of {@code promptId}: versions × models × cases (× platforms). */
  public static Stream<Evaluation> all(String promptId, String... platforms) {
    List<String> variants = platforms.length == 0 ? List.of("") : List.of(platforms);
    List<EvalCase> cases = dataset(promptId);
    return prompts(promptId).flatMap(p -> cases.stream()
        .flatMap(c -> variants.stream().map(platform -> of(p, c, platform))));
  }

  /** The evaluation of case {@code c} by {@code prompt}. */
  public static Evaluation of(PromptRef prompt, EvalCase c) {
    return of(prompt, c, "");
  }

  /** The evaluation of case {@code c} on {@code platform} by {@code prompt}. */
  public static Evaluation of(PromptRef prompt, EvalCase c, String platform) {
    return of(prompt, appVersion(prompt), c, platform);
  }

  /**
   * The evaluation of case {@code c} on {@code platform} by {@code prompt}, with the fixture answer
   * of the prompt file {@code appVersion}.
   */
  public static Evaluation of(PromptRef prompt, String appVersion, EvalCase c, String platform) {
    Optional<Answer> answer = Optional.empty();
    if (LlmEndpoint.live().isEmpty()) {
      String key = prompt.id() + " " + appVersion + " " + prompt.model() + " " + c.id()
          + (platform.isEmpty() ? "" : " " + platform);
      answer = Optional.ofNullable(answers(prompt.id()).get(key));
    }
    return new Evaluation(prompt, c, platform, answer);
  }

  private static Map<String, Answer> answers(String promptId) {
    return ANSWERS.computeIfAbsent(promptId, id -> {
      Map<String, Answer> byKey = new HashMap<>();
      Answer.load(id).forEach(a -> a.models().forEach(m -> byKey.put(a.key(m), a)));
      return byKey;
    });
  }

  /** The case's input fields as text, for rendering a prompt template. */
  public static Map<String, String> inputs(EvalCase c) {
    Map<String, String> fields = new TreeMap<>();
    c.input().properties().forEach(e -> fields.put(e.getKey(), c.input(e.getKey())));
    return fields;
  }

  /** The prompt file the application runs, see {@link #appVersion(PromptRef)}. */
  public String appVersion() {
    return appVersion(prompt);
  }

  /**
   * Attributes the current test invocation to this evaluation's prompt version, model and case,
   * so its check results and LLM calls land in the right row of the report (a no-op outside the
   * evals4j extension).
   */
  public Evaluation attribute() {
    Prompts.use(prompt);
    Prompts.evalCase(caseId());
    return this;
  }

  /** The case id as the report keys it: with the platform for social posts ({@code sp-03/X}). */
  public String caseId() {
    return platform.isEmpty() ? evalCase.id() : evalCase.id() + "/" + platform;
  }

  /** An input field of the case. */
  public String in(String field) {
    return evalCase.input(field);
  }

  /**
   * Asks the application. When the fixture answer is designed to break the call (a malformed
   * body), asserts that the call fails with that {@link LlmException.Kind}, records a failed
   * {@value #RESPONSE_CHECK} result (a case without an answer fails in the report) and returns
   * {@code null}; any other failure propagates.
   */
  public String ask(Supplier<String> call) {
    Optional<String> expectedError = answer.flatMap(Answer::expectedError);
    if (expectedError.isPresent()) {
      LlmException e = catchThrowableOfType(LlmException.class, call::get);
      assertThat(e).as("%s: the fixture is designed to fail with %s", this, expectedError.get())
          .isNotNull();
      assertThat(e.kind().name()).as("%s: %s", this, e.getMessage()).isEqualTo(expectedError.get());
      Recording.check(CheckResult.of(RESPONSE_CHECK, false, List.of(),
          RESPONSE_CHECK + ": the call failed: " + e.getMessage()));
      return null;
    }
    return call.get();
  }

  /**
   * Evaluates {@code checks} with {@link Checks#evaluate}, which never throws and hands each
   * result to the test's recorder (the report, the gates, Sentry); with fixtures, asserts that
   * exactly the designed checks fail.
   */
  public List<CheckResult> verify(String output, List<Check> checks) {
    if (answer.flatMap(Answer::expectedError).isPresent()) {
      return List.of();
    }
    assertThat(output).as("%s: answer", this).isNotNull();
    List<CheckResult> results = checks.stream().map(c -> Checks.evaluate(c, output)).toList();
    // The task's quality rubric (informational, see QualityRubrics): the report's quality score.
    if (answer.isPresent() || LlmEndpoint.live().isPresent()) {
      io.github.evals4j.sample.quality.QualityRubrics.grade(prompt.id(), output);
    }
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
    return prompt.label() + " " + caseId();
  }
}
