package io.github.evals4j.assertions.content;

import io.github.evals4j.check.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the signs that an output was cut off: an unclosed fence, unclosed JSON, a trailing
 * ellipsis (not to be confused with shortening text, which the extension does before sending it).
 */
final class CutOffDetector {

  private CutOffDetector() {}

  static List<Evidence> find(String output) {
    List<Evidence> evidence = new ArrayList<>();
    int openFence = -1;
    int openFenceLineEnd = -1;
    boolean jsonFence = false;
    int jsonStart = -1;
    int lineStart = 0;
    int n = output.length();
    while (lineStart <= n) {
      int lineEnd = output.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      int j = lineStart;
      while (j < lineEnd && j - lineStart < 3 && output.charAt(j) == ' ') {
        j++;
      }
      if (output.startsWith("```", j) || output.startsWith("~~~", j)) {
        if (openFence < 0) {
          openFence = j;
          openFenceLineEnd = lineEnd;
          String info = output.substring(j + 3, lineEnd).strip().toLowerCase(java.util.Locale.ROOT);
          jsonFence = info.startsWith("json");
          jsonStart = Math.min(lineEnd + 1, n);
        } else {
          if (jsonFence) {
            json(output, jsonStart, lineStart, evidence);
          }
          openFence = -1;
          jsonFence = false;
        }
      }
      lineStart = lineEnd + 1;
    }
    if (openFence >= 0) {
      evidence.add(Matches.evidence(output, openFence, openFenceLineEnd, "unclosed-fence",
          "a code fence opened here is never closed: the output may be cut off"));
      if (jsonFence) {
        json(output, jsonStart, n, evidence);
      }
    }
    int first = 0;
    while (first < n && (Character.isWhitespace(output.charAt(first)) || output.charAt(first) == '\uFEFF')) {
      first++;
    }
    if (first < n && (output.charAt(first) == '{' || output.charAt(first) == '[')) {
      json(output, first, n, evidence);
    }
    ellipsis(output, evidence);
    return evidence;
  }

  /** Brackets still open (or a string still open) at {@code end}: JSON cut off. Iterative. */
  private static void json(String output, int from, int end, List<Evidence> evidence) {
    int[] stack = new int[16];
    int depth = 0;
    boolean inString = false;
    int stringStart = -1;
    for (int i = from; i < end; i++) {
      char c = output.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        inString = true;
        stringStart = i;
      } else if (c == '{' || c == '[') {
        if (depth == stack.length) {
          stack = java.util.Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = i;
      } else if ((c == '}' || c == ']') && depth > 0) {
        depth--;
        if (depth == 0) {
          return; // a complete value; anything after it is not this rule's business
        }
      }
    }
    if (depth > 0 || inString) {
      int start = depth > 0 ? stack[0] : stringStart;
      evidence.add(Matches.evidence(output, start, end, "truncated-json",
          (inString ? "a JSON string" : depth + " JSON bracket(s)") + " opened here never"
              + " closed: the JSON is cut off"));
    }
  }

  private static void ellipsis(String output, List<Evidence> evidence) {
    int end = output.length();
    while (end > 0 && Character.isWhitespace(output.charAt(end - 1))) {
      end--;
    }
    int start;
    if (output.startsWith("...", Math.max(0, end - 3)) && end >= 3) {
      start = end - 3;
    } else if (end >= 1 && output.charAt(end - 1) == '\u2026') {
      start = end - 1;
    } else {
      return;
    }
    while (start > 0 && output.charAt(start - 1) == '.') {
      start--;
    }
    if (start == 0) {
      return;
    }
    char before = output.charAt(start - 1);
    if (Character.isLetterOrDigit(before) || before == ',' || before == ' ') {
      int from = start;
      int words = 0;
      while (from > 0 && words < 6) {
        from--;
        if (Character.isWhitespace(output.charAt(from)) && from < start - 1) {
          words++;
        }
      }
      evidence.add(Matches.evidence(output, from == 0 ? 0 : from + 1, end, "trailing-ellipsis",
          "the output ends mid-sentence with an ellipsis: it may be cut off"));
    }
  }
}
