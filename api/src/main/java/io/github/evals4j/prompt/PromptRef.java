package io.github.evals4j.prompt;

import io.github.evals4j.internal.Texts;
import java.util.Comparator;

/**
 * Which prompt produced an output: its id, its version and the model that ran it. Results are
 * aggregated, compared and gated per {@code PromptRef}.
 *
 * <pre>{@code
 * PromptRef v2 = new PromptRef("summarize", "v2", "gpt-4o-mini");
 * }</pre>
 *
 * @param id the prompt's stable id, e.g. {@code "summarize"}
 * @param version the prompt's version, e.g. {@code "v2"}
 * @param model the model that ran it, e.g. {@code "gpt-4o-mini"}
 */
public record PromptRef(String id, String version, String model) implements Comparable<PromptRef> {

  /** The value of an attribute nobody set. */
  public static final String UNSET = "-";

  private static final Comparator<PromptRef> ORDER =
      Comparator.comparing(PromptRef::id).thenComparing(PromptRef::version).thenComparing(PromptRef::model);

  public PromptRef {
    id = blankToUnset(id);
    version = blankToUnset(version);
    model = blankToUnset(model);
  }

  /** A prompt without a known model. */
  public static PromptRef of(String id, String version) {
    return new PromptRef(id, version, UNSET);
  }

  /**
   * {@code id@version/model}, for logs and table rows; each part abbreviated to 80 code points on
   * one line, so a runaway name cannot flood a message.
   */
  public String label() {
    return Texts.abbreviate(id, 80) + "@" + Texts.abbreviate(version, 80)
        + (UNSET.equals(model) ? "" : "/" + Texts.abbreviate(model, 80));
  }

  /** Whether {@code other} is the same prompt id (any version or model). */
  public boolean samePrompt(PromptRef other) {
    return id.equals(other.id);
  }

  @Override
  public int compareTo(PromptRef o) {
    return ORDER.compare(this, o);
  }

  private static String blankToUnset(String s) {
    return s == null || s.isBlank() ? UNSET : s.strip();
  }

  @Override
  public String toString() {
    return label();
  }

}
