package io.github.evals4j.junit;

import io.github.evals4j.junit.ci.CiEnvironment;
import java.time.Instant;

/**
 * How the run ended (its tests' outcomes, where and when it ran), handed to every
 * {@link RunCollector} at its end. The report's run metadata is {@link io.github.evals4j.report.RunInfo}.
 *
 * @param runId the run id (shared by the CI shards of one pipeline)
 * @param ci the CI facts, {@link CiEnvironment#NONE} locally
 * @param release the release the run is attributed to, empty if unknown
 * @param environment {@code ci}, {@code local} or {@code SENTRY_ENVIRONMENT}
 * @param startedAt when the first test class started
 * @param finishedAt when the run ended
 * @param tests tests as Surefire counts them: every invocation (each {@code @RepeatedTest}
 *     repetition, parameterized invocation and dynamic test) is one; the attempts of a retried test
 *     (Surefire's {@code rerunFailingTestsCount}, {@code @RetryingTest}) count once
 * @param passed tests whose last attempt passed
 * @param failed tests whose last attempt failed
 * @param aborted tests whose last attempt was aborted
 * @param skipped disabled or skipped tests
 * @param flaky tests that failed and then passed in this run
 * @param retries attempts after the first of retried tests (not counted in {@code tests})
 */
public record RunOutcome(
    String runId,
    CiEnvironment ci,
    String release,
    String environment,
    Instant startedAt,
    Instant finishedAt,
    int tests,
    int passed,
    int failed,
    int aborted,
    int skipped,
    int flaky,
    int retries) {}
