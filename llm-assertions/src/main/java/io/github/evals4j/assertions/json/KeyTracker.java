package io.github.evals4j.assertions.json;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys seen so far in each open object, by depth, to find a repeated key without allocating
 * per object: small objects (the common case) are scanned linearly in a reused array; an object
 * with many keys switches to a hash set. Jackson canonicalizes key strings, so most comparisons
 * are identity checks.
 */
final class KeyTracker {

  private static final int LINEAR_LIMIT = 16;

  private String[][] names = new String[8][];
  private int[] counts = new int[8];
  private Set<String>[] sets = newSets(8);

  void open(int depth) {
    if (depth >= counts.length) {
      int size = Math.max(depth + 1, counts.length * 2);
      names = Arrays.copyOf(names, size);
      counts = Arrays.copyOf(counts, size);
      sets = Arrays.copyOf(sets, size);
    }
    counts[depth] = 0;
    sets[depth] = null;
  }

  /** Records {@code name} in the object at {@code depth}; false if it was already there. */
  boolean add(int depth, String name) {
    Set<String> set = sets[depth];
    if (set != null) {
      return set.add(name);
    }
    String[] seen = names[depth];
    if (seen == null) {
      seen = names[depth] = new String[LINEAR_LIMIT];
    }
    int count = counts[depth];
    for (int i = 0; i < count; i++) {
      String other = seen[i];
      if (other == name || other.equals(name)) {
        return false;
      }
    }
    if (count < LINEAR_LIMIT) {
      seen[count] = name;
      counts[depth] = count + 1;
      return true;
    }
    set = new HashSet<>(Arrays.asList(seen));
    sets[depth] = set;
    return set.add(name);
  }

  @SuppressWarnings("unchecked")
  private static Set<String>[] newSets(int size) {
    return (Set<String>[]) new Set<?>[size];
  }
}
