package io.github.evals4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigKeysTest {

  @ParameterizedTest
  @CsvSource({
      "evals4j.sentry.sned, evals4j.sentry.send",
      "evals4j.report.dirr, evals4j.report.dir",
      "evals4j.repeat, evals4j.repeats",
      "evals4j.earlystop, evals4j.early-stop",
      "evals4j.gate.min-pass-rat, evals4j.gate.min-pass-rate",
      "evals4j.gate.summarize.min-pass-rat, evals4j.gate.summarize.min-pass-rate",
      "evals4j.gate.summarize@v2.max-halucination-rate, evals4j.gate.summarize@v2.max-hallucination-rate",
      "evals4j.budget.summarize.max-cost, evals4j.budget.summarize.max-cost-usd",
      "evals4j.price.gpt-4o.inputs, evals4j.price.gpt-4o.input",
      "evals4j.prompt.summarize.referense, evals4j.prompt.summarize.reference"})
  void should_name_the_closest_known_key_with_the_users_own_segment_kept(String typo, String closest) {
    assertThat(ConfigKeys.find(typo)).isEmpty();
    assertThat(ConfigKeys.closest(typo)).isEqualTo(closest);
    assertThat(ConfigKeys.find(closest)).isPresent();
  }

  @Test
  void should_know_family_members_and_only_them() {
    assertThat(ConfigKeys.find("evals4j.gate.min-pass-rate")).contains(ConfigKeys.GATE_MIN_PASS_RATE);
    assertThat(ConfigKeys.find("evals4j.gate.summarize.min-pass-rate")).contains(ConfigKeys.GATE_MIN_PASS_RATE);
    assertThat(ConfigKeys.find("evals4j.gate.summarize@v1.2.min-case-pass-rate"))
        .contains(ConfigKeys.GATE_MIN_CASE_PASS_RATE);
    assertThat(ConfigKeys.find("evals4j.price.gpt-4o.cached-input")).contains(ConfigKeys.PRICE_CACHED_INPUT);
    assertThat(ConfigKeys.find("evals4j.prompt.summarize.reference")).contains(ConfigKeys.PROMPT_REFERENCE);
    assertThat(ConfigKeys.find("evals4j.budget.max-duration")).contains(ConfigKeys.BUDGET_MAX_DURATION);
    assertThat(ConfigKeys.find("evals4j.price.input")).isEmpty();           // <model> is required
    assertThat(ConfigKeys.find("evals4j.prompt.reference")).isEmpty();      // <prompt id> is required
    assertThat(ConfigKeys.find("evals4j.gate..min-pass-rate")).isEmpty();
    assertThat(ConfigKeys.find("evals4j.gate.summarize.min-pass-rate.x")).isEmpty();
  }

  @Test
  void should_name_the_closest_environment_variable_and_gate_metric() {
    assertThat(ConfigKeys.isKnownEnv("EVALS4J_SENTRY_DSN")).isTrue();
    assertThat(ConfigKeys.isKnownEnv("EVALS4J_SENTRY_DNS")).isFalse();
    assertThat(ConfigKeys.closestEnv("EVALS4J_SENTRY_DNS")).isEqualTo("EVALS4J_SENTRY_DSN");
    assertThat(ConfigKeys.closestEnv("EVALS4J_REPLAY_MOD")).isEqualTo("EVALS4J_REPLAY_MODE");
    assertThat(ConfigKeys.closestGateMetric("min-pass")).isEqualTo("min-pass-rate");
    assertThat(ConfigKeys.closestGateMetric("max-p95-latency")).isEqualTo("max-p95-latency-ms");
  }

  @Test
  void should_list_every_key_constant_once_with_a_type_a_default_and_a_doc_line() throws Exception {
    List<ConfigKeys.Key> constants = new ArrayList<>();
    for (Field f : ConfigKeys.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigKeys.Key.class) {
        constants.add((ConfigKeys.Key) f.get(null));
      }
    }
    assertThat(ConfigKeys.all()).containsExactlyInAnyOrderElementsOf(constants);
    assertThat(ConfigKeys.all()).allSatisfy(k -> {
      assertThat(k.name()).startsWith(ConfigKeys.PREFIX);
      assertThat(k.type()).isNotBlank();
      assertThat(k.defaultValue()).isNotBlank();
      assertThat(k.doc()).isNotBlank().doesNotContain("\n");
    });
    assertThat(ConfigKeys.gateMetrics()).startsWith("min-pass-rate").contains("min-case-pass-rate")
        .hasSize(13);
  }

  @Test
  void should_compare_a_huge_key_on_a_bounded_prefix() {
    // GIVEN a hostile 1 MB key (a system property can be anything)
    String huge = "evals4j.sentry.send" + "x".repeat(1_000_000);

    // WHEN / THEN: edit distance on at most 200 characters each, so this is quick and bounded
    assertThat(ConfigKeys.closest(huge)).startsWith("evals4j.sentry.send");
    assertThat(ConfigKeys.find(huge)).isEmpty();
  }
}
