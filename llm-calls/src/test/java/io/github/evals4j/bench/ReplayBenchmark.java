package io.github.evals4j.bench;

import io.github.evals4j.replay.ReplayKey;
import io.github.evals4j.replay.ReplayMode;
import io.github.evals4j.replay.ReplayStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What replaying costs a call: building the key (canonical hash of a ~4 KB chat request) and
 * reading its ~6 KB recording back; the live call it replaces takes 0.5-5 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReplayBenchmark {

  private Path dir;
  private String request;
  private ReplayStore store;
  private ReplayKey key;

  @Setup
  public void record() throws IOException, InterruptedException {
    dir = Files.createTempDirectory("replay-bench");
    String context = "2025-03-02T10:02:11Z ERROR payments E1042 timeout after 30000 ms, 夜間バッチ失敗 ".repeat(40);
    request = "{\"model\":\"gpt-4o-mini\",\"temperature\":0.2,\"max_tokens\":400,\"messages\":["
        + "{\"role\":\"system\",\"content\":\"Summarize the incident in three sentences. Cite only numbers in the log.\"},"
        + "{\"role\":\"user\",\"content\":\"" + context + "\"}]}";
    String answer = "The payments service timed out (E1042) at 10:02:11 UTC after 30000 ms. ".repeat(20);
    String body = "{\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"" + answer + "\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":1210,\"completion_tokens\":400,\"total_tokens\":1610}}";
    key = ReplayKey.of("openai", "gpt-4o-mini", request, 0).withCallId("bench");
    ReplayStore.at(dir, ReplayMode.RECORD).exchange(key, () -> body);
    store = ReplayStore.at(dir, ReplayMode.REPLAY);
  }

  @TearDown
  public void delete() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public String keyOfRequest() {
    return ReplayKey.of("openai", "gpt-4o-mini", request, 0).requestHash();
  }

  @Benchmark
  public String replayOneCall() throws IOException, InterruptedException {
    return store.exchange(ReplayKey.of("openai", "gpt-4o-mini", request, 0).withCallId("bench"),
        () -> "never").body();
  }
}
