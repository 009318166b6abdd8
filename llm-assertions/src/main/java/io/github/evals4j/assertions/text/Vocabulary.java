package io.github.evals4j.assertions.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bundled English word lists (resources next to this class) and the light stemmer shared by
 * grounding and specificity. Lists are read once, on first use.
 */
public final class Vocabulary {

  static final Set<String> STOPWORDS = load("stopwords.txt");
  static final Set<String> COMMON = union(load("common-words.txt"), STOPWORDS);
  static final Set<String> GENERIC_ACRONYMS = load("generic-acronyms.txt");
  static final Set<String> TECH_SUFFIXES = load("tech-suffixes.txt");
  static final Set<String> FILE_EXTENSIONS = load("file-extensions.txt");
  static final Set<String> HTML_TAGS = load("html-tags.txt");
  static final Set<String> UNITS = load("units.txt");

  private Vocabulary() {}

  /** Whether {@code lowerCaseWord} is a function word (the, of, would…). */
  public static boolean isStopword(String lowerCaseWord) {
    return STOPWORDS.contains(lowerCaseWord);
  }

  /** Whether {@code lowerCaseWord} is a common English word, hence not a proper name. */
  public static boolean isCommon(String lowerCaseWord) {
    return COMMON.contains(lowerCaseWord);
  }

  /**
   * A light, deterministic stem: lower case, then plural / past / gerund / adverb endings removed,
   * so "crashes", "crashed" and "crashing" meet at "crash". Both output and sources go through it.
   */
  public static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    int n = w.length();
    if (n > 5 && w.endsWith("ies")) {
      return w.substring(0, n - 3) + "y";
    }
    if (n > 5 && w.endsWith("ing")) {
      return undouble(w.substring(0, n - 3));
    }
    if (n > 4 && w.endsWith("ed")) {
      return undouble(w.substring(0, n - 2));
    }
    if (n > 4 && w.endsWith("ly")) {
      return w.substring(0, n - 2);
    }
    if (n > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses")
        || w.endsWith("xes"))) {
      return w.substring(0, n - 2);
    }
    if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      return w.substring(0, n - 1);
    }
    if (n > 3 && w.endsWith("e")) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  private static String undouble(String w) {
    int n = w.length();
    if (n > 2 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    if (n > 3 && w.endsWith("e")) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  /** Reads a bundled list: one entry per line, {@code #} comments, lower-cased. */
  static Set<String> load(String resource) {
    try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled word list " + resource);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a word list from a stream (UTF-8, one entry per line, {@code #} comments). */
  public static Set<String> read(InputStream in) throws IOException {
    Set<String> words = new HashSet<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line; (line = reader.readLine()) != null; ) {
      String entry = line.strip();
      if (!entry.isEmpty() && !entry.startsWith("#")) {
        words.add(entry.toLowerCase(Locale.ROOT));
      }
    }
    return Set.copyOf(words);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
