package io.github.evals4j.alerts;

import io.github.evals4j.report.SentryFields;
import java.util.Optional;

/**
 * The prompt an alert watches: a prompt id, optionally one version ({@code summarize@v2}).
 *
 * @param id the prompt id, as the extension tags it ({@code prompt.id})
 * @param version a version ({@code prompt.version}), or empty for every version of the prompt
 */
record PromptScope(String id, Optional<String> version) {

  private static final int MAX = 200;

  PromptScope {
    check(id, "prompt id");
    version.ifPresent(v -> check(v, "prompt version"));
  }

  /** {@code id} or {@code id@version}. */
  static PromptScope parse(String text) {
    String t = text.strip();
    int at = t.lastIndexOf('@');
    if (at > 0 && at < t.length() - 1) {
      return new PromptScope(t.substring(0, at), Optional.of(t.substring(at + 1)));
    }
    return new PromptScope(t, Optional.empty());
  }

  private static void check(String value, String what) {
    if (value == null || value.isBlank() || value.length() > MAX) {
      throw new IllegalArgumentException(what + " must be 1 to " + MAX + " characters, got '"
          + Problems.quote(value == null ? "" : value) + "'");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '"' || c == '\\') {
        throw new IllegalArgumentException(what + " '" + Problems.quote(value)
            + "' has a control character, a quote or a backslash at position " + i);
      }
    }
  }

  /** {@code summarize} or {@code summarize@v2}. */
  String label() {
    return version.map(v -> id + "@" + v).orElse(id);
  }

  /** The search filter: {@code prompt.id:"summarize" prompt.version:"v2"}. */
  String filter() {
    return SentryFields.PROMPT_ID + ":\"" + id + "\""
        + version.map(v -> " " + SentryFields.PROMPT_VERSION + ":\"" + v + "\"").orElse("");
  }
}
