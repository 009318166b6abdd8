package io.github.evals4j.replay;

import io.github.evals4j.llm.LlmCall;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A response body and where it came from.
 *
 * <pre>{@code
 * ReplayResponse r = store.exchange(key, () -> http.send(request, ofString()).body());
 * Recording.llmCall(r.describe(LlmResponses.openAi(r.body())).build());   // flagged replayed
 * }</pre>
 *
 * @param body the response body
 * @param replayed whether it was read from a recording rather than asked live
 * @param latency the live call's latency; for a replayed body, the latency measured when it was
 *     recorded, so latency figures and gates keep their meaning
 * @param recordedAt when the replayed body was recorded; {@code null} for a live one
 */
public record ReplayResponse(String body, boolean replayed, Duration latency, Instant recordedAt) {

  public ReplayResponse {
    Objects.requireNonNull(body, "body");
    latency = Objects.requireNonNullElse(latency, Duration.ZERO);
  }

  /** When the replayed body was recorded; empty for a live one. */
  public Optional<Instant> recorded() {
    return Optional.ofNullable(recordedAt);
  }

  /** Sets {@code replayed} and {@code latency} on {@code call}, to report this exchange. */
  public LlmCall.Builder describe(LlmCall.Builder call) {
    return call.replayed(replayed).latency(latency);
  }
}
