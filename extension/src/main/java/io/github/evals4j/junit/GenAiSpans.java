package io.github.evals4j.junit;

import io.github.evals4j.agent.AgentRun;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.report.SentryFields;
import io.sentry.ISpan;
import io.sentry.SentryDate;
import io.sentry.SentryInstantDate;
import io.sentry.SpanStatus;

/**
 * The one place that turns what a test recorded into Sentry spans: an LLM call as a
 * {@code gen_ai.*} span (Sentry's AI monitoring conventions), a check as an {@code evals4j.check}
 * span, a tool execution as a {@code gen_ai.execute_tool} span, an agent run as a
 * {@code gen_ai.invoke_agent} span, so that every span of a test is built the same way.
 *
 * <p>Callers guard the SDK calls (a failure is one warning, never the test's).
 */
final class GenAiSpans {

  private GenAiSpans() {}

  /** Whether the attribution names a prompt (its id is set). */
  static boolean hasPrompt(Attribution at) {
    return !io.github.evals4j.prompt.PromptRef.UNSET.equals(at.prompt().id());
  }

  /** The {@code gen_ai.operation.name}s of AI client spans Sentry's AI views know. */
  static final java.util.Set<String> CLIENT_OPERATIONS =
      java.util.Set.of("chat", "embeddings", "text_completion", "generate_content");
  /** {@code evals4j.role} of an application's call, as opposed to a judge's. */
  static final String ROLE_APPLICATION = "application";
  /** {@code evals4j.role} and {@code gen_ai.pipeline.name} of a judge's call. */
  static final String ROLE_JUDGE = "judge";
  static final String JUDGE_PIPELINE = "evals4j.judge";
  /** Longest message list sent (before {@code evals4j.sentry.max-text-length} applies). */
  static final int MAX_MESSAGES_CHARS = 16_000;

  /**
   * An open {@code gen_ai.invoke_agent} span and the tokens of the calls made under it (Sentry's
   * Agents view reads the agent span's own usage).
   */
  record AgentSpan(ISpan span, AgentRun run, java.util.concurrent.atomic.AtomicLong inputTokens,
      java.util.concurrent.atomic.AtomicLong outputTokens) {

    void add(LlmCall call) {
      if (call.inputTokens() > 0) {
        inputTokens.addAndGet(call.inputTokens());
      }
      if (call.outputTokens() > 0) {
        outputTokens.addAndGet(call.outputTokens());
      }
    }
  }

  /** The operation name sent for {@code call}: Sentry's, else {@code chat}. */
  static String operation(LlmCall call) {
    String op = call.operation().toLowerCase(java.util.Locale.ROOT);
    return CLIENT_OPERATIONS.contains(op) ? op : "chat";
  }

