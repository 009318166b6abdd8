package io.github.evals4j.aggregate;

/**
 * Token usage of a prompt version's LLM calls (application calls only; a judge's are in its cost).
 *
 * @param calls how many calls
 * @param inputTokens input tokens of the calls that reported them (cached included)
 * @param outputTokens output tokens (reasoning included)
 * @param cachedInputTokens input tokens served from a prompt cache
 * @param reasoningTokens reasoning tokens
 * @param callsWithUnknownUsage calls that reported no input or no output token count
 * @param failedCalls calls that ended in an error
 * @param replayedCalls calls replayed from a recording rather than asked live
 */
public record TokenStats(
    long calls, long inputTokens, long outputTokens, long cachedInputTokens, long reasoningTokens,
    long callsWithUnknownUsage, long failedCalls, long replayedCalls) {

  /** No call. */
  public static final TokenStats NONE = new TokenStats(0, 0, 0, 0, 0, 0, 0, 0);

  TokenStats plus(TokenStats o) {
    return new TokenStats(
        calls + o.calls, inputTokens + o.inputTokens, outputTokens + o.outputTokens,
        cachedInputTokens + o.cachedInputTokens, reasoningTokens + o.reasoningTokens,
        callsWithUnknownUsage + o.callsWithUnknownUsage, failedCalls + o.failedCalls,
        replayedCalls + o.replayedCalls);
  }
}
