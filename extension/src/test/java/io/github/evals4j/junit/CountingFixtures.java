package io.github.evals4j.junit;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junitpioneer.jupiter.RetryingTest;

/** Every kind of invocation Surefire counts, run by the tests, never on their own. */
final class CountingFixtures {

  private CountingFixtures() {}

  /**
   * 12 tests as Surefire counts them, one of them retried once: a plain test, three repetitions
   * (the second fails), four parameterized invocations, two dynamic tests, a retried test that
   * fails once then passes (flaky), a disabled test.
   */
  @Evals4j
  static class EveryKind {
    static final AtomicInteger RETRIED_CALLS = new AtomicInteger();

    @Test
    void plain() {}

    @RepeatedTest(3)
    void repeated(RepetitionInfo info) {
      if (info.getCurrentRepetition() == 2) {
        throw new AssertionError("the second repetition fails");
      }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void parameterized(int n) {}

    @TestFactory
    Stream<DynamicTest> dynamic() {
      return Stream.of(dynamicTest("a", () -> {}), dynamicTest("b", () -> {}));
    }

    @RetryingTest(3)
    void retried() {
      if (RETRIED_CALLS.incrementAndGet() == 1) {
        throw new AssertionError("the first attempt fails");
      }
    }

    @Test
    @Disabled("not today")
    void disabled() {}
  }
}
