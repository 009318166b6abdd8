package io.github.evals4j.assertions.content;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Detects a model refusing or deflecting ("As an AI…", "I can't help with…", "I'm unable to…")
 * by phrase, anywhere in the output. Phrases match ignoring case, with any whitespace between
 * words, straight or curly apostrophes, and common contractions expanded ({@code can't} also
 * matches {@code cannot} and {@code can not}, {@code I'm} matches {@code I am}).
 *
 * <pre>{@code
 * Check noRefusal = Refusals.english().check();
 * Check french = Refusals.english().with("je ne peux pas", "en tant qu'IA").check();
 * }</pre>
 *
 * <p>It flags phrases, not intent: "I can't stress enough" is not a refusal and does not match,
 * but "I'm unable to find that order" does (usually what you want from an assistant's answer).
 */
public final class Refusals {

  /** The built-in English phrases. */
  public static final List<String> ENGLISH = List.of(
      // "as an AI" alone is too broad ("As an AI company, we..."): the self-description forms
      "as an AI language model", "as an AI model", "as an AI assistant, I", "as an AI, I",
      "as an AI developed by", "as a language model", "as an artificial intelligence",
      "I can't help", "I can't assist", "I can't provide", "I can't comply", "I can't fulfill",
      "I can't do that", "I can't create", "I can't share", "I can't engage",
      "I can't support that", "I can't generate",
      "I'm unable to", "I'm not able to", "I won't be able to", "I won't help", "I won't provide",
      "I'm sorry, but I", "I apologize, but I", "sorry, but I can't",
      "I must decline", "I have to decline", "I'm not comfortable", "I don't feel comfortable",
      "I'm not allowed to", "I'm not permitted to",
      "against my guidelines", "against my policies", "violates my guidelines",
      "I don't have the ability to");

  private static final Map<String, String> CONTRACTIONS = Map.of(
      "can't", "(?:can['\u2019]?t|cannot|can[\\s\\p{Z}]+not)",
      "i'm", "(?:i['\u2019]m|i\\s+am)",
      "won't", "(?:won['\u2019]?t|will\\s+not)",
      "don't", "(?:don['\u2019]?t|do\\s+not)");

  private final List<String> phrases;
  private final Pattern pattern;
  /** The lower-cased first characters of the phrases: only word starts with one are tried. */
  private final String firsts;

  private Refusals(List<String> phrases) {
    this.phrases = List.copyOf(phrases);
    this.pattern = compile(this.phrases);
    StringBuilder sb = new StringBuilder();
    for (String phrase : this.phrases) {
      char first = Character.toLowerCase(phrase.charAt(0));
      if (sb.indexOf(String.valueOf(first)) < 0) {
        sb.append(first);
      }
    }
    this.firsts = sb.toString();
  }

  /** The built-in English phrases ({@link #ENGLISH}). */
  public static Refusals english() {
    return new Refusals(ENGLISH);
  }

  /** Only the given phrases. */
  public static Refusals of(String... phrases) {
    return new Refusals(validated(phrases));
  }

  /** These phrases plus {@code more}, e.g. your product's own deflections or other languages. */
  public Refusals with(String... more) {
    List<String> all = new ArrayList<>(phrases);
    all.addAll(validated(more));
    return new Refusals(all);
  }

  /** The phrases this detector looks for. */
  public List<String> phrases() {
    return phrases;
  }

  /** A check that passes when no phrase occurs; the evidence is each occurrence. */
  public Check check() {
    return Check.of("content.refusal", this::evaluate);
  }

  private CheckResult evaluate(String output) {
    if (output == null) {
      return CheckResult.of("content.refusal", false, List.of(),
          "output is null: no answer at all");
    }
    Matches.Found found = find(output);
    if (found.count == 0) {
      return new CheckResult("content.refusal", true, 0, 0, Direction.AT_MOST, List.of(),
          "no refusal phrase found (" + phrases.size() + " phrases)");
    }
    return new CheckResult("content.refusal", false, found.count, 0, Direction.AT_MOST,
        found.evidence, "the output reads as a refusal: " + found.count
            + " refusal phrase(s) found:" + Matches.describe(output, found.evidence));
  }

  /**
   * Tries the phrases only at word starts whose first letter starts a phrase: a regex scan with a
   * look-behind at every position costs ten times more.
   */
  private Matches.Found find(String output) {
    Matches.Found found = new Matches.Found();
    java.util.regex.Matcher m = pattern.matcher(output);
    int n = output.length();
    int i = 0;
    while (i < n) {
      char c = output.charAt(i);
      if (firsts.indexOf(Character.toLowerCase(c)) >= 0
          && (i == 0 || !Character.isLetterOrDigit(output.codePointBefore(i)))) {
        m.region(i, n);
        if (m.lookingAt()) {
          found.count++;
          if (found.evidence.size() < Matches.MAX_EVIDENCE) {
            found.evidence.add(Matches.evidence(output, m.start(), m.end(), "refusal",
                "reads as a refusal"));
          }
          i = Math.max(m.end(), i + 1);
          continue;
        }
      }
      i++;
    }
    return found;
  }

  private static List<String> validated(String... phrases) {
    Objects.requireNonNull(phrases, "phrases");
    List<String> list = new ArrayList<>();
    for (String p : phrases) {
      if (p == null || p.isBlank()) {
        throw new IllegalArgumentException("refusal phrases must not be null or blank");
      }
      list.add(p.strip());
    }
    return list;
  }

  private static Pattern compile(List<String> phrases) {
    StringBuilder alternatives = new StringBuilder();
    for (String phrase : phrases) {
      StringBuilder regex = new StringBuilder();
      for (String word : phrase.split("\\s+")) {
        if (regex.length() > 0) {
          regex.append("[\\s\\p{Z}]+");
        }
        regex.append(word(word));
      }
      alternatives.append(alternatives.length() == 0 ? "" : "|").append(regex);
    }
    // a phrase must end a word: "as an AI model" is not "as an AI model-based tool"; transparent
    // bounds are not needed, the region always runs to the end of the output
    return Pattern.compile("(?:" + alternatives + ")(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String word(String word) {
    String lower = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    String trailing = "";
    if (lower.endsWith(",")) {
      lower = lower.substring(0, lower.length() - 1);
      trailing = ",?";
    }
    String contraction = CONTRACTIONS.get(lower);
    if (contraction != null) {
      return contraction + trailing;
    }
    StringBuilder sb = new StringBuilder();
    for (char c : lower.toCharArray()) {
      sb.append(c == '\'' ? "['\u2019]"
          : Character.isLetterOrDigit(c) ? String.valueOf(c) : Pattern.quote(String.valueOf(c)));
    }
    return sb + trailing;
  }
}
