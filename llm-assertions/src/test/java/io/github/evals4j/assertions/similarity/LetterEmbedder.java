package io.github.evals4j.assertions.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small deterministic embedder for this module's tests, where no real model is on the classpath:
 * 26 dimensions, how often each letter a–z occurs (texts with the same letters point the same way).
 * Registered as the default embedder under src/test/resources/META-INF/services, so the default
 * route (ServiceLoader) is exercised; the real all-MiniLM-L6-v2 model is tested in
 * evals4j-similarity, and so is the error when no embedder is registered.
 */
public final class LetterEmbedder implements Embedder {

  final List<String> seen = new ArrayList<>();
  final AtomicInteger calls = new AtomicInteger();
  private final int max;

  public LetterEmbedder() {
    this(1_000);
  }

  LetterEmbedder(int max) {
    this.max = max;
  }

  @Override
  public synchronized List<float[]> embed(List<String> texts) {
    calls.incrementAndGet();
    if (seen.size() < 1_000) {
      seen.addAll(texts);
    }
    List<float[]> out = new ArrayList<>();
    for (String t : texts) {
      float[] v = new float[26];
      for (char c : t.toLowerCase(Locale.ROOT).toCharArray()) {
        if (c >= 'a' && c <= 'z') {
          v[c - 'a']++;
        }
      }
      out.add(v);
    }
    return out;
  }

  @Override
  public String name() {
    return "letters";
  }

  @Override
  public int maxInputChars() {
    return max;
  }
}
