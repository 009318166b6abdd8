package io.github.evals4j.assertions.length;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link XUrls} and {@link XWeight} against twitter-text itself: the same URLs and the same weighted
 * length on realistic posts and on thousands of generated texts made of the pieces URLs, emoji and
 * their edge cases are made of; and linear time where twitter-text is not.
 */
class XUrlsTest {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final Extractor TWITTER = new Extractor();

  /** The pieces generated texts are made of: schemes, hosts, TLDs, paths, emoji, separators. */
  static final String[] PIECES = {
    "http://", "https://", "HTTPS://", "hTTp://", "www", "example", "ex-ample", "a_b", "t", "t.co/",
    "T.CO/", "co", ".com", ".co", ".jp", ".uk", ".py", ".foo", ".COM", ".xn--p1ai", "xn--", ".", "..",
    "/", "//", "?", "=", "&", "#", "(", ")", ":", ":8080", "-", "_", "@", "$", "é", "ü", "É", "例え",
    "한국", ".한국", ".삼성", "삼성", " ", "\n", ",", "!", "'", "\"", "1", "42", "a", "Z", "\u017f",
    "\u212a", "\u200E", "\u202A", "～", "。", "...", "—", "–", "[", "]", "%20", "~", "|", "+", "*",
    ";", "\uFEFF", "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "#\uFE0F\u20E3",
    "\u2764\uFE0F", "\uD83C\uDDEB\uD83C\uDDF7", "ab12", "path", "q", "e\u0301", "\u2167", "\uD800",
    "ж", "\u0000", "\t", "x.y", "a.b.c.d", "123456789012345678901234567890123456789012345",
  };

  static String generated(Random random, int pieces) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < pieces; k++) {
      sb.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  static List<String> ours(String text) {
    List<String> spans = new ArrayList<>();
    XUrls.find(text, (s, e) -> spans.add(s + ".." + e));
    return spans;
  }

  static List<String> twitters(String text) {
    List<String> spans = new ArrayList<>();
    for (Extractor.Entity e : TWITTER.extractURLsWithIndices(text)) {
      spans.add(e.getStart() + ".." + e.getEnd());
    }
    return spans;
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "Ship it: https://example.com/docs/start?x=1&y=2#top. Thanks!",
    "see example.com, t.co/abc123 and https://t.co/abc?x=1 (also www.foo.co.uk/path_(a)_b)",
    "mail me@example.com or visit .example.com or -example.com or _x.com or /y.com",
    "https://例え.jp and https://bücher.de/über and 例え.jp and http://xn--p1ai.xn--p1ai/",
    "file.py, v2.1, e.g. i.e. 3.5, a.b, README.md, index.html, foo.bar.baz.com.",
    "HTTP://EXAMPLE.COM:8080/A/B/?Q=1, https://example.com:abc/",
    "https://en.wikipedia.org/wiki/Primer_(film) and /track/We_Up_(Album_Version_(Edited))/",
  })
  void should_find_the_urls_twitter_text_finds_in_realistic_posts(String post) {
    assertThat(ours(post)).isEqualTo(twitters(post));
    assertThat(XWeight.of(post).weightedLength())
        .isEqualTo(TwitterTextParser.parseTweet(post, XWeight.CONFIG).weightedLength);
  }

  @Test
  void should_agree_with_twitter_text_on_generated_texts() {
    Random random = new Random(20261202);
    for (int k = 0; k < 3000; k++) {
      String text = generated(random, 1 + random.nextInt(12));
      assertThat(ours(text)).as("URLs of %s", escaped(text)).isEqualTo(twitters(text));
      TwitterTextParseResults theirs = TwitterTextParser.parseTweet(text, XWeight.CONFIG);
      XWeight.Result mine = XWeight.of(java.text.Normalizer.normalize(text,
          java.text.Normalizer.Form.NFC));
      assertThat(mine.weightedLength()).as("weight of %s", escaped(text))
          .isEqualTo(theirs.weightedLength);
    }
  }

  @Test
  void should_agree_with_twitter_text_on_where_a_long_post_stops_being_valid() {
    Random random = new Random(7);
    for (int k = 0; k < 200; k++) {
      String text = java.text.Normalizer.normalize(generated(random, 60 + random.nextInt(60)),
          java.text.Normalizer.Form.NFC);
      TwitterTextParseResults theirs = TwitterTextParser.parseTweet(text, XWeight.CONFIG);
      XWeight.Result mine = XWeight.of(text);
      assertThat(mine.weightedLength()).as("weight of %s", escaped(text))
          .isEqualTo(theirs.weightedLength);
      if (theirs.weightedLength > 0) {
        assertThat(mine.validEnd()).as("valid end of %s", escaped(text))
            .isEqualTo(theirs.validTextRange.end + 1);
        assertThat(mine.valid()).isEqualTo(theirs.isValid);
      }
    }
  }

  @Test
  void should_try_the_emoji_pattern_wherever_it_can_match() {
    // every code point twitter-text's emoji pattern can start with, alone or followed by what
    // makes a sequence, is one XWeight tries it at
    String[] after = {"", "\uFE0F", "\u20E3", "\uFE0F\u20E3", "\uD83C\uDFFB", "\u200D\u2640\uFE0F",
        "\uDB40\uDC67", "\uD83C\uDDEB"};
    Matcher m = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher("");
    List<String> missed = new ArrayList<>();
    for (int cp = 0; cp < 0x1F000; cp++) {
      String start = new String(Character.toChars(cp));
      for (String rest : after) {
        String text = start + rest;
        if (!XWeight.mayStartEmoji(text, 0, cp) && m.reset(text).lookingAt()) {
          missed.add(Integer.toHexString(cp) + " " + Integer.toHexString(rest.isEmpty() ? 0 : rest.codePointAt(0)));
        }
      }
    }
    assertThat(missed).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.", "1.", "a-", "a.a-b_", "\u00e9.", "#a.", "http://a.", "a.com.",
      "(a)/", "x.co/("})
  void should_find_urls_in_linear_time_where_twitter_text_takes_minutes(String unit) {
    // twitter-text takes seconds on 4,000 characters of "a.a." and minutes on 10,000 of "1.1."
    String text = unit.repeat(1_000_000 / unit.length());
    long start = CPU.getCurrentThreadCpuTime();
    XUrls.find(text, (s, e) -> { });
    XWeight.of(text);
    long used = CPU.getCurrentThreadCpuTime() - start;
    assertThat(used).as("CPU time for 1,000,000 characters of %s", unit)
        .isLessThan(TimeUnit.SECONDS.toNanos(3));
  }

  private static String escaped(String text) {
    StringBuilder sb = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c >= 0x20 && c < 0x7f) {
        sb.append((char) c);
      } else {
        sb.append(String.format("\\u{%x}", c));
      }
    });
    return sb.append('"').toString();
  }
}
