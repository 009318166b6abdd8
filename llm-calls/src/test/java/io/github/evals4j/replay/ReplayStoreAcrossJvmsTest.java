package io.github.evals4j.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores in separate JVMs (Surefire forks, Gradle workers) recording the same call with
 * auto-numbered repeats at the same time: every recording kept, every one replayable. Each
 * store numbered from 0, so three JVMs of 200 calls left 200 files for 600 paid answers.
 */
class ReplayStoreAcrossJvmsTest {

  private static final int JVMS = 3;
  private static final int CALLS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() {
    processes.forEach(Process::destroyForcibly);
  }

  /** The call every JVM makes; its repeat is numbered by the store. */
  static ReplayKey key() {
    return ReplayKey.of("openai", "gpt-4o-mini", ReplayStoreTest.request("same question"))
        .withCallId("case-1");
  }

  private Process start(String name) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        ConcurrentRecorder.class.getName(), dir.toString(), name, String.valueOf(CALLS))
        .redirectErrorStream(true);
    // hermetic: the child's store is in record mode whatever the environment says
    builder.environment().remove(ReplayMode.ENV);
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  @Test
  void should_keep_every_recording_when_jvms_record_repeats_of_the_same_call_at_once()
      throws Exception {
    // GIVEN three JVMs, each with its own store on the same folder, ready to record
    List<BufferedReader> outputs = new ArrayList<>();
    for (int j = 0; j < JVMS; j++) {
      Process p = start("jvm" + j);
      BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).as("jvm%s started", j).isEqualTo("ready");
      outputs.add(out);
    }
    // WHEN all of them record 200 repeats of one call at once
    for (Process p : processes) {
      Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
      in.write("go\n");
      in.flush();
    }
    for (int j = 0; j < JVMS; j++) {
      String last = null;
      for (String line; (line = outputs.get(j).readLine()) != null; ) {
        last = line;
      }
      assertThat(processes.get(j).waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(processes.get(j).exitValue()).as("jvm%s said %s", j, last).isZero();
      assertThat(last).startsWith("done replay: 0 replayed, " + CALLS + " recorded");
    }
    // THEN there is one recording per call, and a store replays every one of them
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).hasSize(JVMS * CALLS);
    }
    ReplayStore replay = ReplayStore.at(dir, ReplayMode.REPLAY);
    Set<String> answers = new HashSet<>();
    for (int i = 0; i < JVMS * CALLS; i++) {
      String body = replay.exchange(key(), () -> "never called").body();
      answers.add(JSON.readTree(body).at("/choices/0/message/content").asText());
    }
    Set<String> expected = new HashSet<>();
    for (int j = 0; j < JVMS; j++) {
      for (int i = 0; i < CALLS; i++) {
        expected.add("jvm" + j + " " + i);
      }
    }
    assertThat(answers).isEqualTo(expected);
    assertThat(replay.stats().replayed()).isEqualTo(JVMS * CALLS);
  }

  @Test
  void should_record_again_from_repeat_zero_once_the_recording_jvms_have_ended() throws Exception {
    // GIVEN a run that recorded three repeats, in a JVM that has ended
    Process first = start("old");
    BufferedReader out = new BufferedReader(
        new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("ready");
    first.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
    first.getOutputStream().flush();
    while (out.readLine() != null) {
      // wait for it to end
    }
    assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
    // WHEN this JVM records the same call again
    ReplayStore store = ReplayStore.at(dir, ReplayMode.RECORD);
    store.exchange(key(), () -> ReplayStoreTest.completion("new 0"));
    // THEN record mode re-records repeat 0: the old run's numbers are free again
    String body = ReplayStore.at(dir, ReplayMode.REPLAY).exchange(key(), () -> "never").body();
    assertThat(JSON.readTree(body).at("/choices/0/message/content").asText()).isEqualTo("new 0");
  }
}
