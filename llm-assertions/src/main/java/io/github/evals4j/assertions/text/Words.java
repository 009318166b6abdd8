package io.github.evals4j.assertions.text;

/**
 * Word tokens of a text: maximal runs of letters and digits (code points, so CJK, Arabic and
 * supplementary letters count), with inner apostrophes and hyphens kept ({@code don't},
 * {@code real-time}). A lone surrogate is a separator.
 */
public final class Words {

  private Words() {}

  /** Receives the span of each word. */
  @FunctionalInterface
  public interface Visitor {
    void word(int start, int end);
  }

  /** Visits every word of {@code text} in {@code [from, to)}, in order. */
  public static void forEach(CharSequence text, int from, int to, Visitor visitor) {
    int i = from;
    while (i < to) {
      int cp = Character.codePointAt(text, i);
      if (!isWordCodePoint(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      i += Character.charCount(cp);
      while (i < to) {
        int c = Character.codePointAt(text, i);
        if (isWordCodePoint(c)) {
          i += Character.charCount(c);
        } else if ((c == '\'' || c == '\u2019' || c == '-') && i + 1 < to
            && isWordCodePoint(Character.codePointAt(text, i + 1))) {
          i++;
        } else {
          break;
        }
      }
      visitor.word(start, i);
    }
  }

  /** Whether {@code cp} belongs inside a word. */
  public static boolean isWordCodePoint(int cp) {
    return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
  }

  /** Whether the word {@code [start, end)} has letters (not only digits). */
  public static boolean hasLetter(CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Normalises apostrophes so {@code don’t} and {@code don't} are one word. */
  public static String normalize(String word) {
    return word.replace('\u2019', '\'');
  }

  /**
   * End of the word run at {@code i}: letters, digits and underscores, joined by an inner
   * {@code - . ' ’} that is followed by another such character.
   */
  public static int runEnd(CharSequence s, int i, int to) {
    int j = i;
    while (j < to) {
      int cp = Character.codePointAt(s, j);
      if (isWordCodePoint(cp) || cp == '_') {
        if (j > i && scriptBoundary(Character.codePointBefore(s, j), cp)) {
          break; // "出荷数は1,200台": digits next to uncased letters are a number, not a code
        }
        j += Character.charCount(cp);
      } else if ((cp == '-' || cp == '.' || cp == '\'' || cp == '\u2019') && j + 1 < to
          && j > i && (isWordCodePoint(Character.codePointAt(s, j + 1))
          || s.charAt(j + 1) == '_')) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  private static boolean scriptBoundary(int before, int cp) {
    boolean uncasedBefore = Character.getType(before) == Character.OTHER_LETTER;
    boolean uncasedNow = Character.getType(cp) == Character.OTHER_LETTER;
    return uncasedBefore && Character.isDigit(cp) || uncasedNow && Character.isDigit(before);
  }
}
