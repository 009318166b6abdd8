package io.github.evals4j.junit.dataset;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.evals4j.dataset.EvalCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class DatasetSourceTest {

  static class Fixtures {
    @ParameterizedTest(name = "{0}")
    @DatasetSource("datasets/three.jsonl")
    void every_case(EvalCase c) {
      if (c.input("text").equals("beta")) {
        throw new AssertionError("beta fails");
      }
    }

    @ParameterizedTest(name = "{0}")
    @DatasetSource(value = "datasets/three.jsonl", ids = {"c3", "c1"})
    void selected(EvalCase c) {}

    @ParameterizedTest(name = "{0}")
    @DatasetSource(value = "datasets/three.jsonl", limit = 1)
    void limited(EvalCase c) {}
  }

  static class LongIds {
    @ParameterizedTest(name = "{0}")
    @DatasetSource("datasets/long-ids.jsonl")
    void every_case(EvalCase c) {}
  }

  static class TooLarge {
    @ParameterizedTest
    @DatasetSource(value = "datasets/three.jsonl", maxBytes = 10)
    void limited(EvalCase c) {}
  }

  static class ConfiguredLimit {
    @ParameterizedTest
    @DatasetSource("datasets/three.jsonl")
    void configured(EvalCase c) {}
  }

  static class Broken {
    @ParameterizedTest
    @DatasetSource("datasets/broken.jsonl")
    void broken(EvalCase c) {}
  }

  private static Events run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("evals4j.environment", "none")
        .selectors(selectClass(fixture)).execute()
        .testEvents();
  }

  @Test
  void should_run_one_invocation_per_case_named_by_its_id() {
    Events events = run(Fixtures.class);
    events.assertStatistics(s -> s.started(6).succeeded(5).failed(1));
    events.assertThatEvents().haveExactly(1,
        event(test(), displayName("c2"), finishedWithFailure(message("beta fails"))));
    events.started().assertThatEvents()
        .haveExactly(1, event(test("selected"), displayName("c1")))
        .haveExactly(1, event(test("selected"), displayName("c3")))
        .haveExactly(1, event(test("limited"), displayName("c1")));
  }

  @Test
  void should_fail_with_file_and_line_of_a_malformed_case() {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("evals4j.environment", "none")
        .selectors(selectClass(Broken.class)).execute()
        .containerEvents()
        .assertThatEvents()
        .haveExactly(1, event(finishedWithFailure(
            message(m -> m.contains("malformed case at datasets/broken.jsonl:2")))));
  }

  @Test
  void should_cap_long_case_ids_in_display_names_and_keep_them_distinct() {
    // GIVEN two ids of more than 150 characters that share their first 124
    Events events = run(LongIds.class);
    events.assertStatistics(s -> s.started(3).succeeded(3));
    java.util.List<String> names = events.started().stream()
        .map(e -> e.getTestDescriptor().getDisplayName()).toList();
    // THEN each long one is its first 90 code points, "…#" and 8 hex digits; short ids unchanged
    org.assertj.core.api.Assertions.assertThat(names).hasSize(3).doesNotHaveDuplicates()
        .contains("short")
        .allSatisfy(name -> org.assertj.core.api.Assertions.assertThat(
            name.codePointCount(0, name.length())).isLessThanOrEqualTo(100));
    org.assertj.core.api.Assertions.assertThat(names).filteredOn(n -> !n.equals("short"))
        .allSatisfy(name -> org.assertj.core.api.Assertions.assertThat(name)
            .startsWith("summarize-the-quarterly-incident-report-for-the-payments-team-")
            .matches(".{90}\u2026#[0-9a-f]{8}"));
  }

  @Test
  void should_name_a_forty_thousand_character_id_in_a_hundred_code_points_the_same_every_time() {
    String id = "\uD83D\uDE80".repeat(20_000) + "x".repeat(40_000);
    String name = DatasetArgumentsProvider.displayName(id);
    org.assertj.core.api.Assertions.assertThat(name.codePointCount(0, name.length())).isEqualTo(100);
    org.assertj.core.api.Assertions.assertThat(name).startsWith("\uD83D\uDE80".repeat(90))
        .isEqualTo(DatasetArgumentsProvider.displayName(id))
        .isNotEqualTo(DatasetArgumentsProvider.displayName(id + "y"));
    org.assertj.core.api.Assertions.assertThat(DatasetArgumentsProvider.displayName("x".repeat(100)))
        .isEqualTo("x".repeat(100));
  }

  @Test
  void should_refuse_a_dataset_larger_than_max_bytes_from_the_annotation_or_the_configuration() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(TooLarge.class)).execute()
        .containerEvents().assertThatEvents()
        .haveExactly(1, event(finishedWithFailure(message(m -> m.equals("dataset"
            + " datasets/three.jsonl is longer than 10 bytes, more than the limit of 10 bytes;"
            + " raise it with Datasets.load(path, maxBytes), @DatasetSource(maxBytes = ...) or"
            + " the configuration parameter evals4j.dataset.max-bytes")))));
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(ConfiguredLimit.class))
        .configurationParameter("evals4j.dataset.max-bytes", "20").execute()
        .containerEvents().assertThatEvents()
        .haveExactly(1, event(finishedWithFailure(
            message(m -> m.contains("more than the limit of 20 bytes")))));
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(ConfiguredLimit.class))
        .configurationParameter("evals4j.dataset.max-bytes", "lots").execute()
        .containerEvents().assertThatEvents()
        .haveExactly(1, event(finishedWithFailure(message(m -> m.contains(
            "'evals4j.dataset.max-bytes' has the value 'lots'; allowed: a number of bytes >= 1")))));
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(ConfiguredLimit.class))
        .configurationParameter("evals4j.dataset.max-bytes", "1_000_000").execute()
        .testEvents().assertStatistics(st -> st.started(3).succeeded(3));
  }
}
