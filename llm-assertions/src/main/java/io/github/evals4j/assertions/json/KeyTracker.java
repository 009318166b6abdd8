package io.github.evals4j.assertions.json;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys of the open objects, to find a repeated key cheaply: one flat stack of names (each open
 * object owns the slice from its start), scanned linearly for the small objects LLMs write; an
 * object with many keys switches to a hash set. Jackson canonicalizes key strings within a parse,
 * so most comparisons end at the identity check.
 */
final class KeyTracker {

  private static final int LINEAR_LIMIT = 16;

  private String[] stack = new String[32];
  private int top;
  private int[] starts = new int[8];
  private Set<String>[] sets;

  /** An object opens at {@code depth}. */
  void open(int depth) {
    if (depth >= starts.length) {
      starts = Arrays.copyOf(starts, Math.max(depth + 1, starts.length * 2));
    }
    starts[depth] = top;
    if (sets != null && depth < sets.length) {
      sets[depth] = null;
    }
  }

  /** The object at {@code depth} closes: its keys are forgotten. */
  void close(int depth) {
    top = starts[depth];
  }

  /** Records {@code name} in the object at {@code depth}; false if it was already there. */
  boolean add(int depth, String name) {
    if (sets != null && depth < sets.length && sets[depth] != null) {
      return sets[depth].add(name);
    }
    int start = starts[depth];
    for (int i = start; i < top; i++) {
      String other = stack[i];
      if (other == name || other.equals(name)) {
        return false;
      }
    }
    if (top - start >= LINEAR_LIMIT) {
      Set<String> set = new HashSet<>(Arrays.asList(stack).subList(start, top));
      setAt(depth, set);
      return set.add(name);
    }
    if (top == stack.length) {
      stack = Arrays.copyOf(stack, stack.length * 2);
    }
    stack[top++] = name;
    return true;
  }

  @SuppressWarnings("unchecked")
  private void setAt(int depth, Set<String> set) {
    if (sets == null || depth >= sets.length) {
      Set<String>[] grown = (Set<String>[]) new Set<?>[Math.max(depth + 1, starts.length)];
      if (sets != null) {
        System.arraycopy(sets, 0, grown, 0, sets.length);
      }
      sets = grown;
    }
    sets[depth] = set;
  }
}
