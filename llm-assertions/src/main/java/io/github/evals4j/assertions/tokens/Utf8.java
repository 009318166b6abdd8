package io.github.evals4j.assertions.tokens;

/** Maps UTF-8 byte offsets (what a BPE tokenizer works on) back to UTF-16 string offsets. */
final class Utf8 {

  private Utf8() {}

  /**
   * The UTF-16 offset of the character holding byte {@code byteOffset} of {@code text}'s UTF-8
   * form. A lone surrogate is one byte, as {@code String.getBytes(UTF_8)} replaces it with '?'.
   */
  static int offsetOfByte(String text, int byteOffset) {
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int size = Character.isSurrogate((char) cp) && cp < 0x10000 ? 1
          : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > byteOffset) {
        return i;
      }
      bytes += size;
      i += Character.charCount(cp);
    }
    return text.length();
  }
}
