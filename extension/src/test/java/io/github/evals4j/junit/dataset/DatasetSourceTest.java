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
}
