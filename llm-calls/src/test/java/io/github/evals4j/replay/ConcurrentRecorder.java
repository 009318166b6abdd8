package io.github.evals4j.replay;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One recording JVM for {@link ReplayStoreAcrossJvmsTest}: says "ready", waits for "go" on its
 * standard input (so that every JVM starts recording at once), records {@code count} identical
 * calls with auto-numbered repeats, each answered "{@code name} {@code i}", and says "done".
 *
 * <p>Arguments: the recordings folder, this JVM's name, the number of calls.
 */
public final class ConcurrentRecorder {

  private ConcurrentRecorder() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    String name = args[1];
    int count = Integer.parseInt(args[2]);
    ReplayStore store = ReplayStore.at(root, ReplayMode.RECORD);
    System.out.println("ready");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (!"go".equals(in.readLine())) {
      throw new IllegalStateException("expected go");
    }
    for (int i = 0; i < count; i++) {
      String answer = name + " " + i;
      store.exchange(ReplayStoreAcrossJvmsTest.key(), () -> ReplayStoreTest.completion(answer));
    }
    System.out.println("done " + store.stats());
    System.out.flush();
  }
}
