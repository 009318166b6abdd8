package io.github.evals4j.sample.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.aggregate.AggregationOptions;
import io.github.evals4j.aggregate.CaseStats;
import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.Comparisons;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.aggregate.Verdict;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.cost.PriceTable;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.llm.responses.LlmResponses;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The findings the fixtures are designed to show, computed the way the run report computes them:
 * every fixture answer (v1, v2 and the regressed v3, both models) goes through the task's checks
 * into evals4j's {@link RunAggregator} with the usage the fixture server serves, then versions are
 * compared with {@link Comparisons}. A change in any check, in the aggregation, the statistics or
 * the price table that moves a finding fails here, naming it.
 */
class FindingsTest {

  private static final Map<PromptRef, PromptStats> STATS = new HashMap<>();

  @BeforeAll
  static void evaluate_every_fixture_answer() {
    assumeTrue(LlmEndpoint.live().isEmpty(), "the findings are those of the fixture answers");
    RunAggregator run = new RunAggregator(AggregationOptions.defaults(), PriceTable.bundled());
    for (String id : FixtureGenerator.PROMPTS) {
      Map<String, JsonNode> served = servedCompletions(id);
      List<String> versions = new ArrayList<>(Evaluation.VERSIONS);
      if (Evaluation.REGRESSED.containsKey(id)) {
        versions.add(Evaluation.REGRESSED.get(id));
      }
      List<String> platforms = id.equals("social-post") ? List.of("X", "LinkedIn") : List.of("");
      for (String version : versions) {
        for (String model : LlmEndpoint.models(id)) {
          for (EvalCase c : Evaluation.dataset(id)) {
            for (String platform : platforms) {
              record(run, Evaluation.of(new PromptRef(id, version, model), version, c, platform), served);
            }
          }
        }
      }
    }
    run.snapshot().forEach(s -> STATS.put(s.prompt(), s));
  }

  private static void record(RunAggregator run, Evaluation e, Map<String, JsonNode> served) {
    Attribution at = Attribution.of(e.prompt(), e.caseId());
    Answer answer = e.answer().orElseThrow();
    if (answer.expectedError().isPresent()) {
      // what the eval test records when the body cannot be read: a call without usage, a failure
      run.recordCall(at, LlmCall.builder("openai", e.prompt().model())
          .error(answer.expectedError().get()).replayed(true).build());
      run.recordCheck(at, CheckResult.of(Evaluation.RESPONSE_CHECK, false, List.of(), "no answer"));
      return;
    }
    JsonNode completion = served.get(answer.key(e.prompt().model()));
    assertThat(completion).as("served completion of %s", e).isNotNull();
    run.recordCall(at, LlmResponses.openAi(completion.toString()).replayed(true).build());
    for (Check check : TaskChecks.of(e)) {
      run.recordCheck(at, check.evaluate(answer.content()), answer.content());
    }
  }

