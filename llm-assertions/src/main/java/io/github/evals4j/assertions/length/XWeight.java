package io.github.evals4j.assertions.length;

import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextConfiguration.TwitterTextWeightedRange;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * X's weighted length of a text, computed like twitter-text 3.1.0's {@code
 * TwitterTextParser.parseTweet} with its v3 configuration, in time linear in the text.
 *
 * <p>The rule: walking the (NFC-normalised) text, a URL ({@link XUrls}) weighs {@code
 * transformedURLLength} (23), an emoji sequence of twitter-text's emoji pattern weighs the default
 * weight (2), any other code point the weight of the configured range it falls in (1 for U+0000–10FF,
 * U+2000–200D, U+2010–201F, U+2032–2037), else the default weight (2). The weights, the ranges and
 * the emoji pattern are read from twitter-text; what is ours is only the order of work: the URL
 * search is linear, and the emoji pattern is tried only where an emoji can start and on at most
 * {@link #MAX_EMOJI_LENGTH} characters, instead of at every position of the text.
 */
final class XWeight {

  static final TwitterTextConfiguration CONFIG = TwitterTextConfiguration.getDefaultConfig();

  /** Longer than any sequence twitter-text's emoji pattern matches (14 UTF-16 units, tag flags). */
  static final int MAX_EMOJI_LENGTH = 64;

  /**
   * The weighted length ({@code CONFIG}'s scale divided out), whether the text is valid (within the
   * limit and without U+FFFE/FEFF/FFFF), and where the valid part of the text ends.
   */
  record Result(int weightedLength, boolean valid, int validEnd) {}

  private XWeight() {}

  /** Weighs {@code text}, which must already be in NFC (as twitter-text weighs it). */
  static Result of(String text) {
    if (text.trim().isEmpty()) {
      return new Result(0, false, 0);
    }
    int n = text.length();
    int scale = CONFIG.getScale();
    int scaledMax = CONFIG.getMaxWeightedTweetLength() * scale;
    int urlWeight = CONFIG.getTransformedURLLength() * scale;
    int defaultWeight = CONFIG.getDefaultWeight();
    List<TwitterTextWeightedRange> ranges = CONFIG.getRanges();

    List<int[]> urls = new ArrayList<>();
    XUrls.find(text, (s, e) -> urls.add(new int[] {s, e}));
    // start, end, start, end, … of each emoji sequence, in order
    int[] emoji = CONFIG.getEmojiParsingEnabled() ? emojiSpans(text) : new int[] {0};
    int emojiCount = emoji[0];
    int nextEmoji = 0;

    boolean invalid = false;
    long weighted = 0;
    int offset = 0;
    int validOffset = 0;
    int nextUrl = 0;
    while (offset < n) {
      // a URL is weighed when the walk reaches its start; one the walk steps over is not
      while (nextUrl < urls.size() && urls.get(nextUrl)[0] < offset) {
        nextUrl++;
      }
      if (nextUrl < urls.size() && urls.get(nextUrl)[0] == offset) {
        int length = urls.get(nextUrl)[1] - offset;
        weighted += urlWeight;
        offset += length;
        if (weighted <= scaledMax) {
          validOffset += length;
        }
        nextUrl++;
      }
      if (offset < n) {
        int cp = text.codePointAt(offset);
        int delta;
        int weight;
        while (nextEmoji < emojiCount && emoji[1 + 2 * nextEmoji] < offset) {
          nextEmoji++;
        }
        if (nextEmoji < emojiCount && emoji[1 + 2 * nextEmoji] == offset) {
          weight = defaultWeight;
          delta = emoji[2 + 2 * nextEmoji] - offset;
          nextEmoji++;
        } else {
          weight = defaultWeight;
          for (TwitterTextWeightedRange range : ranges) {
            if (range.getRange().isInRange(cp)) {
              weight = range.getWeight();
              break;
            }
          }
          delta = Character.charCount(cp);
        }
        weighted += weight;
        char c = text.charAt(offset);
        invalid |= c == '\uFFFE' || c == '\uFEFF' || c == '\uFFFF';
        offset += delta;
        if (!invalid && weighted <= scaledMax) {
          validOffset += delta;
        }
      }
    }
    int length = (int) Math.min(Integer.MAX_VALUE, weighted / scale);
    return new Result(length, !invalid && length <= CONFIG.getMaxWeightedTweetLength(), validOffset);
  }

  /**
   * The matches of twitter-text's emoji pattern, left to right as {@code Matcher.find()} finds
   * them: {@code [count, start0, end0, start1, end1, …]}.
   */
  static int[] emojiSpans(String text) {
    int n = text.length();
    int[] spans = new int[9];
    int count = 0;
    Matcher m = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher(text)
        .useTransparentBounds(true).useAnchoringBounds(false);
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      if (mayStartEmoji(text, i, cp)) {
        m.region(i, Math.min(n, i + MAX_EMOJI_LENGTH));
        if (m.lookingAt() && m.end() > i) {
          if (2 * count + 3 > spans.length) {
            spans = java.util.Arrays.copyOf(spans, spans.length * 2);
          }
          spans[1 + 2 * count] = i;
          spans[2 + 2 * count] = m.end();
          count++;
          i = m.end();
          continue;
        }
      }
      i += Character.charCount(cp);
    }
    spans[0] = count;
    return spans;
  }

  /**
   * Whether twitter-text's emoji pattern may match at {@code i}, where {@code cp} starts: a keycap
   * ({@code # * 0-9} before U+FE0F or U+20E3), © ®, U+203C–3299, U+E50A, U+FE0F or anything from
   * U+1F000. {@code XUrlsTest} checks that the pattern matches nowhere else.
   */
  static boolean mayStartEmoji(String text, int i, int cp) {
    if (cp == '#' || cp == '*' || (cp >= '0' && cp <= '9')) {
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      return next == '\uFE0F' || next == '\u20E3';
    }
    return cp == 0xA9 || cp == 0xAE || (cp >= 0x203C && cp <= 0x3299) || cp == 0xE50A
        || cp == 0xFE0F || cp >= 0x1F000;
  }
}
