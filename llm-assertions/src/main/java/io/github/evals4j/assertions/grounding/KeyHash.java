package io.github.evals4j.assertions.grounding;

/**
 * 64-bit hashes of index keys (FNV-1a over UTF-16 units, then a murmur finaliser so the low bits
 * used for slots are well mixed). With 10 million keys the chance that an unsupported claim
 * collides with some key is about 10^-12 per claim.
 */
final class KeyHash {

  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private KeyHash() {}

  static long of(String key) {
    return finish(update(OFFSET, key, 0, key.length()));
  }

  /** The hash of {@code prefix + text} without building the string. */
  static long of(String prefix, String text) {
    return finish(update(update(OFFSET, prefix, 0, prefix.length()), text, 0, text.length()));
  }

  static long start() {
    return OFFSET;
  }

  static long update(long h, CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= PRIME;
    }
    return h;
  }

  static long update(long h, char c) {
    h ^= c;
    return h * PRIME;
  }

  static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93fe53ec4d9L;
    h ^= h >>> 33;
    return h;
  }
}
