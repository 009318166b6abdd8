package io.github.evals4j.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;
import java.util.Optional;

/**
 * Which recording answers a call: provider, model, the SHA-256 of the canonical request and the
 * repeat index (so the repeats of one case replay their own answers, not all the first one).
 *
 * <p>The request is the body sent to the model (messages and parameters), as JSON. It is hashed in
 * canonical form, so field order, whitespace and number spelling ({@code 0.70} / {@code 0.7}) do
 * not matter; every other change (a word of the prompt, the temperature) makes another key. Keep
 * headers and API keys out of it: the request is stored in the recording for reviewers.
 *
 * <p>Without an explicit repeat ({@link #of(String, String, String)}), the store numbers them: the
 * n-th identical call (same provider, model, request and call id) a store sees is repeat n-1.
 * Pass the repeat index when repeats run in parallel and each must get the same answer every run.
 *
 * <p>A {@linkplain #withCallId(String) call id} names the logical call (typically the case id,
 * plus the prompt version when several versions run the same case). With it, a recording of the
 * same call id and repeat whose request hash differs is reported as <em>stale</em> rather than
 * merely missing, and re-recording replaces it.
 *
 * <pre>{@code
 * ReplayKey key = ReplayKey.of("openai", "gpt-4o-mini", requestJson, repeat).withCallId("summarize@v2/la-01");
 * }</pre>
 */
public final class ReplayKey {

  static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final String provider;
  private final String model;
  private final JsonNode request;
  private final String requestHash;
  private final int repeat;
  private final String callId;

  private ReplayKey(String provider, String model, JsonNode request, String requestHash, int repeat,
      String callId) {
    this.provider = provider;
    this.model = model;
    this.request = request;
    this.requestHash = requestHash;
    this.repeat = repeat;
    this.callId = callId;
  }

  /** Marks a key whose repeat the store numbers. */
  static final int NEXT = -1;

  /**
   * The key of a request given as JSON text, its repeat numbered by the store (see the class doc).
   *
   * @throws IllegalArgumentException when the request is not JSON or a name is blank
   */
  public static ReplayKey of(String provider, String model, String requestJson) {
    return numbered(of(provider, model, requestJson, 0));
  }

  /** The key of a request given as a Jackson tree, its repeat numbered by the store. */
  public static ReplayKey of(String provider, String model, JsonNode request) {
    return numbered(of(provider, model, request, 0));
  }

  private static ReplayKey numbered(ReplayKey k) {
    return new ReplayKey(k.provider, k.model, k.request, k.requestHash, NEXT, k.callId);
  }

  /**
   * The key of a request given as JSON text.
   *
   * @throws IllegalArgumentException when the request is not JSON (naming line and column), a
   *     name is blank or {@code repeat} is negative
   */
  public static ReplayKey of(String provider, String model, String requestJson, int repeat) {
    Objects.requireNonNull(requestJson, "requestJson");
    JsonNode tree;
    try {
      tree = JSON.readTree(requestJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")"), e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new IllegalArgumentException("request is empty: expected the JSON body sent to the model");
    }
    return of(provider, model, tree, repeat);
  }

  /** The key of a request given as a Jackson tree (not modified, copied). */
  public static ReplayKey of(String provider, String model, JsonNode request, int repeat) {
    Objects.requireNonNull(request, "request");
    String p = name("provider", provider);
    String m = name("model", model);
    if (repeat < 0) {
      throw new IllegalArgumentException("repeat must be >= 0: " + repeat);
    }
    String hash = CanonicalJson.sha256(request); // first: it refuses trees too deep to copy
    return new ReplayKey(p, m, request.deepCopy(), hash, repeat, null);
  }

  /** This key with the logical call id used to detect stale recordings (see the class doc). */
  public ReplayKey withCallId(String callId) {
    String id = callId == null || callId.isBlank() ? null : callId.strip();
    return new ReplayKey(provider, model, request, requestHash, repeat, id);
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  /** Lower-case hex SHA-256 of the canonical request. */
  public String requestHash() {
    return requestHash;
  }

  /** The 0-based repeat index; {@code -1} while the store is to number it. */
  public int repeat() {
    return repeat;
  }

  ReplayKey withRepeat(int n) {
    return new ReplayKey(provider, model, request, requestHash, n, callId);
  }

  /** Identifies the call whatever its repeat: what the store counts repeats of. */
  String callKey() {
    return provider + '\n' + model + '\n' + requestHash + '\n' + callId;
  }

  /** The logical call id, if one was given. */
  public Optional<String> callId() {
    return Optional.ofNullable(callId);
  }

  /** A copy of the request, as it is stored in the recording. */
  public JsonNode request() {
    return request.deepCopy();
  }

  JsonNode requestTree() {
    return request;
  }

  /** The hash naming the recording file: provider, model, request hash and repeat together. */
  String fileHash() {
    if (repeat == NEXT) {
      throw new IllegalStateException("the store numbers this key's repeat first");
    }
    String joined = provider + '\n' + model + '\n' + requestHash + '\n' + repeat;
    return CanonicalJson.sha256Hex(joined).substring(0, 32);
  }

  /** {@code call id #repeat} for stale detection, empty without a call id. */
  Optional<String> logicalId() {
    return callId().map(id -> id + "#" + repeat);
  }

  /** e.g. {@code openai/gpt-4o-mini request sha256:1f3a… repeat 2 (call 'la-01')}. */
  @Override
  public String toString() {
    return provider + "/" + model + " request sha256:" + requestHash
        + (repeat == NEXT ? " next repeat" : " repeat " + repeat)
        + (callId == null ? "" : " (call '" + callId + "')");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReplayKey k && provider.equals(k.provider) && model.equals(k.model)
        && requestHash.equals(k.requestHash) && repeat == k.repeat && Objects.equals(callId, k.callId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, model, requestHash, repeat, callId);
  }

  private static String name(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value.strip();
  }
}
