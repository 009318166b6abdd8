package io.github.evals4j.junit;

import static io.github.evals4j.junit.Payloads.single;
import static io.github.evals4j.junit.Payloads.spans;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The AI spans sent (real SDK, real envelopes) follow Sentry's AI agents monitoring conventions:
 * every AI span has {@code gen_ai.operation.name} with a name Sentry knows, and the keys its
 * views read for that operation type.
 */
class AgentSpansSentTest {

  /** Sentry's operation types and the keys its AI views need on a span of that type. */
  static final Map<String, List<String>> REQUIRED = Map.of(
      "ai_client", List.of("gen_ai.operation.name", "gen_ai.request.model",
          "gen_ai.response.model", "gen_ai.provider.name", "gen_ai.usage.input_tokens",
          "gen_ai.usage.output_tokens", "gen_ai.usage.total_tokens"),
      "agent", List.of("gen_ai.operation.name", "gen_ai.agent.name"),
      "tool", List.of("gen_ai.operation.name", "gen_ai.tool.name", "gen_ai.tool.type"));

  /** The operation names Sentry knows, by the operation type it derives from them. */
  static final Map<String, String> TYPE_OF = Map.of(
      "chat", "ai_client", "embeddings", "ai_client", "text_completion", "ai_client",
      "generate_content", "ai_client", "invoke_agent", "agent", "execute_tool", "tool");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode transaction(SentryEndpoint sentry) {
    return single(sentry.transactions(), "AgentFixtures.Agent.analysesLog");
  }

  @Test
  void should_send_every_ai_span_with_the_keys_its_operation_type_requires() {
    try (SentryEndpoint sentry = new SentryEndpoint(); StdErr err = StdErr.capture()) {
      Kit.sentry(sentry).run(AgentFixtures.Agent.class)
          .testEvents().assertStatistics(s -> s.succeeded(1));

      JsonNode tx = transaction(sentry);
      SentrySchema.assertValid(List.of(tx));
      List<JsonNode> ai = new ArrayList<>();
      tx.path("spans").forEach(s -> {
        if (s.path("op").asText().startsWith("gen_ai.")
            || s.path("data").has("gen_ai.operation.name")) {
          ai.add(s);
        }
      });
      assertThat(ai).hasSize(6);
      for (JsonNode span : ai) {
        String operation = span.path("data").path("gen_ai.operation.name").asText();
        assertThat(TYPE_OF).as("operation name of %s", span.path("description"))
            .containsKey(operation);
        assertThat(span.path("op").asText()).isEqualTo("gen_ai." + operation);
        for (String key : REQUIRED.get(TYPE_OF.get(operation))) {
          if (key.startsWith("gen_ai.usage") && span.path("status").asText().equals("internal_error")) {
            continue;
          }
          assertThat(span.path("data").has(key)).as("%s on %s", key, span.path("description"))
              .isTrue();
        }
      }
      assertThat(err.warnings()).isEmpty();
    }
  }

  @Test
  void should_nest_llm_and_tool_spans_under_the_agent_span_and_use_the_conversation_as_case() {
    try (SentryEndpoint sentry = new SentryEndpoint()) {
      Kit.sentry(sentry).run(AgentFixtures.Agent.class);

      JsonNode tx = transaction(sentry);
      JsonNode agent = spans(tx, "gen_ai.invoke_agent").get(0);
      String agentId = agent.path("span_id").asText();
      assertThat(agent.path("description").asText()).isEqualTo("invoke_agent LogAnalyst");
      JsonNode data = agent.path("data");
      assertThat(data.path("gen_ai.agent.name").asText()).isEqualTo("LogAnalyst");
      assertThat(data.path("gen_ai.conversation.id").asText()).isEqualTo("conv-42");
      assertThat(data.path("eval.case").asText()).isEqualTo("conv-42");
      assertThat(data.path("gen_ai.usage.input_tokens").asLong()).isEqualTo(320);
      assertThat(data.path("gen_ai.usage.output_tokens").asLong()).isEqualTo(58);
      List<JsonNode> tools = spans(tx, "gen_ai.execute_tool");
      assertThat(tools).hasSize(2).allSatisfy(t -> {
        assertThat(t.path("parent_span_id").asText()).isEqualTo(agentId);
        assertThat(t.path("data").path("gen_ai.agent.name").asText()).isEqualTo("LogAnalyst");
      });
      assertThat(tools.get(0).path("description").asText()).isEqualTo("execute_tool lookup_deployment");
      assertThat(tools.get(0).path("data").path("gen_ai.tool.call.id").asText()).isEqualTo("call_1");
      assertThat(tools.get(1).path("status").asText()).isEqualTo("internal_error");
      assertThat(tools.get(1).path("data").path("error.message").asText())
          .isEqualTo("IOException: timeout");
      List<JsonNode> chats = spans(tx, "gen_ai.chat");
      assertThat(chats).hasSize(3);
      assertThat(chats.subList(0, 2)).allSatisfy(c ->
          assertThat(c.path("parent_span_id").asText()).isEqualTo(agentId));
    }
  }

