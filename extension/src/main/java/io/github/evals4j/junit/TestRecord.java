package io.github.evals4j.junit;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one test invocation did, handed to every {@link RunCollector} when the invocation ends:
 * identity, outcome, timing, and the checks and LLM calls recorded during it.
 *
 * @param runId the run this test belongs to
 * @param uniqueId the JUnit unique id of the invocation
 * @param name the stable name, {@code ClassName.method} (the Sentry transaction name)
 * @param suite the test class's fully qualified name
 * @param displayName the invocation's display name
 * @param invocation the invocation index path ({@code #2}), empty for plain tests
 * @param status the outcome
 * @param attempt 1 for the first attempt of a test in this run, 2 for its first retry...
 * @param flaky whether this attempt passed after an earlier attempt failed in this run
 * @param tags the JUnit {@code @Tag}s
 * @param startedAt when the invocation started ({@code @BeforeEach} included)
 * @param duration how long it took ({@code @BeforeEach} and {@code @AfterEach} included)
 * @param failure the failure's exception type and message, empty when it passed
 * @param checks the check results recorded during the test (capped; see {@code droppedRecords})
 * @param llmCalls the LLM calls recorded during the test (capped)
 * @param droppedRecords how many checks and calls were not kept because of the cap
 * @param traceId the Sentry trace id of the test's transaction, empty when Sentry is off
 * @param attribution the prompt version, case and repeat the checks and calls belong to
 */
public record TestRecord(
    String runId,
    String uniqueId,
    String name,
    String suite,
    String displayName,
    String invocation,
    Status status,
    int attempt,
    boolean flaky,
    Set<String> tags,
    Instant startedAt,
    Duration duration,
    String failure,
    List<CheckResult> checks,
    List<LlmCall> llmCalls,
    int droppedRecords,
    String traceId,
    Attribution attribution) {

  /** A test invocation's outcome. */
  public enum Status {
    PASSED,
    FAILED,
    /** A failed assumption. */
    ABORTED,
    /** Disabled or skipped by a condition: never executed. */
    SKIPPED
  }

  public TestRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    tags = Set.copyOf(tags);
    checks = List.copyOf(checks);
    llmCalls = List.copyOf(llmCalls);
    failure = Objects.requireNonNullElse(failure, "");
    traceId = Objects.requireNonNullElse(traceId, "");
    attribution = Objects.requireNonNullElseGet(attribution, () -> Attribution.of(null, name));
  }

  /** A record without prompt attribution (its case is the test's name). */
  public TestRecord(String runId, String uniqueId, String name, String suite, String displayName,
      String invocation, Status status, int attempt, boolean flaky, Set<String> tags,
      Instant startedAt, Duration duration, String failure, List<CheckResult> checks,
      List<LlmCall> llmCalls, int droppedRecords, String traceId) {
    this(runId, uniqueId, name, suite, displayName, invocation, status, attempt, flaky, tags,
        startedAt, duration, failure, checks, llmCalls, droppedRecords, traceId, null);
  }
}
