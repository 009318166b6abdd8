package io.github.evals4j.replay;

import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Records real LLM responses once and replays them, so CI runs offline, for free and the same
 * every time. Wrap the HTTP call of your LLM client:
 *
 * <pre>{@code
 * ReplayStore store = ReplayStore.at(Path.of("src/test/resources/llm-recordings"));
 * ReplayKey key = ReplayKey.of("openai", "gpt-4o-mini", requestJson, repeat).withCallId(caseId);
 * String body = store.call(key, () -> http.send(request, BodyHandlers.ofString()).body(),
 *     LlmResponses::openAi);    // reports the LlmCall, replayed=true when it was replayed
 * }</pre>
 *
 * <p>What happens depends on the {@link ReplayMode} ({@code evals4j.replay.mode}, default {@code
 * replay}). Each recording is one small JSON file, {@code <root>/<provider>/<model>/<hash>.json},
 * written atomically: parallel tests, even in several JVMs, see a whole file or none, and two
 * threads recording the same key leave one file. A recording of the same {@linkplain
 * ReplayKey#withCallId(String) call id} for another request is <em>stale</em>: an error in {@code
 * replay} mode, a warning and a new recording in {@code auto} mode, never replayed. Repeats the
 * store numbers are taken, in {@code record} and {@code auto} mode, in agreement with every store
 * recording into the same folder at the same time, in any JVM of this machine ({@link
 * RepeatClaims}): none overwrites another's recording. {@link #stats()} counts what happened.
 * Thread-safe.
 */
public final class ReplayStore {

  /** How many problems {@link ReplayStats#problems()} keeps. */
  public static final int MAX_PROBLEMS = 100;

  private static final System.Logger LOG = System.getLogger(ReplayStore.class.getName());

  private final Path root;
  private final ReplayMode mode;
  private final ConcurrentMap<String, Object> keyLocks = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicInteger> repeats =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Path, StaleIndex> indexes = new ConcurrentHashMap<>();
  private final RepeatClaims claims;
  private final LongAdder replayed = new LongAdder();
  private final LongAdder recorded = new LongAdder();
  private final LongAdder live = new LongAdder();
  private final LongAdder missing = new LongAdder();
  private final LongAdder stale = new LongAdder();
  private final List<ReplayProblem> problems = new ArrayList<>();

