package io.github.evals4j.junit;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.report.SentryFields;
import io.sentry.ISpan;
import io.sentry.SentryDate;
import io.sentry.SentryInstantDate;
import io.sentry.SpanStatus;
import java.util.List;

/**
 * The one place that turns what a test recorded into Sentry spans: an LLM call as a
 * {@code gen_ai.*} span (Sentry's AI monitoring conventions), a check as an {@code evals4j.check}
 * span. Further kinds of recorded work (tool calls, agent invocations) belong here too, next to
 * {@link #llmCall}, so that every span of a test is built the same way.
 *
 * <p>Callers guard the SDK calls (a failure is one warning, never the test's).
 */
final class GenAiSpans {

  private GenAiSpans() {}

  /** Whether the attribution names a prompt (its id is set). */
  static boolean hasPrompt(Attribution at) {
    return !io.github.evals4j.prompt.PromptRef.UNSET.equals(at.prompt().id());
  }

  /**
   * {@code call} as a finished child of {@code parent}, timed by the call's own start and latency.
   *
   * @param isCase whether the test is an eval case (then the span carries {@code eval.case})
   */
  static ISpan llmCall(ISpan parent, LlmCall call, Attribution at, boolean isCase, Config config) {
    int max = config.maxValueLength();
    SentryDate start = new SentryInstantDate(call.startedAt());
    ISpan span = parent.startChild("gen_ai." + call.operation(),
        call.operation() + " " + call.requestModel(), start);
    span.setData("gen_ai.operation.name", call.operation());
    span.setData("gen_ai.provider.name", call.provider());
    span.setData("gen_ai.system", call.provider());
    span.setData("gen_ai.request.model", call.requestModel());
    span.setData("gen_ai.response.model", call.responseModel());
    if (hasPrompt(at)) {
      span.setData("prompt.id", at.prompt().id());
      span.setData("prompt.version", at.prompt().version());
    }
    if (isCase) {
      span.setData("eval.case", Truncation.truncate(at.caseId(), max));
    }
    // The run on the call itself: Sentry's span search does not give child spans the
    // transaction's tags, and the dashboard's LLM calls table filters on it.
    span.setData(SentryFields.RUN_ID, Truncation.tag(config.runId(), max));
    putTokens(span, "gen_ai.usage.input_tokens", call.inputTokens());
    putTokens(span, "gen_ai.usage.input_tokens.cached", call.cachedInputTokens());
    putTokens(span, "gen_ai.usage.output_tokens", call.outputTokens());
    putTokens(span, "gen_ai.usage.output_tokens.reasoning", call.reasoningTokens());
    putTokens(span, "gen_ai.usage.total_tokens", call.totalTokens());
    if (call.finishReason() != null) {
      span.setData("gen_ai.response.finish_reasons", List.of(call.finishReason()));
    }
    if (call.timeToFirstToken() != null) {
      span.setData("gen_ai.response.time_to_first_token",
          call.timeToFirstToken().toNanos() / 1e9);
    }
    if (call.replayed()) {
      span.setData("evals4j.replayed", true);
    }
    if (call.error() != null) {
      span.setData("error.message", Truncation.text(call.error(), max));
    }
    span.finish(call.error() == null ? SpanStatus.OK : SpanStatus.INTERNAL_ERROR,
        new SentryInstantDate(call.startedAt().plus(call.latency())));
    return span;
  }

  /** Fills and finishes {@code span}, a child started for {@code result}. */
  static void check(ISpan span, CheckResult result, Config config) {
    span.setData("evals4j.check.name", result.check());
    span.setData("evals4j.check.passed", result.passed());
    if (Double.isFinite(result.score())) {
      span.setData("evals4j.check.score", result.score());
    }
    if (result.hasThreshold()) {
      span.setData("evals4j.check.threshold", result.threshold());
      span.setData("evals4j.check.direction", result.direction().name());
    }
    if (!result.passed()) {
      span.setData("evals4j.check.message",
          Truncation.text(result.message(), config.maxValueLength()));
    }
    span.finish(result.passed() ? SpanStatus.OK : SpanStatus.INTERNAL_ERROR);
  }

  private static void putTokens(ISpan span, String key, long tokens) {
    if (tokens >= 0) {
      span.setData(key, tokens);
    }
  }
}