  /** Mapping name (the answer key) to the chat completion WireMock serves for it. */
  private static Map<String, JsonNode> servedCompletions(String promptId) {
    String resource = FixtureGenerator.MAPPINGS + promptId + ".json";
    try (InputStream in = FindingsTest.class.getClassLoader().getResourceAsStream(resource)) {
      Map<String, JsonNode> served = new HashMap<>();
      for (JsonNode m : Jsonl.JSON.readTree(in).path("mappings")) {
        if (m.path("response").has("jsonBody") && m.path("response").path("status").asInt() == 200) {
          served.put(m.path("name").asText().replace(" (after 429)", ""), m.path("response").path("jsonBody"));
        }
      }
      return served;
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  private static PromptStats stats(String id, String version, String model) {
    PromptStats s = STATS.get(new PromptRef(id, version, model));
    assertThat(s).as("stats of %s@%s/%s", id, version, model).isNotNull();
    return s;
  }

  private static List<String> failingCases(PromptStats s) {
    return s.caseOutcomes().stream().filter(c -> c.passed() == 0).map(CaseStats::id).toList();
  }

  @ParameterizedTest(name = "{0} {2}: {1} vs v1 on {3} -> {4}")
  @CsvSource({
      // prompt,            candidate, model,        verdict,          p-value (McNemar mid-p, paired cases)
      "feature-extraction,  v2, gpt-4o-mini,  CANDIDATE_BETTER, 0.000244",
      "feature-extraction,  v2, gpt-4.1-mini, CANDIDATE_BETTER, 0.000244",
      "browser-test,        v2, gpt-4o-mini,  NOT_SIGNIFICANT,  0.21875",
      "browser-test,        v2, gpt-4.1-mini, NOT_SIGNIFICANT,  0.125",
      "log-analysis,        v2, gpt-4o-mini,  CANDIDATE_BETTER, 0.0390625",
      "log-analysis,        v2, gpt-4.1-mini, CANDIDATE_BETTER, 0.03125",
      "variant-suggestions, v2, gpt-4o-mini,  CANDIDATE_BETTER, 0.0078125",
      "variant-suggestions, v2, gpt-4.1-mini, CANDIDATE_BETTER, 0.015625",
      "social-post,         v2, gpt-4o-mini,  CANDIDATE_BETTER, 0.001953",
      "social-post,         v2, gpt-4.1-mini, CANDIDATE_BETTER, 0.001953",
  })
  void should_find_v2_better_only_where_the_difference_is_more_than_noise(
      String id, String candidate, String model, Verdict verdict, double p) {
    // WHEN
    Comparison c = Comparisons.compare(stats(id, "v1", model), stats(id, candidate, model), 0.2);
    // THEN
    assertThat(c.test()).isEqualTo("mcnemar-mid-p");
    assertThat(c.verdict()).as(c.summary()).isEqualTo(verdict);
    assertThat(c.pValue()).as(c.summary()).isCloseTo(p, within(0.000001));
    assertThat(c.moreCasesNeeded().isPresent()).as(c.summary())
        .isEqualTo(verdict == Verdict.NOT_SIGNIFICANT);
  }

  @ParameterizedTest(name = "{0}@{1}/{2}: {3} of {4} runs pass")
  @CsvSource({
      "feature-extraction,  v1, gpt-4o-mini,   0, 12",
      "feature-extraction,  v2, gpt-4o-mini,  12, 12",
      "browser-test,        v1, gpt-4o-mini,   8, 12",
      "browser-test,        v2, gpt-4o-mini,  11, 12",
      "browser-test,        v1, gpt-4.1-mini,  9, 12",
      "browser-test,        v2, gpt-4.1-mini, 12, 12",
      "log-analysis,        v1, gpt-4o-mini,   5, 12",
      "log-analysis,        v2, gpt-4o-mini,  11, 12",
      "log-analysis,        v1, gpt-4.1-mini,  7, 12",
      "log-analysis,        v3, gpt-4.1-mini,  5, 12",
      "variant-suggestions, v1, gpt-4o-mini,   4, 12",
      "variant-suggestions, v1, gpt-4.1-mini,  6, 12",
      "social-post,         v1, gpt-4o-mini,  15, 24",
      "social-post,         v2, gpt-4o-mini,  24, 24",
  })
  void should_count_passing_runs_as_designed(String id, String version, String model, long passed, long runs) {
    // WHEN
    PromptStats s = stats(id, version, model);
    // THEN
    assertThat(s.runs()).isEqualTo(runs);
    assertThat(s.passedRuns()).as(s.prompt().label()).isEqualTo(passed);
    assertThat(s.passRateInterval().lower()).isLessThanOrEqualTo(s.passRate());
  }

  @Test
  void should_name_the_cases_that_fail_each_check() {
    // invented selectors, invented figures, a misspelled test id, a slip of v2, the social posts
    assertThat(failingCases(stats("browser-test", "v1", "gpt-4o-mini")))
        .containsExactly("bt-01", "bt-04", "bt-06", "bt-09");
    assertThat(failingCases(stats("browser-test", "v2", "gpt-4o-mini"))).containsExactly("bt-08");
    assertThat(failingCases(stats("log-analysis", "v1", "gpt-4o-mini")))
        .containsExactly("la-01", "la-02", "la-04", "la-06", "la-08", "la-09", "la-12");
    assertThat(failingCases(stats("log-analysis", "v2", "gpt-4o-mini"))).containsExactly("la-10");
    assertThat(failingCases(stats("variant-suggestions", "v2", "gpt-4o-mini"))).containsExactly("vs-06");
    assertThat(failingCases(stats("social-post", "v1", "gpt-4o-mini"))).containsExactly(
        "sp-01/LinkedIn", "sp-02/X", "sp-04/X", "sp-05/X", "sp-06/LinkedIn", "sp-07/X", "sp-09/X",
        "sp-10/LinkedIn", "sp-11/X");
  }

  @Test
  void should_fail_the_designed_checks_per_version() {
    // WHEN
    PromptStats features = stats("feature-extraction", "v1", "gpt-4o-mini");
    PromptStats social = stats("social-post", "v1", "gpt-4o-mini");
    // THEN invalid JSON in 9 of 12 v1 answers, v1's own shape rejected by the schema in all 12
    assertThat(features.checks()).extracting(c -> c.name() + " " + c.passed() + "/" + c.results())
        .containsExactlyInAnyOrder("json.valid 3/12", "json.schema 0/12");
    // over-length X posts, a placeholder, a refusal, too many hashtags
    assertThat(social.checks()).extracting(c -> c.name() + " " + c.passed() + "/" + c.results())
        .containsExactlyInAnyOrder("platform.x 8/12", "length.hashtags.between 17/24",
            "content.placeholders 23/24", "content.refusal 23/24",
            "length.characters.between 12/12");
    assertThat(features.examples()).isNotEmpty()
        .allSatisfy(x -> assertThat(x.caseId()).startsWith("fe-"));
  }

  @Test
  void should_catch_invented_numbers_as_hallucinations() {
    // THEN v1 invents figures in 7 of 12 summaries, v2 in 1, the regressed v3 in 7 again
    assertThat(stats("log-analysis", "v1", "gpt-4o-mini").hallucinationRate()).hasValue(7 / 12.0);
    assertThat(stats("log-analysis", "v2", "gpt-4o-mini").hallucinationRate()).hasValue(1 / 12.0);
    assertThat(stats("log-analysis", "v3", "gpt-4o-mini").hallucinationRate()).hasValue(7 / 12.0);
  }

  @Test
  void should_find_the_regressed_prompt_significantly_worse_and_cheaper() {
    // WHEN
    Comparison c = Comparisons.compare(stats("log-analysis", "v2", "gpt-4.1-mini"),
        stats("log-analysis", "v3", "gpt-4.1-mini"), 0.2);
    // THEN
    assertThat(c.verdict()).as(c.summary()).isEqualTo(Verdict.BASELINE_BETTER);
    assertThat(c.pValue()).isCloseTo(0.0078125, within(0.000001));
    assertThat(c.costPerCaseDeltaUsd().getAsDouble()).isNegative();
    assertThat(c.regressions()).hasSize(7);
  }

  @Test
  void should_cost_what_the_served_token_counts_say() {
    // WHEN feature extraction, 12 cases: v2's prompt is twice as long, gpt-4.1-mini ~2.7x the price
    PromptStats v1Mini = stats("feature-extraction", "v1", "gpt-4o-mini");
    PromptStats v2Mini = stats("feature-extraction", "v2", "gpt-4o-mini");
    PromptStats v2Large = stats("feature-extraction", "v2", "gpt-4.1-mini");
    // THEN
    assertThat(v1Mini.tokens().inputTokens()).isEqualTo(1527);
    assertThat(v2Mini.tokens().inputTokens()).isEqualTo(3087);
    assertThat(v1Mini.applicationCost().totalUsd()).hasValueCloseTo(0.00178005, within(1e-9));
    assertThat(v2Mini.applicationCost().totalUsd()).hasValueCloseTo(0.00237825, within(1e-9));
    assertThat(v2Large.applicationCost().totalUsd()).hasValueCloseTo(0.006342, within(1e-9));
    assertThat(v2Mini.applicationCost().perCaseUsd()).hasValueCloseTo(0.00237825 / 12, within(1e-12));
  }

  @Test
  void should_report_the_cost_as_unknown_when_a_call_has_no_usage() {
    // WHEN vs-09 v1 on gpt-4.1-mini: the body is cut off, so its tokens are unknown
    PromptStats s = stats("variant-suggestions", "v1", "gpt-4.1-mini");
    // THEN unknown, never 0, with the known part kept
    assertThat(s.applicationCost().totalUsd()).isEmpty();
    assertThat(s.applicationCost().pricedCalls()).isEqualTo(11);
    assertThat(s.applicationCost().knownUsd()).isPositive();
  }
}