  @Test
  void should_send_current_and_legacy_token_keys_and_finish_reasons_as_a_json_string()
      throws Exception {
    try (SentryEndpoint sentry = new SentryEndpoint()) {
      Kit.sentry(sentry).run(AgentFixtures.Agent.class);

      List<JsonNode> chats = spans(transaction(sentry), "gen_ai.chat");
      JsonNode first = chats.get(0).path("data");
      assertThat(first.path("gen_ai.response.finish_reasons").isTextual()).isTrue();
      assertThat(JSON.readTree(first.path("gen_ai.response.finish_reasons").asText()))
          .isEqualTo(JSON.readTree("[\"tool_calls\"]"));
      assertThat(first.path("gen_ai.usage.cache_read.input_tokens").asLong()).isEqualTo(64);
      assertThat(first.path("gen_ai.usage.input_tokens.cached").asLong()).isEqualTo(64);
      assertThat(first.path("gen_ai.usage.cache_creation.input_tokens").asLong()).isEqualTo(10);
      assertThat(first.path("gen_ai.usage.input_tokens.cache_write").asLong()).isEqualTo(10);
      assertThat(first.path("gen_ai.usage.reasoning.output_tokens").asLong()).isZero();
      assertThat(first.path("gen_ai.usage.output_tokens.reasoning").asLong()).isZero();
      JsonNode streamed = chats.get(1).path("data");
      assertThat(streamed.path("gen_ai.response.streaming").asBoolean()).isTrue();
      assertThat(streamed.path("gen_ai.response.time_to_first_chunk").asDouble()).isEqualTo(0.03);
    }
  }

  @Test
  void should_tell_judge_calls_from_application_calls() {
    try (SentryEndpoint sentry = new SentryEndpoint()) {
      Kit.sentry(sentry).run(AgentFixtures.Agent.class);

      List<JsonNode> chats = spans(transaction(sentry), "gen_ai.chat");
      assertThat(chats).extracting(c -> c.path("data").path("evals4j.role").asText())
          .containsExactly("application", "application", "judge");
      JsonNode judge = chats.get(2).path("data");
      assertThat(judge.path("gen_ai.pipeline.name").asText()).isEqualTo("evals4j.judge");
      assertThat(judge.path("evals4j.operation").asText())
          .as("an operation name Sentry does not know is sent as chat, kept apart")
          .isEqualTo("responses");
      assertThat(judge.has("gen_ai.agent.name")).as("a judge is not part of the agent").isFalse();
    }
  }

  @Test
  void should_send_tool_text_scrubbed_and_no_messages_unless_opted_in() {
    try (SentryEndpoint sentry = new SentryEndpoint()) {
      Kit.sentry(sentry).run(AgentFixtures.Agent.class);

      JsonNode tx = transaction(sentry);
      JsonNode tool = spans(tx, "gen_ai.execute_tool").get(0).path("data");
      assertThat(tool.path("gen_ai.tool.call.arguments").asText())
          .contains("checkout").doesNotContain("sk-abcdefghijklmnopqrstuvwx");
      assertThat(tool.path("gen_ai.tool.call.result").asText()).isEqualTo("{\"version\":\"1.4.2\"}");
      for (JsonNode chat : spans(tx, "gen_ai.chat")) {
        assertThat(chat.path("data").has("gen_ai.input.messages")).isFalse();
        assertThat(chat.path("data").has("gen_ai.output.messages")).isFalse();
      }
    }
  }

  @Test
  void should_send_messages_scrubbed_when_opted_in() {
    try (SentryEndpoint sentry = new SentryEndpoint()) {
      Kit.sentry(sentry).and(Config.SEND_MESSAGES, "true").run(AgentFixtures.Agent.class);

      JsonNode chat = spans(transaction(sentry), "gen_ai.chat").get(0).path("data");
      assertThat(chat.path("gen_ai.input.messages").asText())
          .startsWith("[{\"role\":\"user\"").doesNotContain("ops@example.com");
      assertThat(chat.path("gen_ai.output.messages").asText())
          .isEqualTo("[{\"role\":\"assistant\",\"parts\":[]}]");
    }
  }

  @Test
  void should_send_only_operation_names_sentry_knows() {
    assertThat(GenAiSpans.CLIENT_OPERATIONS).allSatisfy(op ->
        assertThat(TYPE_OF).containsEntry(op, "ai_client"));
    assertThat(Set.copyOf(TYPE_OF.keySet())).containsAll(GenAiSpans.CLIENT_OPERATIONS);
  }
}