  /**
   * {@code call} as a finished child of {@code parent}, timed by the call's own start and latency.
   *
   * @param isCase whether the test is an eval case (then the span carries {@code eval.case})
   * @param agent the agent run the call belongs to, or null
   * @param judge whether a judge made the call to grade an output
   */
  static ISpan llmCall(ISpan parent, LlmCall call, Attribution at, boolean isCase, Config config,
      AgentSpan agent, boolean judge) {
    int max = config.maxValueLength();
    String operation = operation(call);
    SentryDate start = new SentryInstantDate(call.startedAt());
    ISpan span = parent.startChild("gen_ai." + operation,
        Truncation.truncate(operation + " " + call.requestModel(), max), start);
    span.setData("gen_ai.operation.name", operation);
    if (!operation.equals(call.operation())) {
      span.setData("evals4j.operation", Truncation.truncate(call.operation(), max));
    }
    span.setData("gen_ai.provider.name", call.provider());
    span.setData("gen_ai.system", call.provider());
    span.setData("gen_ai.request.model", call.requestModel());
    span.setData("gen_ai.response.model", call.responseModel());
    span.setData("evals4j.role", judge ? ROLE_JUDGE : ROLE_APPLICATION);
    if (judge) {
      span.setData("gen_ai.pipeline.name", JUDGE_PIPELINE);
    }
    common(span, at, isCase, config);
    if (agent != null) {
      agent.add(call);
      agentData(span, agent.run(), max);
    }
    putTokens(span, "gen_ai.usage.input_tokens", call.inputTokens());
    putTokens(span, "gen_ai.usage.output_tokens", call.outputTokens());
    putTokens(span, "gen_ai.usage.total_tokens", call.totalTokens());
    // the current keys of Sentry's conventions, then the deprecated ones older Sentry reads
    putTokens(span, "gen_ai.usage.cache_read.input_tokens", call.cachedInputTokens());
    putTokens(span, "gen_ai.usage.cache_creation.input_tokens", call.cacheWriteInputTokens());
    putTokens(span, "gen_ai.usage.reasoning.output_tokens", call.reasoningTokens());
    putTokens(span, "gen_ai.usage.input_tokens.cached", call.cachedInputTokens());
    putTokens(span, "gen_ai.usage.input_tokens.cache_write", call.cacheWriteInputTokens());
    putTokens(span, "gen_ai.usage.output_tokens.reasoning", call.reasoningTokens());
    if (call.finishReason() != null) {
      // a stringified JSON array: span data values are primitives in Sentry's conventions
      span.setData("gen_ai.response.finish_reasons",
          jsonArray(Truncation.truncate(call.finishReason(), max)));
    }
    if (call.timeToFirstToken() != null) {
      double seconds = call.timeToFirstToken().toNanos() / 1e9;
      span.setData("gen_ai.response.streaming", true);
      span.setData("gen_ai.response.time_to_first_chunk", seconds);
      span.setData("gen_ai.response.time_to_first_token", seconds);
    }
    if (config.sendMessages()) {
      putMessages(span, "gen_ai.input.messages", call.inputMessages());
      putMessages(span, "gen_ai.output.messages", call.outputMessages());
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

  /** {@code call} as a finished {@code gen_ai.execute_tool} child of {@code parent}. */
  static ISpan toolCall(ISpan parent, ToolCall call, Attribution at, boolean isCase,
      Config config, AgentSpan agent) {
    int max = config.maxValueLength();
    ISpan span = parent.startChild("gen_ai.execute_tool",
        Truncation.truncate("execute_tool " + call.name(), max),
        new SentryInstantDate(call.startedAt()));
    span.setData("gen_ai.operation.name", "execute_tool");
    span.setData("gen_ai.tool.name", Truncation.tag(call.name(), max));
    span.setData("gen_ai.tool.type", Truncation.tag(call.type(), max));
    if (call.callId() != null) {
      span.setData("gen_ai.tool.call.id", Truncation.tag(call.callId(), max));
    }
    if (call.description() != null) {
      span.setData("gen_ai.tool.description", Truncation.text(call.description(), max));
    }
    if (call.arguments() != null) {
      span.setData("gen_ai.tool.call.arguments", Truncation.text(call.arguments(), max));
    }
    if (call.result() != null) {
      span.setData("gen_ai.tool.call.result", Truncation.text(call.result(), max));
    }
    common(span, at, isCase, config);
    if (agent != null) {
      agentData(span, agent.run(), max);
    }
    if (call.error() != null) {
      span.setData("error.message", Truncation.text(call.error(), max));
    }
    span.finish(call.error() == null ? SpanStatus.OK : SpanStatus.INTERNAL_ERROR,
        new SentryInstantDate(call.startedAt().plus(call.latency())));
    return span;
  }

  /** An open {@code gen_ai.invoke_agent} child of {@code parent} for {@code run}. */
  static AgentSpan agentRun(ISpan parent, AgentRun run, Attribution at, boolean isCase,
      Config config) {
    int max = config.maxValueLength();
    ISpan span = parent.startChild("gen_ai.invoke_agent",
        Truncation.truncate("invoke_agent " + run.agentName(), max),
        new SentryInstantDate(run.startedAt()));
    span.setData("gen_ai.operation.name", "invoke_agent");
    span.setData("evals4j.role", ROLE_APPLICATION);
    agentData(span, run, max);
    common(span, at, isCase, config);
    return new AgentSpan(span, run, new java.util.concurrent.atomic.AtomicLong(),
        new java.util.concurrent.atomic.AtomicLong());
  }

  /** Finishes an agent span; {@code duration} null: now. */
  static void endAgentRun(AgentSpan agent, java.time.Duration duration, String error,
      Config config) {
    ISpan span = agent.span();
    long in = agent.inputTokens().get();
    long out = agent.outputTokens().get();
    if (in > 0 || out > 0) {
      span.setData("gen_ai.usage.input_tokens", in);
      span.setData("gen_ai.usage.output_tokens", out);
      span.setData("gen_ai.usage.total_tokens", in + out);
    }
    if (error != null) {
      span.setData("error.message", Truncation.text(error, config.maxValueLength()));
    }
    SpanStatus status = error == null ? SpanStatus.OK : SpanStatus.INTERNAL_ERROR;
    if (duration == null) {
      span.finish(status);
    } else {
      span.finish(status, new SentryInstantDate(agent.run().startedAt().plus(duration)));
    }
  }

  private static void agentData(ISpan span, AgentRun run, int max) {
    span.setData("gen_ai.agent.name", Truncation.tag(run.agentName(), max));
    if (run.conversationId() != null) {
      span.setData("gen_ai.conversation.id", Truncation.tag(run.conversationId(), max));
    }
  }

  /** Prompt, case and run: on every AI span, since Sentry's span search filters on them. */
  private static void common(ISpan span, Attribution at, boolean isCase, Config config) {
    int max = config.maxValueLength();
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
  }

  private static void putMessages(ISpan span, String key, String messages) {
    if (messages != null) {
      span.setData(key, Truncation.text(messages, MAX_MESSAGES_CHARS));
    }
  }

  /** {@code ["value"]} with JSON string escaping. */
  static String jsonArray(String value) {
    StringBuilder out = new StringBuilder("[\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append("\"]").toString();
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
