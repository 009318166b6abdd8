package io.github.evals4j.assertions.specificity;

import io.github.evals4j.assertions.text.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The phrases the specificity check counts as vague, by {@link VagueKind}. {@link #english()} is
 * the bundled list (resources {@code hedges.txt}, {@code weasel.txt}, {@code fillers.txt}, {@code
 * generic.txt}, {@code superlatives.txt}); extend it for your domain. Immutable.
 *
 * <pre>{@code
 * VagueLexicon lexicon = VagueLexicon.english()
 *     .with(VagueKind.GENERIC, "delight customers", "frictionless")
 *     .without("significant");   // a statistics team means p < 0.05 by it
 * }</pre>
 */
public final class VagueLexicon {

  private static final VagueLexicon ENGLISH = loadEnglish();

  private final Map<VagueKind, Set<String>> phrases;
  private final PhraseMatcher<VagueKind> matcher;

  private VagueLexicon(Map<VagueKind, Set<String>> phrases) {
    this.phrases = phrases;
    this.matcher = new PhraseMatcher<>();
    phrases.forEach((kind, set) -> set.forEach(p -> matcher.add(p, kind)));
  }

  /** The bundled English lists. */
  public static VagueLexicon english() {
    return ENGLISH;
  }

  /** An empty lexicon, to build your own. */
  public static VagueLexicon empty() {
    return new VagueLexicon(new EnumMap<>(VagueKind.class));
  }

  /** This lexicon plus {@code more} phrases of {@code kind} (matched as whole words, any case). */
  public VagueLexicon with(VagueKind kind, String... more) {
    Objects.requireNonNull(kind, "kind");
    Map<VagueKind, Set<String>> copy = copy();
    for (String p : more) {
      copy.computeIfAbsent(kind, k -> new HashSet<>()).add(p.toLowerCase(java.util.Locale.ROOT));
    }
    return new VagueLexicon(copy);
  }

  /** This lexicon plus the phrases of a word list stream (UTF-8, one per line, # comments). */
  public VagueLexicon with(VagueKind kind, InputStream list) throws IOException {
    return with(kind, Vocabulary.read(list).toArray(String[]::new));
  }

  /** This lexicon without {@code phrases}, whatever their kind. */
  public VagueLexicon without(String... removed) {
    Map<VagueKind, Set<String>> copy = copy();
    for (String p : removed) {
      copy.values().forEach(set -> set.remove(p.toLowerCase(java.util.Locale.ROOT)));
    }
    return new VagueLexicon(copy);
  }

  /** The phrases of one kind. */
  public Set<String> phrases(VagueKind kind) {
    return Set.copyOf(phrases.getOrDefault(kind, Set.of()));
  }

  PhraseMatcher<VagueKind> matcher() {
    return matcher;
  }

  private Map<VagueKind, Set<String>> copy() {
    Map<VagueKind, Set<String>> copy = new EnumMap<>(VagueKind.class);
    phrases.forEach((k, v) -> copy.put(k, new HashSet<>(v)));
    return copy;
  }

  private static VagueLexicon loadEnglish() {
    Map<VagueKind, Set<String>> map = new EnumMap<>(VagueKind.class);
    for (VagueKind kind : VagueKind.values()) {
      try (InputStream in = VagueLexicon.class.getResourceAsStream(kind.resource())) {
        if (in == null) {
          throw new IllegalStateException("missing bundled list " + kind.resource());
        }
        map.put(kind, new HashSet<>(Vocabulary.read(in)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new VagueLexicon(map);
  }
}
