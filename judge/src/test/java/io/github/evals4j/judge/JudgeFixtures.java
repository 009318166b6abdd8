package io.github.evals4j.judge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** OpenAI-compatible judge replies as a WireMock stub serves them, and a recorder that listens. */
final class JudgeFixtures {

  private JudgeFixtures() {}

  /** A chat completion whose message content is {@code content}. */
  static String completion(String content) {
    ObjectNode root = OpenAiJudge.JSON.createObjectNode();
    root.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "judge-model-2026");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    root.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30)
        .put("total_tokens", 150);
    return root.toString();
  }

  /** A chat completion whose message is a refusal (OpenAI structured outputs). */
  static String refusal(String text) {
    ObjectNode root = OpenAiJudge.JSON.createObjectNode();
    root.put("model", "judge-model-2026");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").putNull("content").put("refusal", text);
    root.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 9);
    return root.toString();
  }

  static String verdict(double score, String reason, String... quotes) {
    ObjectNode v = OpenAiJudge.JSON.createObjectNode();
    v.put("score", score).put("reason", reason);
    var q = v.putArray("quotes");
    for (String s : quotes) {
      q.add(s);
    }
    return v.toString();
  }

  static String better(String which, String reason) {
    return OpenAiJudge.JSON.createObjectNode().put("better", which).put("reason", reason)
        .toString();
  }

  /** Collects what a test records: judge calls apart from application calls. */
  static final class Calls implements Recorder {
    final List<LlmCall> judge = new CopyOnWriteArrayList<>();
    final List<LlmCall> application = new CopyOnWriteArrayList<>();

    @Override
    public void onLlmCall(LlmCall call) {
      application.add(call);
    }

    @Override
    public void onJudgeCall(LlmCall call) {
      judge.add(call);
    }
  }
}
