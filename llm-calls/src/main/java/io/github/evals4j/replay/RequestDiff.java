package io.github.evals4j.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.internal.Texts;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * Where a recorded request and the current one first differ, as a JSON Pointer and both values,
 * so a stale-recording message says what changed ({@code /messages/0/content}), not only that
 * the hashes differ. Iterative: a deep request cannot overflow the stack.
 */
final class RequestDiff {

  private static final int EXCERPT = 80;

  private RequestDiff() {}

  /** {@code at /temperature: recorded 0.2, now 0.7}, or empty when both are equal. */
  static String firstDifference(JsonNode recorded, JsonNode current) {
    Deque<Object[]> todo = new ArrayDeque<>();
    todo.push(new Object[] {"", recorded, current});
    while (!todo.isEmpty()) {
      Object[] next = todo.pop();
      String path = (String) next[0];
      JsonNode a = (JsonNode) next[1];
      JsonNode b = (JsonNode) next[2];
      if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
        if (a != null && !a.isMissingNode() || b != null && !b.isMissingNode()) {
          return describe(path, a, b);
        }
      } else if (a.isObject() && b.isObject()) {
        TreeSet<String> names = new TreeSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        // pushed in reverse so the alphabetically first difference is found first
        for (Iterator<String> it = names.descendingIterator(); it.hasNext(); ) {
          String name = it.next();
          todo.push(new Object[] {path + "/" + escape(name), a.get(name), b.get(name)});
        }
      } else if (a.isArray() && b.isArray()) {
        for (int i = Math.max(a.size(), b.size()) - 1; i >= 0; i--) {
          todo.push(new Object[] {path + "/" + i, a.get(i), b.get(i)});
        }
      } else if (!CanonicalJson.write(a).equals(CanonicalJson.write(b))) {
        return describe(path, a, b);
      }
    }
    return "";
  }

  private static String describe(String path, JsonNode a, JsonNode b) {
    if (a != null && b != null && a.isTextual() && b.isTextual()) {
      String x = a.textValue();
      String y = b.textValue();
      int i = 0;
      while (i < x.length() && i < y.length() && x.charAt(i) == y.charAt(i)) {
        i++;
      }
      int from = Math.max(0, i - 20);
      if (from > 0 && Character.isLowSurrogate(x.charAt(from))) {
        from--;
      }
      return "at " + Texts.abbreviate(path, EXCERPT) + ", character " + i + ": recorded "
          + (from > 0 ? "\u2026" : "") + Texts.abbreviate(x.substring(from), 40) + ", now "
          + (from > 0 ? "\u2026" : "") + Texts.abbreviate(y.substring(from), 40);
    }
    return "at " + (path.isEmpty() ? "/" : Texts.abbreviate(path, EXCERPT)) + ": recorded "
        + value(a) + ", now " + value(b);
  }

  private static String value(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "(absent)";
    }
    return Texts.abbreviate(node.toString(), EXCERPT);
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
