package io.github.evals4j.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayStoreConcurrencyTest {

  private static final int THREADS = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  private static ReplayKey key() {
    return ReplayKey.of("openai", "gpt-4o-mini", ReplayStoreTest.request("same"), 0).withCallId("c1");
  }

  /** Runs {@code task(i)} on every thread, all released at once. */
  private <T> List<T> together(java.util.function.IntFunction<Callable<T>> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Callable<T> body = task.apply(i);
      futures.add(pool.submit(() -> {
        start.await();
        return body.call();
      }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void should_leave_one_whole_file_when_separate_stores_record_the_same_key_at_once() throws Exception {
    // GIVEN one store per thread (as separate JVMs would have: no shared lock) recording one key
    // with a large body, 5 rounds so that writes overlap
    String filler = "夜間バッチ失敗 🚨 ".repeat(20_000);
    for (int round = 0; round < 5; round++) {
      List<String> bodies = together(i -> () -> {
        String body = ReplayStoreTest.completion("thread " + i + " " + filler);
        ReplayStore.at(dir, ReplayMode.RECORD).exchange(key(), () -> body);
        return body;
      });
      // THEN exactly one recording, no temporary file left, and it is one thread's whole answer
      assertThat(files()).hasSize(1);
      String replayed = ReplayStore.at(dir, ReplayMode.REPLAY).exchange(key(), () -> "never").body();
      assertThat(bodies.stream().map(ReplayStoreConcurrencyTest::tree).toList()).contains(tree(replayed));
    }
  }

  @Test
  void should_call_the_model_once_when_threads_of_one_store_miss_the_same_key_in_auto_mode() throws Exception {
    // GIVEN one shared store in auto mode and no recording
    ReplayStore store = ReplayStore.at(dir, ReplayMode.AUTO);
    AtomicInteger live = new AtomicInteger();
    // WHEN eight threads ask for the same call at once
    List<ReplayResponse> responses = together(i -> () -> store.exchange(key(),
        () -> ReplayStoreTest.completion("answer " + live.incrementAndGet())));
    // THEN one live call, one recording, everybody got the same answer
    assertThat(live).hasValue(1);
    assertThat(files()).hasSize(1);
    Set<String> answers = responses.stream()
        .map(r -> tree(r.body()).at("/choices/0/message/content").asText()).collect(Collectors.toSet());
    assertThat(answers).containsExactly("answer 1");
    assertThat(responses).filteredOn(ReplayResponse::replayed).hasSize(THREADS - 1);
    assertThat(store.stats()).hasToString("replay: 7 replayed, 1 recorded, 0 live, 1 missing, 0 stale");
  }

  @Test
  void should_record_many_keys_in_parallel_and_replay_them_all() throws Exception {
    // GIVEN eight threads recording 25 distinct calls each through one store
    ReplayStore store = ReplayStore.at(dir, ReplayMode.AUTO);
    together(t -> () -> {
      for (int c = 0; c < 25; c++) {
        String id = "case-" + t + "-" + c;
        store.exchange(ReplayKey.of("openai", "gpt-4o-mini", ReplayStoreTest.request(id), 0).withCallId(id),
            () -> ReplayStoreTest.completion(id));
      }
      return null;
    });
    // THEN 200 files, each replaying its own answer
    assertThat(files()).hasSize(THREADS * 25);
    ReplayStore replay = ReplayStore.at(dir, ReplayMode.REPLAY);
    for (int t = 0; t < THREADS; t++) {
      for (int c = 0; c < 25; c++) {
        String id = "case-" + t + "-" + c;
        String body = replay.exchange(ReplayKey.of("openai", "gpt-4o-mini", ReplayStoreTest.request(id), 0)
            .withCallId(id), () -> "never").body();
        assertThat(tree(body).at("/choices/0/message/content").asText()).isEqualTo(id);
      }
    }
    assertThat(store.stats().stale()).isZero();
    assertThat(replay.stats().replayed()).isEqualTo(THREADS * 25L);
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
