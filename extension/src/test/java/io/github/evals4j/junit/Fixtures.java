package io.github.evals4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junitpioneer.jupiter.RetryingTest;

/** Test classes run by the tests through EngineTestKit or the Launcher, never on their own. */
final class Fixtures {

  private Fixtures() {}

  @Evals4j
  static class Lifecycle {
    @BeforeAll
    static void startServer() {}

    @BeforeEach
    void setUp() {}

    @Test
    @Tag("fast")
    void passes() {}

    @Test
    void fails() {
      assertEquals(1, 2, "one is not two");
    }

    @Test
    void aborts() {
      assumeTrue(false, "not today");
    }

    @Test
    @Disabled("broken upstream")
    void disabled() {}

    @AfterEach
    void tearDown() {}

    @AfterAll
    static void stopServer() {}
  }

  /** Phases that throw: timings must still be recorded. */
  @Evals4j
  static class ThrowingPhases {
    @BeforeEach
    void setUp(TestInfo info) {
      if (info.getDisplayName().startsWith("setupFails")) {
        throw new IllegalStateException("setup broke");
      }
    }

    @Test
    void setupFails() {}

    @Test
    void teardownFails() {}

    @AfterEach
    void tearDown(TestInfo info) {
      if (info.getDisplayName().startsWith("teardownFails")) {
        throw new IllegalStateException("teardown broke");
      }
    }
  }

  @Evals4j
  @ParameterizedClass
  @ValueSource(strings = {"v1", "v2"})
  static class ClassTemplate {
    @Parameter
    String version;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void parameterized(int n) {}
  }

  @Evals4j
  static class Templates {
    @ParameterizedTest
    @ValueSource(strings = {"alpha", "beta"})
    void parameterized(String word) {}

    @RepeatedTest(3)
    void repeated() {}

    @TestFactory
    Stream<DynamicTest> dynamic() {
      return Stream.of(dynamicTest("first", () -> {}), dynamicTest("second", () -> {
        throw new AssertionError("second is wrong");
      }));
    }

    @Nested
    class Inner {
      @Test
      void nestedTest() {}
    }
  }

  /** The class setup fails: no test runs. */
  @Evals4j
  static class BrokenSetup {
    @BeforeAll
    static void connect() {
      throw new IllegalStateException("no database");
    }

    @Test
    void neverRuns() {}
  }

  /** Auto-detection: no annotation. */
  static class Plain {
    @Test
    void detected() {}
  }

  /** The same test fails once, then passes on retry: flaky. */
  @Evals4j
  static class Flaky {
    static final AtomicInteger CALLS = new AtomicInteger();

    @RetryingTest(3)
    void sometimes() {
      if (CALLS.incrementAndGet() == 1) {
        throw new AssertionError("first attempt fails");
      }
    }

    @RepeatedTest(2)
    void stable() {}
  }

  /** A plain test that fails on its first run and passes when re-run (Surefire's rerun). */
  @Evals4j
  static class FailsOnce {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Test
    void wobbly() {
      if (CALLS.incrementAndGet() == 1) {
        throw new AssertionError("first run fails");
      }
    }
  }

  /** Four threads: each test tags and spans itself; nothing may cross over. */
  @Evals4j
  static class Parallel {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
    void worker(int n) throws InterruptedException {
      Evals4jTest test = Evals4jTest.current().orElseThrow();
      test.tag("worker", "w" + n);
      for (int i = 0; i < 3; i++) {
        try (Evals4jTest.Span span = Evals4jTest.span("work", "w" + n + " step " + i)) {
          span.data("worker", n);
          Thread.onSpinWait();
        }
        Recording.check(CheckResult.of("check-w" + n, true, List.of(), "ok"));
      }
    }
  }

  /** Records checks and an LLM call through the recording hook. */
  @Evals4j
  static class Recorded {
    @Test
    void callsModel() {
      Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini")
          .responseModel("gpt-4o-mini-2024-07-18")
          .inputTokens(812).cachedInputTokens(100).outputTokens(164).reasoningTokens(20)
          .startedAt(Instant.now().minusMillis(930)).latency(Duration.ofMillis(930))
          .finishReason("stop").build());
      Recording.check(new CheckResult("length.max_tokens", true, 164, 200, Direction.AT_MOST,
          List.of(), "164 tokens <= 200"));
      Recording.check(CheckResult.of("json.valid", false, List.of(), "not JSON at line 1"));
      Evals4jTest.current().orElseThrow().data("cart.items", 3);
    }
  }

  /** Many trivial tests (delivery and benchmark). */
  @Evals4j
  static class Many {
    static final int COUNT = 5_000;

    @TestFactory
    Stream<DynamicTest> many() {
      return IntStream.range(0, COUNT).mapToObj(i -> dynamicTest("t" + i, () -> {}));
    }
  }

  /** Enough tests that some envelopes are created after the endpoint's first answer. */
  @Evals4j
  static class Hundreds {
    static final int COUNT = 500;

    @TestFactory
    Stream<DynamicTest> hundreds() {
      return IntStream.range(0, COUNT).mapToObj(i -> dynamicTest("t" + i, () -> {}));
    }
  }

  /** Application code that uses the global Sentry, set up by the test (before the run). */
  @Evals4j
  static class AppUsesSentry {
    @Test
    void capturesMessage() {
      io.sentry.Sentry.captureMessage("from the app");
    }
  }

  /** Application code that sets up and closes the global Sentry itself, inside the run. */
  @Evals4j
  static class AppInitialisesSentry {
    static volatile String appDsn;

    @BeforeAll
    static void startApp() {
      io.sentry.Sentry.init(o -> o.setDsn(appDsn));
    }

    @Test
    void first() {
      io.sentry.Sentry.captureMessage("app message");
    }

    @Test
    void second() {}

    @AfterAll
    static void stopApp() {
      io.sentry.Sentry.close();
    }
  }

  /** Display names that change on every run. */
  @Evals4j
  static class UnstableNames {
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("objects")
    void withObject(Object o) {}

    static Stream<Object> objects() {
      return Stream.of(new Object());
    }
  }
}
