package io.github.evals4j.junit;

import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Test classes that record agent runs, tool calls and judge calls, run by the tests. */
final class AgentFixtures {

  private AgentFixtures() {}

  /** One agent run: a tool round trip (two LLM calls, one tool call) and a judge grading it. */
  @Evals4j
  static class Agent {
    @Test
    void analysesLog() {
      Instant t0 = Instant.now().minusMillis(500);
      try (Recording.AgentScope run = Recording.agentRun("LogAnalyst", "conv-42")) {
        Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini")
            .responseModel("gpt-4o-mini-2024-07-18").inputTokens(120).outputTokens(18)
            .cachedInputTokens(64).reasoningTokens(0).cacheWriteInputTokens(10)
            .startedAt(t0).latency(Duration.ofMillis(100)).finishReason("tool_calls")
            .inputMessages("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
                + "\"mail ops@example.com\"}]}]")
            .outputMessages("[{\"role\":\"assistant\",\"parts\":[]}]")
            .build());
        Recording.toolCall(ToolCall.builder("lookup_deployment").callId("call_1")
            .arguments("{\"service\":\"checkout\",\"token\":\"sk-abcdefghijklmnopqrstuvwx\"}")
            .result("{\"version\":\"1.4.2\"}")
            .startedAt(t0.plusMillis(110)).latency(Duration.ofMillis(20)).build());
        Recording.toolCall(ToolCall.builder("query_metric").error("IOException: timeout")
            .startedAt(t0.plusMillis(140)).latency(Duration.ofMillis(5)).build());
        Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini").inputTokens(200)
            .outputTokens(40).startedAt(t0.plusMillis(150)).latency(Duration.ofMillis(120))
            .timeToFirstToken(Duration.ofMillis(30)).finishReason("stop").build());
      }
      Recording.judgeCall(LlmCall.builder("openai", "gpt-4o").inputTokens(300).outputTokens(5)
          .operation("responses").finishReason("stop").build());
    }
  }
}
