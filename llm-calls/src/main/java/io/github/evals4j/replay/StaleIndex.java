package io.github.evals4j.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recordings of one provider/model folder by logical call id ({@code call id #repeat}), read
 * once per store, so a miss can tell "never recorded" from "recorded for another request".
 * Thread-safe; kept current by the store's own writes.
 */
final class StaleIndex {

  private final Map<String, Map<String, Path>> byCall = new HashMap<>();

  private StaleIndex() {}

  static StaleIndex scan(Path dir) {
    StaleIndex index = new StaleIndex();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : files) {
        RecordingFile.Stored s;
        try {
          s = RecordingFile.readIfExists(file);
        } catch (ReplayException unreadable) {
          // reported when a call asks for that very file; it cannot mark another one stale
          continue;
        }
        if (s != null && s.logicalId() != null) {
          index.put(s.logicalId(), s.requestHash(), file);
        }
      }
    } catch (NoSuchFileException e) {
      // nothing recorded for this model yet
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list recordings in " + dir, e);
    }
    return index;
  }

  synchronized void put(String logicalId, String requestHash, Path file) {
    byCall.computeIfAbsent(logicalId, k -> new HashMap<>()).put(requestHash, file);
  }

  /** Files of {@code logicalId} recorded for another request than {@code requestHash}. */
  synchronized List<Path> others(String logicalId, String requestHash) {
    Map<String, Path> hashes = byCall.getOrDefault(logicalId, Map.of());
    List<Path> files = new ArrayList<>();
    hashes.forEach((hash, file) -> {
      if (!hash.equals(requestHash)) {
        files.add(file);
      }
    });
    files.sort(null);
    return files;
  }

  synchronized void remove(String logicalId, Path file) {
    Map<String, Path> hashes = byCall.get(logicalId);
    if (hashes != null) {
      hashes.values().remove(file);
    }
  }
}