  private ReplayStore(Path root, ReplayMode mode) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    this.mode = Objects.requireNonNull(mode, "mode");
    this.claims = new RepeatClaims(this.root);
  }

  /** A store in {@code root} in the {@linkplain ReplayMode#configured() configured} mode. */
  public static ReplayStore at(Path root) {
    return new ReplayStore(root, ReplayMode.configured());
  }

  /** A store in {@code root} in {@code mode}, whatever the configuration says. */
  public static ReplayStore at(Path root, ReplayMode mode) {
    return new ReplayStore(root, mode);
  }

  /**
   * A store that always calls live and never touches a file: what production code passes to a
   * client written against {@code ReplayStore}, so the client has one code path.
   */
  public static ReplayStore live() {
    return new ReplayStore(Path.of(""), ReplayMode.FRESH);
  }

  public Path root() {
    return root;
  }

  public ReplayMode mode() {
    return mode;
  }

  /**
   * Where the recording of {@code key} is (or would be) stored; a key without a repeat index is
   * looked up as repeat 0.
   */
  public Path fileFor(ReplayKey key) {
    ReplayKey k = key.repeat() == ReplayKey.NEXT ? key.withRepeat(0) : key;
    return folderOf(k).resolve(k.fileHash() + ".json");
  }

  private ReplayKey numbered(ReplayKey key) {
    if (key.repeat() != ReplayKey.NEXT) {
      return key;
    }
    int n = repeats.computeIfAbsent(key.callKey(), k -> new AtomicInteger())
        .getAndIncrement();
    return key.withRepeat(n);
  }

  /**
   * In {@code record} and {@code auto} mode, the repeat a store numbers is taken in agreement with
   * every other store writing into this folder at the same time, in this JVM or another one
   * ({@link RepeatClaims}): none overwrites a recording another made in the same run.
   */
  private RepeatClaims.Decision claimed(ReplayKey call) {
    AtomicInteger next = repeats.computeIfAbsent(call.callKey(), k -> new AtomicInteger());
    synchronized (next) {
      RepeatClaims.Decision d = claims.claim(call, next.get(), mode == ReplayMode.AUTO,
          n -> Files.exists(fileFor(call.withRepeat(n))));
      next.set(d.repeat() + 1);
      return d;
    }
  }

  /**
   * Replays, or calls live (and records), as the mode says; reports nothing by itself.
   *
   * @throws MissingRecordingException in {@code replay} mode when nothing was recorded for {@code key}
   * @throws StaleRecordingException in {@code replay} mode when the call id was recorded for
   *     another request
   * @throws ReplayException when a recording cannot be read or written
   * @throws IOException what the live call threw (nothing is recorded then)
   * @throws InterruptedException when the live call was interrupted
   */
  public ReplayResponse exchange(ReplayKey call, LiveCall liveCall)
      throws IOException, InterruptedException {
    Objects.requireNonNull(call, "key");
    Objects.requireNonNull(liveCall, "liveCall");
    if (call.repeat() == ReplayKey.NEXT && (mode == ReplayMode.RECORD || mode == ReplayMode.AUTO)) {
      RepeatClaims.Decision decision = claimed(call);
      ReplayKey key = call.withRepeat(decision.repeat());
      synchronized (lockOf(key)) {
        if (decision.replay()) {
          Optional<ReplayResponse> hit = replay(key);
          if (hit.isPresent()) {
            return hit.get();
          }
        }
        try {
          return record(key, liveCall, mode == ReplayMode.AUTO);
        } catch (IOException | InterruptedException | RuntimeException e) {
          claims.release(key, key.repeat()); // nothing recorded: another store may take it
          throw e;
        }
      }
    }
    ReplayKey key = numbered(call);
    switch (mode) {
      case FRESH:
        ReplayResponse fresh = timed(liveCall);
        live.increment();
        return fresh;
      case RECORD:
        synchronized (lockOf(key)) {
          return record(key, liveCall, false);
        }
      case AUTO:
        synchronized (lockOf(key)) {
          Optional<ReplayResponse> hit = replay(key);
          if (hit.isPresent()) {
            return hit.get();
          }
          return record(key, liveCall, true);
        }
      case REPLAY:
      default:
        return replay(key).orElseThrow(() -> missOrStale(key));
    }
  }

  /**
   * Like {@link #exchange}, and reports the call to {@link Recording#llmCall(LlmCall)}: {@code
   * describe} reads provider, model and usage from the body (e.g. {@code LlmResponses::openAi});
   * the call is flagged {@code replayed} and carries the latency (the recorded one when replayed).
   * A live call that throws is reported with its error, then rethrown.
   *
   * @return the response body
   */
  public String call(ReplayKey key, LiveCall liveCall, Function<String, LlmCall.Builder> describe)
      throws IOException, InterruptedException {
    Objects.requireNonNull(describe, "describe");
    Instant start = Instant.now();
    ReplayResponse response;
    try {
      response = exchange(key, liveCall);
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (e instanceof ReplayException) {
        throw e;
      }
      Recording.llmCall(LlmCall.builder(key.provider(), key.model()).startedAt(start)
          .latency(Duration.between(start, Instant.now())).error(String.valueOf(e)).build());
      throw e;
    }
    LlmCall.Builder call;
    try {
      call = describe.apply(response.body());
    } catch (RuntimeException e) {
      call = LlmCall.builder(key.provider(), key.model()).error("unreadable response: " + e);
    }
    Recording.llmCall(response.describe(call).startedAt(start).build());
    return response.body();
  }

  /** What this store did so far (a snapshot). */
  public ReplayStats stats() {
    synchronized (problems) {
      return new ReplayStats(replayed.sum(), recorded.sum(), live.sum(), missing.sum(), stale.sum(),
          problems);
    }
  }

  private Optional<ReplayResponse> replay(ReplayKey key) {
    Path file = fileFor(key);
    RecordingFile.Stored s = RecordingFile.readIfExists(file);
    if (s == null) {
      return Optional.empty();
    }
    if (!s.requestHash().equals(key.requestHash()) || s.repeat() != key.repeat()
        || !s.provider().equals(key.provider()) || !s.model().equals(key.model())) {
      throw new ReplayException("recording " + file + " is for " + s.provider() + "/" + s.model()
          + " request sha256:" + s.requestHash() + " repeat " + s.repeat() + ", not for " + key
          + " (edited by hand?); delete it and re-record");
    }
    replayed.increment();
    return Optional.of(new ReplayResponse(s.body(), true, s.latency(), s.recordedAt()));
  }

  private ReplayResponse record(ReplayKey key, LiveCall liveCall, boolean auto)
      throws IOException, InterruptedException {
    List<Path> superseded = staleFiles(key);
    if (auto) {
      if (superseded.isEmpty()) {
        missing.increment();
        problem(ReplayProblem.Kind.MISSING, key, null, fileFor(key), missingMessage(key));
      } else {
        String message = staleMessage(key, superseded.get(0), false);
        stale.increment();
        problem(ReplayProblem.Kind.STALE, key, hashOf(superseded.get(0)), superseded.get(0), message);
        LOG.log(Level.WARNING, message);
      }
    }
    ReplayResponse response = timed(liveCall);
    Path file = fileFor(key);
    RecordingFile.write(file, key, response.body(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
        response.latency());
    recorded.increment();
    key.logicalId().ifPresent(id -> {
      StaleIndex index = indexOf(key);
      index.put(id, key.requestHash(), file);
      for (Path old : superseded) {
        // the new recording replaces the one made for the old request
        try {
          Files.deleteIfExists(old);
        } catch (IOException e) {
          LOG.log(Level.WARNING, "cannot delete superseded recording " + old + ": " + e);
        }
        index.remove(id, old);
      }
    });
    return response;
  }

  private ReplayException missOrStale(ReplayKey key) {
    List<Path> others = staleFiles(key);
    if (!others.isEmpty()) {
      String message = staleMessage(key, others.get(0), true);
      stale.increment();
      problem(ReplayProblem.Kind.STALE, key, hashOf(others.get(0)), others.get(0), message);
      return new StaleRecordingException(message);
    }
    String message = missingMessage(key);
    missing.increment();
    problem(ReplayProblem.Kind.MISSING, key, null, fileFor(key), message);
    return new MissingRecordingException(message);
  }

  private String missingMessage(ReplayKey key) {
    return "No recording for " + key + ": expected " + fileFor(key) + " (mode " + mode.key()
        + "). Record it once against the live model with -D" + ReplayMode.PROPERTY + "=record (or "
        + ReplayMode.ENV + "=record; 'auto' records only what is missing), then commit the new "
        + "file(s) under " + root + ".";
  }

  private String staleMessage(ReplayKey key, Path recordedFile, boolean advise) {
    RecordingFile.Stored old = RecordingFile.readIfExists(recordedFile);
    String call = "'" + key.callId().orElse("?") + "' repeat " + key.repeat();
    if (old == null) {
      return "Stale recording for call " + call + " (" + key.provider() + "/" + key.model()
          + "): " + recordedFile + " vanished while reading it";
    }
    String diff = RequestDiff.firstDifference(old.request(), key.requestTree());
    return "Stale recording for call " + call + " (" + key.provider() + "/" + key.model()
        + "): recorded " + old.recordedAt() + " for request sha256:" + old.requestHash()
        + ", the current request is sha256:" + key.requestHash()
        + (diff.isEmpty() ? "" : "; first difference " + diff) + ". File: " + recordedFile + ". "
        + (advise
            ? "The prompt or its parameters changed since it was recorded; re-record with -D"
                + ReplayMode.PROPERTY + "=record (the stale file is replaced) and commit the change."
            : "Mode auto: calling the model and replacing the stale recording.");
  }

  private List<Path> staleFiles(ReplayKey key) {
    return key.logicalId()
        .map(id -> indexOf(key).others(id, key.requestHash()))
        .orElse(List.of());
  }

  private static String hashOf(Path file) {
    try {
      RecordingFile.Stored s = RecordingFile.readIfExists(file);
      return s == null ? null : s.requestHash();
    } catch (ReplayException e) {
      return null;
    }
  }

  private StaleIndex indexOf(ReplayKey key) {
    return indexes.computeIfAbsent(folderOf(key), StaleIndex::scan);
  }

  private Object lockOf(ReplayKey key) {
    return keyLocks.computeIfAbsent(key.fileHash(), k -> new Object());
  }

  private void problem(ReplayProblem.Kind kind, ReplayKey key, String recordedHash, Path file,
      String message) {
    synchronized (problems) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(new ReplayProblem(kind, key.toString(), recordedHash,
            root.relativize(file).toString().replace('\\', '/'), message));
      }
    }
  }

  private Path folderOf(ReplayKey key) {
    return root.resolve(segment(key.provider())).resolve(segment(key.model()));
  }

  /** A folder name any file system accepts: {@code models/gemini-2.0:flash} → {@code models_gemini-2.0_flash}. */
  static String segment(String name) {
    StringBuilder s = new StringBuilder();
    name.codePoints().limit(80).forEach(c -> s.append(
        c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_') ? (char) c : '_'));
    String folder = s.toString();
    return folder.isEmpty() || folder.chars().allMatch(c -> c == '.') ? "_" : folder;
  }

  private static ReplayResponse timed(LiveCall liveCall) throws IOException, InterruptedException {
    long start = System.nanoTime();
    String body = liveCall.call();
    if (body == null) {
      throw new ReplayException("the live call returned no body (null)");
    }
    return new ReplayResponse(body, false, Duration.ofNanos(System.nanoTime() - start), null);
  }
}
