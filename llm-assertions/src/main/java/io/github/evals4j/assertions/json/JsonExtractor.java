package io.github.evals4j.assertions.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the JSON value inside an output that is not JSON as a whole: first in a Markdown code
 * fence (one labelled {@code json} before unlabelled ones), then in the prose around it. Bounded:
 * at most {@link #MAX_FENCES} fences and {@link #MAX_PROSE_ATTEMPTS} prose starts are tried, so the
 * cost stays a small multiple of the output length.
 */
final class JsonExtractor {

  static final int MAX_FENCES = 32;
  static final int MAX_PROSE_ATTEMPTS = 32;

  /** Where the JSON was found; {@code parsed} is invalid when nothing usable was found. */
  record Extraction(ParsedJson parsed, String description) {}

  /** A fenced code block: its info word, the line of its opening fence and its content span. */
  record Fence(String info, int line, int contentStart, int contentEnd) {
    boolean labelledJson() {
      return info.equals("json") || info.equals("jsonc") || info.equals("json5");
    }
  }

  private JsonExtractor() {}

  static Extraction find(String text, int from, StrictJsonReader reader) {
    List<Fence> fences = fences(text, from);
    ParsedJson firstFenceError = null;
    Fence failedFence = null;
    for (int pass = 0; pass < 2; pass++) {
      for (Fence fence : fences) {
        if ((pass == 0) != fence.labelledJson()) {
          continue;
        }
        int first = JsonText.skipWhitespace(text, fence.contentStart(), fence.contentEnd());
        if (pass == 1 && (first == fence.contentEnd()
            || (text.charAt(first) != '{' && text.charAt(first) != '['))) {
          continue;
        }
        ParsedJson parsed = reader.read(text, fence.contentStart(), fence.contentEnd(), false);
        if (parsed.valid()) {
          return new Extraction(parsed, describe(fence));
        }
        if (firstFenceError == null) {
          firstFenceError = parsed;
          failedFence = fence;
        }
      }
      if (pass == 0 && firstFenceError != null) {
        // A fence labelled json that does not parse is the answer's JSON, broken: say so rather
        // than pick some smaller value out of it.
        return new Extraction(firstFenceError, describe(failedFence));
      }
    }
    Extraction prose = fromProse(text, from, reader);
    if (!prose.parsed().valid() && firstFenceError != null) {
      return new Extraction(firstFenceError, describe(failedFence));
    }
    return prose;
  }

  /** Whether the output has a code fence or a bracket after some prose: worth a hint. */
  static String hint(String text, int from) {
    List<Fence> fences = fences(text, from);
    if (!fences.isEmpty()) {
      return "the output holds a Markdown code fence at line " + fences.get(0).line();
    }
    int first = JsonText.skipWhitespace(text, from, text.length());
    if (first == text.length() || "{[\"-0123456789/'\uFEFF".indexOf(text.charAt(first)) >= 0) {
      return null; // it starts like JSON: broken JSON, not JSON wrapped in prose
    }
    int bracket = nextBracket(text, first);
    return bracket < 0 ? null : "the output starts with prose and has a '" + text.charAt(bracket)
        + "' at " + CaretExcerpt.position(text, bracket);
  }

  private static Extraction fromProse(String text, int from, StrictJsonReader reader) {
    ParsedJson best = null;
    ParsedJson firstError = null;
    int attempts = 0;
    int i = from;
    while (attempts < MAX_PROSE_ATTEMPTS) {
      int next = nextBracket(text, i);
      if (next < 0) {
        break;
      }
      attempts++;
      ParsedJson parsed = reader.read(text, next, text.length(), true);
      if (parsed.valid()) {
        if (best == null || parsed.valueEnd() - parsed.valueStart()
            > best.valueEnd() - best.valueStart()) {
          best = parsed;
        }
        i = parsed.valueEnd();
      } else {
        if (firstError == null) {
          firstError = parsed;
        }
        // Brackets inside a broken value are fragments of it, not JSON of their own: resume after
        // the error (a truncated document thus yields its error, not some inner object).
        i = Math.max(next + 1, parsed.error().start());
      }
    }
    if (best != null) {
      return new Extraction(best, "the prose around it (" + (best.valueStart() - from)
          + " chars before it, " + (text.length() - best.valueEnd()) + " after)");
    }
    if (firstError != null) {
      return new Extraction(firstError, "the prose around it");
    }
    return new Extraction(ParsedJson.failed(JsonSyntaxError.at(from, from, "not-found",
        "no JSON object or array found in the output (no code fence, no '{' or '[')")),
        "the output");
  }

  private static int nextBracket(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '[') {
        return i;
      }
    }
    return -1;
  }

  private static String describe(Fence fence) {
    return "a " + (fence.info().isEmpty() ? "" : "```" + fence.info() + " ")
        + "Markdown code fence at line " + fence.line();
  }

  /** CommonMark fenced code blocks: up to 3 spaces, 3+ backticks or tildes, closed by the same. */
  static List<Fence> fences(String text, int from) {
    List<Fence> fences = new ArrayList<>();
    int line = 1;
    for (int i = 0; i < from; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    int pos = from;
    while (pos < text.length() && fences.size() < MAX_FENCES) {
      int lineEnd = lineEnd(text, pos);
      int marker = indentOf(text, pos, lineEnd);
      int run = fenceRun(text, marker, lineEnd);
      if (run >= 3) {
        char fenceChar = text.charAt(marker);
        String info = text.substring(marker + run, lineEnd).trim();
        int space = info.indexOf(' ');
        info = (space < 0 ? info : info.substring(0, space)).toLowerCase(Locale.ROOT);
        if (fenceChar == '`' && info.indexOf('`') >= 0) {
          pos = next(text, lineEnd);
          line++;
          continue;
        }
        int openLine = line;
        int contentStart = next(text, lineEnd);
        int cursor = contentStart;
        line++;
        int contentEnd = text.length();
        int after = text.length();
        while (cursor < text.length()) {
          int end = lineEnd(text, cursor);
          int m = indentOf(text, cursor, end);
          int closing = fenceRun(text, m, end);
          if (closing >= run && text.charAt(m) == fenceChar
              && text.substring(m + closing, end).isBlank()) {
            contentEnd = cursor;
            after = next(text, end);
            line++;
            break;
          }
          cursor = next(text, end);
          line++;
        }
        fences.add(new Fence(info, openLine, contentStart, Math.max(contentStart, contentEnd)));
        pos = after;
      } else {
        pos = next(text, lineEnd);
        line++;
      }
    }
    return fences;
  }

  private static int lineEnd(String text, int pos) {
    int end = text.indexOf('\n', pos);
    return end < 0 ? text.length() : end;
  }

  private static int next(String text, int lineEnd) {
    return Math.min(text.length(), lineEnd + 1);
  }

  private static int indentOf(String text, int pos, int lineEnd) {
    int i = pos;
    while (i < lineEnd && i - pos < 3 && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static int fenceRun(String text, int pos, int lineEnd) {
    if (pos >= lineEnd) {
      return 0;
    }
    char c = text.charAt(pos);
    if (c != '`' && c != '~') {
      return 0;
    }
    int i = pos;
    while (i < lineEnd && text.charAt(i) == c) {
      i++;
    }
    return i - pos;
  }
}
