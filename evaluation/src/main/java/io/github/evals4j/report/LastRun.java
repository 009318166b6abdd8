package io.github.evals4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@value #FILE} next to {@code report.json}: what the last run in that report directory did,
 * written when the run starts ({@link State#RUNNING}) and again when it ends. It is how
 * {@code check} knows whether {@code report.json} is the last run's: a run that crashed, wrote
 * nothing (no test attributed to a prompt) or could not write its report leaves the previous
 * run's {@code report.json} in place, and judging that one would be judging the wrong run.
 *
 * <pre>{@code
 * {"state": "reported", "runId": "github-4242", "startedAt": "2026-11-23T17:00:00Z", "endedAt": "2026-11-23T17:04:10Z"}
 * }</pre>
 *
 * @param state what the run did
 * @param runId the run id, empty until the run ends
 * @param startedAt when the run started (for a run that ended, the report's {@code run.startedAt})
 * @param endedAt when it ended, empty while it runs
 * @param detail why the report is missing, for {@link State#NOT_WRITTEN}; empty otherwise
 */
public record LastRun(State state, String runId, String startedAt, String endedAt, String detail) {

  /** The file name, in the report directory. */
  public static final String FILE = "last-run.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What a run did with its report. */
  public enum State {
    /** Started, not ended (still running, or the JVM died first). */
    RUNNING("running"),
    /** Wrote {@code report.json} (possibly a broken run's report naming its error). */
    REPORTED("reported"),
    /** Ended without any test attributed to a prompt (nor any whose cases did not load): nothing to judge. */
    EMPTY("empty"),
    /** Ended, but its reports could not be written. */
    NOT_WRITTEN("not-written");

    private final String json;

    State(String json) {
      this.json = json;
    }

    /** The state as written in the file. */
    public String json() {
      return json;
    }

    static Optional<State> of(String json) {
      for (State s : values()) {
        if (s.json.equals(json)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  public LastRun {
    Objects.requireNonNull(state, "state");
    runId = Objects.requireNonNullElse(runId, "");
    startedAt = Objects.requireNonNullElse(startedAt, "");
    endedAt = Objects.requireNonNullElse(endedAt, "");
    detail = Objects.requireNonNullElse(detail, "");
  }

  /** A run that has just started. */
  public static LastRun running(Instant startedAt) {
    return new LastRun(State.RUNNING, "", startedAt.toString(), "", "");
  }

  /** This file's run start as an instant, if it is one. */
  public Optional<Instant> started() {
    return instant(startedAt);
  }

  /** Writes the file into {@code reportDir}, atomically. */
  public void write(Path reportDir) throws IOException {
    ObjectNode node = MAPPER.createObjectNode()
        .put("state", state.json).put("runId", runId).put("startedAt", startedAt).put("endedAt", endedAt);
    if (!detail.isEmpty()) {
      node.put("detail", detail);
    }
    AtomicFiles.write(reportDir.resolve(FILE), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
  }

  /**
   * The file in {@code reportDir}, empty when there is none.
   *
   * @throws IllegalArgumentException one line naming the file when it is not such a file
   */
  public static Optional<LastRun> read(Path reportDir) {
    Path file = reportDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      if (Files.size(file) > 64 * 1024) {
        throw new IllegalArgumentException(file + ": larger than a " + FILE + " can be");
      }
      node = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not JSON: " + ReportJson.oneLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (node == null || !node.isObject() || !node.path("state").isTextual()
        || State.of(node.path("state").asText()).isEmpty()) {
      throw new IllegalArgumentException(file + ": /state: not one of running, reported, empty, not-written");
    }
    return Optional.of(new LastRun(State.of(node.get("state").asText()).orElseThrow(),
        text(node, "runId"), text(node, "startedAt"), text(node, "endedAt"), text(node, "detail")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : "";
  }

  /** {@code s} as an instant (ISO-8601, e.g. {@code 2026-11-23T17:00:00Z}), if it is one. */
  public static Optional<Instant> instant(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(s.strip()));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(java.time.OffsetDateTime.parse(s.strip()).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  @Override
  public String toString() {
    return state.json.toUpperCase(Locale.ROOT) + " " + startedAt;
  }
}
