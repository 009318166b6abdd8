package io.github.evals4j.judge;

import java.util.Objects;

/**
 * What a judge is asked: a system and a user message, and the JSON Schema its reply must match.
 *
 * @param callId names the logical judge call (check and graded output) so that a recording made
 *     for another rubric text is reported as stale rather than merely missing
 * @param system the instructions (rubric, scale, reply format)
 * @param user the material to grade
 * @param responseSchema the JSON Schema of the reply (sent as {@code response_format} where
 *     supported, and always validated locally)
 * @param repeat which sample of the same request this is (0 for the first), so samples replay
 *     their own answers
 */
public record JudgeRequest(
    String callId, String system, String user, String responseSchema, int repeat) {

  public JudgeRequest {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(responseSchema, "responseSchema");
    if (repeat < 0) {
      throw new IllegalArgumentException("repeat must be >= 0: " + repeat);
    }
  }
}
