package io.github.evals4j.replay;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which repeat numbers of a call the stores writing into one recordings folder have taken, shared
 * by every store of every JVM on this machine that runs at the same time (Surefire forks, Gradle
 * workers, parallel builds of one checkout).
 *
 * <p>Without it, each store numbers the repeats of a call from 0: four forks recording 250 repeats
 * each wrote repeats 0..249 four times over, and 750 paid answers were lost without a word. Now a
 * store about to record a repeat takes the number under an exclusive {@link FileChannel#lock()}
 * of the call's claim file, skipping the numbers other live stores took; a number taken in a
 * previous run (its JVM has ended) is free again, so {@code record} mode still re-records from 0.
 *
 * <p>A JVM is live while it holds the lock on its own owner file, which it takes on first use and
 * keeps until it exits (the operating system releases it then, even after a crash). The claim
 * files live under {@code java.io.tmpdir}, not next to the recordings, so nothing of this reaches
 * version control.
 */
final class RepeatClaims {

  private static final System.Logger LOG = System.getLogger(ReplayStore.class.getName());

  /** This JVM's identity in claim files. */
  private static final String JVM = UUID.randomUUID().toString();

  private static final AtomicInteger STORES = new AtomicInteger();

  /** One monitor per claim file: a JVM may hold only one lock on a file at a time. */
  private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private static final Object OWNER_MONITOR = new Object();
  private static FileChannel ownerChannel; // kept open (and locked) until the JVM exits

  private final Path dir;
  private final String store = JVM + ":" + STORES.incrementAndGet();
  private boolean warned;

  RepeatClaims(Path root) {
    String name = CanonicalJson.sha256Hex(root.toString()).substring(0, 16);
    this.dir = Path.of(System.getProperty("java.io.tmpdir"), "evals4j-replay-claims", name);
  }

  /** What to do with the repeat a store numbers: replay the recording, or record it. */
  record Decision(int repeat, boolean replay) {}

  /**
   * The repeat {@code key} (whose repeat the store numbers) gets, from {@code from} on: the first
   * number no other live store has taken; in {@code auto} mode a number already recorded is
   * replayed rather than taken. The number taken is this store's until its JVM ends, unless
   * {@link #release released}.
   */
  Decision claim(ReplayKey key, int from, boolean auto, java.util.function.IntPredicate recorded) {
    try {
      return withClaims(key, claims -> {
        int n = from;
        while (true) {
          if (auto && recorded.test(n)) {
            return new Decision(n, true);
          }
          if (!claims.containsKey(n)) {
            claims.put(n, store);
            return new Decision(n, false);
          }
          n++;
        }
      });
    } catch (IOException e) {
      return fallback(e, from, auto, recorded);
    }
  }

  /** Gives back a number whose live call failed, so that another store may record it. */
  void release(ReplayKey key, int repeat) {
    try {
      withClaims(key, claims -> {
        claims.remove(repeat, store);
        return null;
      });
    } catch (IOException e) {
      warn(e);
    }
  }

  /** Without a shared folder, repeats are numbered by this store alone, as before. */
  private Decision fallback(IOException e, int from, boolean auto,
      java.util.function.IntPredicate recorded) {
    warn(e);
    return new Decision(from, auto && recorded.test(from));
  }

  private synchronized void warn(IOException e) {
    if (!warned) {
      warned = true;
      LOG.log(Level.WARNING, "cannot share repeat numbers with other JVMs through " + dir + " ("
          + e + "): repeats are numbered by this store alone, and stores recording the same"
          + " call at the same time in other JVMs may overwrite each other's recordings");
    }
  }

  private interface Change<T> {
    T apply(Map<Integer, String> claims);
  }

  /** Runs {@code change} on the live claims of {@code key}'s call, under the call's file lock. */
  private <T> T withClaims(ReplayKey key, Change<T> change) throws IOException {
    Files.createDirectories(dir);
    ensureOwnerLock();
    Path file = dir.resolve(CanonicalJson.sha256Hex(key.callKey()).substring(0, 32) + ".claims");
    synchronized (MONITORS.computeIfAbsent(file, f -> new Object())) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Map<Integer, String> claims = live(read(channel));
        T result = change.apply(claims);
        write(channel, claims);
        return result;
      }
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE, channel.size()));
    channel.position(0);
    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
      // read it all
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static void write(FileChannel channel, Map<Integer, String> claims) throws IOException {
    StringBuilder sb = new StringBuilder();
    claims.forEach((repeat, owner) -> sb.append(repeat).append(' ').append(owner).append('\n'));
    ByteBuffer bytes = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    channel.truncate(0);
    channel.position(0);
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** The claims of stores whose JVM still runs; a malformed line is dropped. */
  private Map<Integer, String> live(String text) {
    Map<Integer, String> claims = new LinkedHashMap<>();
    Map<String, Boolean> alive = new HashMap<>();
    for (String line : text.split("\n")) {
      int space = line.indexOf(' ');
      int colon = line.indexOf(':', space + 1);
      if (space <= 0 || colon < 0) {
        continue;
      }
      String owner = line.substring(space + 1);
      String jvm = owner.substring(0, colon - space - 1);
      if (alive.computeIfAbsent(jvm, this::isAlive)) {
        try {
          claims.put(Integer.parseInt(line.substring(0, space)), owner);
        } catch (NumberFormatException e) {
          // not a claim
        }
      }
    }
    return claims;
  }

  /** Whether the JVM {@code jvm} still holds the lock on its owner file. */
  private boolean isAlive(String jvm) {
    if (jvm.equals(JVM)) {
      return true;
    }
    if (!jvm.matches("[0-9a-f-]{36}")) {
      return false;
    }
    Path owner = ownersDir().resolve(jvm + ".lock");
    if (!Files.exists(owner)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(owner, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      Files.deleteIfExists(owner); // its JVM has ended
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Path ownersDir() {
    return dir.getParent().resolve("owners");
  }

  /** Takes this JVM's owner lock on first use and keeps it until the JVM exits. */
  private void ensureOwnerLock() throws IOException {
    synchronized (OWNER_MONITOR) {
      if (ownerChannel == null) {
        Files.createDirectories(ownersDir());
        FileChannel channel = FileChannel.open(ownersDir().resolve(JVM + ".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
          channel.close();
          throw new IOException("cannot lock this JVM's owner file");
        }
        ownerChannel = channel;
      }
    }
  }
}
