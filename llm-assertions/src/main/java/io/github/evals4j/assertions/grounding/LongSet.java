package io.github.evals4j.assertions.grounding;

/**
 * An open-addressing set of 64-bit key hashes: a source index of 50 MB holds millions of keys,
 * and boxed strings would cost ten times the memory. Not thread-safe while filled; read-only and
 * safely shared once its {@link Sources} is built.
 */
final class LongSet {

  private static final long EMPTY = 0L;

  private long[] slots = new long[1 << 10];
  private int size;

  void add(long hash) {
    long h = hash == EMPTY ? 1L : hash;
    if (size * 4 >= slots.length * 3) {
      grow();
    }
    if (insert(slots, h)) {
      size++;
    }
  }

  boolean contains(long hash) {
    long h = hash == EMPTY ? 1L : hash;
    int mask = slots.length - 1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      long v = slots[i];
      if (v == h) {
        return true;
      }
      if (v == EMPTY) {
        return false;
      }
    }
  }

  int size() {
    return size;
  }

  private static boolean insert(long[] table, long h) {
    int mask = table.length - 1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      long v = table[i];
      if (v == h) {
        return false;
      }
      if (v == EMPTY) {
        table[i] = h;
        return true;
      }
    }
  }

  private void grow() {
    long[] bigger = new long[slots.length * 2];
    for (long v : slots) {
      if (v != EMPTY) {
        insert(bigger, v);
      }
    }
    slots = bigger;
  }
}
