package io.github.evals4j.sample.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One fixture answer of {@code answers/<prompt-id>.jsonl}: what the model said for a case, a
 * prompt version and the models listed, plus how the fixture server should behave and which
 * checks the answer is designed to fail.
 *
 * @param promptId the prompt id (the file name)
 * @param caseId the dataset case
 * @param platform the social platform ("X", "LinkedIn"), empty for other tasks
 * @param version the prompt version
 * @param models the models this answer is served for
 * @param content the answer text
 * @param finishReason the finish reason served
 * @param delayMillis a fixed delay before the answer, 0 for none
 * @param behaviour {@code normal}, {@code rate-limited-once} (429 then the answer) or
 *     {@code malformed-body}
 * @param usage recorded usage ({@code prompt_tokens}, ...) to serve as is; missing = counted
 * @param expectedFailures the checks this answer is designed to fail
 * @param expectedError the {@code LlmException.Kind} the call should end with, if any
 * @param where file and line
 */
public record Answer(
    String promptId,
    String caseId,
    String platform,
    String version,
    List<String> models,
    String content,
    String finishReason,
    int delayMillis,
    String behaviour,
    Optional<JsonNode> usage,
    Optional<List<String>> expectedFailures,
    Optional<String> expectedError,
    String where) {

  /** The answers of {@code promptId}. */
  public static List<Answer> load(String promptId) {
    return parse(promptId, Jsonl.readResource("answers/" + promptId + ".jsonl"));
  }

  static List<Answer> parse(String promptId, List<Jsonl.Line> lines) {
    List<Answer> answers = new ArrayList<>();
    for (Jsonl.Line line : lines) {
      JsonNode n = line.node();
      List<String> models = new ArrayList<>();
      n.path("models").forEach(m -> models.add(m.asText()));
      if (models.isEmpty()) {
        throw new IllegalArgumentException(line.where() + ": 'models' must list at least one model");
      }
      String behaviour = n.path("behaviour").asText("normal");
      if (!List.of("normal", "rate-limited-once", "malformed-body").contains(behaviour)) {
        throw new IllegalArgumentException(line.where() + ": unknown behaviour '" + behaviour
            + "' (normal, rate-limited-once, malformed-body)");
      }
      JsonNode expect = n.path("expect");
      Optional<List<String>> fails = Optional.empty();
      if (expect.has("fails")) {
        List<String> names = new ArrayList<>();
        expect.get("fails").forEach(f -> names.add(f.asText()));
        fails = Optional.of(List.copyOf(names));
      }
      answers.add(new Answer(promptId, line.text("case"), n.path("platform").asText(""),
          line.text("version"), List.copyOf(models), line.text("content"),
          n.path("finish_reason").asText("stop"), n.path("delay_ms").asInt(0), behaviour,
          Optional.ofNullable(n.get("usage")), fails,
          Optional.ofNullable(expect.get("error")).map(JsonNode::asText), line.where()));
    }
    return List.copyOf(answers);
  }

  /** The key of this answer for {@code model}: prompt, version, model, case, platform. */
  String key(String model) {
    return promptId + " " + version + " " + model + " " + caseId + (platform.isEmpty() ? "" : " " + platform);
  }
}
