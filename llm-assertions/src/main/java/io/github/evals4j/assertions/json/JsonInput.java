package io.github.evals4j.assertions.json;

import io.github.evals4j.check.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * The first step of every JSON check: find and strictly read the JSON value of an output, under
 * the check's {@link JsonOptions}. Offsets are always into the original output, also when the
 * JSON was extracted from a fence or prose.
 */
final class JsonInput {

  /** Longest evidence text kept for a span (a value may be megabytes long). */
  static final int MAX_EVIDENCE_TEXT = 200;

  final String output;
  final ParsedJson parsed;
  /** Spans the reader noted on the way: an ignored BOM, where JSON was extracted from. */
  final List<Evidence> notes;
  /** Where the JSON was found, for messages: "the whole output" or "a ```json fence at line 3". */
  final String source;
  /** When reading failed: why the output might still hold JSON (a fence, prose), else null. */
  final String hint;

  private JsonInput(String output, ParsedJson parsed, List<Evidence> notes, String source,
      String hint) {
    this.output = output;
    this.parsed = parsed;
    this.notes = notes;
    this.source = source;
    this.hint = hint;
  }

  static JsonInput read(String output, StrictJsonReader reader) {
    List<Evidence> notes = new ArrayList<>(2);
    if (output == null) {
      return new JsonInput(null, ParsedJson.failed(JsonSyntaxError.at(0, 0, "null",
          "the output is null")), notes, "the output", null);
    }
    JsonOptions options = reader.options();
    int from = 0;
    if (!output.isEmpty() && output.charAt(0) == JsonText.BOM && options.ignoreLeadingBom()) {
      from = 1;
      notes.add(new Evidence(0, 1, "\uFEFF", "bom",
          "leading byte order mark U+FEFF ignored (RFC 8259 §8.1; JsonOptions.ignoringLeadingBom)"));
    }
    ParsedJson whole = reader.read(output, from, output.length(), false);
    if (whole.valid() || !options.extractFromText()) {
      String hint = whole.valid() ? null : JsonExtractor.hint(output, from);
      return new JsonInput(output, whole, notes, "the whole output", hint);
    }
    JsonExtractor.Extraction extraction = JsonExtractor.find(output, from, reader);
    ParsedJson parsed = extraction.parsed();
    if (parsed.valid()) {
      notes.add(span(output, parsed.valueStart(), parsed.valueEnd(), "extracted",
          "JSON " + JsonKinds.of(parsed.rootToken()) + " extracted from " + extraction.description()
              + ": the output is not JSON as a whole"));
    }
    return new JsonInput(output, parsed, notes, extraction.description(), null);
  }

  boolean valid() {
    return parsed.valid();
  }

  boolean extracted() {
    return hasNote("extracted");
  }

  boolean hasNote(String kind) {
    for (Evidence note : notes) {
      if (note.kind().equals(kind)) {
        return true;
      }
    }
    return false;
  }

  /** Evidence for {@code [start, end)} whose text is cut to {@link #MAX_EVIDENCE_TEXT}. */
  static Evidence span(String output, int start, int end, String kind, String reason) {
    String text;
    if (end - start <= MAX_EVIDENCE_TEXT) {
      text = output.substring(start, end);
    } else {
      int cut = start + MAX_EVIDENCE_TEXT - 1;
      if (Character.isHighSurrogate(output.charAt(cut - 1))) {
        cut--;
      }
      text = output.substring(start, cut) + "\u2026";
    }
    return new Evidence(start, end, text, kind, reason);
  }

  /** The syntax error as evidence plus the line/caret message body; only when invalid. */
  Evidence errorEvidence() {
    JsonSyntaxError e = parsed.error();
    if (output == null) {
      return new Evidence(0, 0, "", e.kind(), e.message());
    }
    return span(output, e.start(), e.end(), e.kind(), e.message());
  }

  /**
   * {@code "<what> at line L, column C (offset S):\n<caret excerpt>"} for the syntax error, plus the
   * extraction hint when there is one.
   */
  String describeError() {
    JsonSyntaxError e = parsed.error();
    StringBuilder sb = new StringBuilder();
    sb.append(e.message());
    if (output != null) {
      sb.append(" at ").append(CaretExcerpt.position(output, e.start()))
          .append(" (offset ").append(e.start()).append(")")
          .append(System.lineSeparator())
          .append(CaretExcerpt.render(output, e.start(), e.end(), "  "));
    }
    if (!source.equals("the whole output") && !source.equals("the output")) {
      sb.append(System.lineSeparator()).append("(the JSON was looked for in ").append(source)
          .append(")");
    }
    if (hint != null) {
      sb.append(System.lineSeparator()).append("hint: ").append(hint)
          .append("; strict checks read the whole output as JSON. containsValidJson(),"
              + " extractingJson() or JsonOptions.extractingFromText() accept JSON inside text,"
              + " and say so in the result");
    }
    return sb.toString();
  }

  /** {@code "(from a ```json Markdown fence at line 3)"} or empty. */
  String sourceSuffix() {
    return extracted() ? " (extracted from " + source + ")" : "";
  }
}
