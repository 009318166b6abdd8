package io.github.evals4j.assertions.length;

import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import java.text.Normalizer;
import java.util.List;

/**
 * An X (Twitter) post within its weighted length, computed by twitter-text with its v3
 * configuration: 280 weighted characters, most Latin-script characters weigh 1, CJK characters and
 * emoji weigh 2, any URL weighs 23, and the text is NFC-normalised first.
 */
final class XPostCheck implements Check {

  static final String NAME = "platform.x";

  /**
   * No text longer than this can be valid (at most 12 URLs of twitter-text's 4,096 maximum plus
   * 280 other characters), and twitter-text is super-linear on very long text: beyond it, only
   * this prefix is weighed.
   */
  static final int MAX_WEIGHED = 65_536;

  private static final TwitterTextConfiguration CONFIG = TwitterTextConfiguration.getDefaultConfig();

  @Override
  public String name() {
    return NAME;
  }

  static int maxWeightedLength() {
    return CONFIG.getMaxWeightedTweetLength();
  }

  /** The weighted length of {@code text}, as X counts it. */
  static int weightedLength(String text) {
    return TwitterTextParser.parseTweet(text, CONFIG).weightedLength;
  }

  @Override
  public CheckResult evaluate(String output) {
    int max = maxWeightedLength();
    if (output == null) {
      return new CheckResult(NAME, false, 0, max, Direction.AT_MOST, List.of(),
          "output is null: there is no post to weigh");
    }
    boolean cut = output.length() > MAX_WEIGHED;
    String weighed = cut ? output.substring(0, safeCut(output, MAX_WEIGHED)) : output;
    // twitter-text weighs the NFC form but shifts its ranges by the length difference, which is
    // wrong inside decomposed text: weigh the NFC form and map the offset back ourselves
    boolean nfc = Normalizer.isNormalized(weighed, Normalizer.Form.NFC);
    String normalized = nfc ? weighed : Normalizer.normalize(weighed, Normalizer.Form.NFC);
    TwitterTextParseResults parsed = TwitterTextParser.parseTweet(normalized, CONFIG);
    int weight = parsed.weightedLength;
    String length = (cut ? "more than " : "") + weight + " weighted characters"
        + (cut ? " (only the first " + weighed.length() + " of " + output.length()
            + " UTF-16 units were weighed)" : "");
    if (weight <= max && !cut) {
      return new CheckResult(NAME, true, weight, max, Direction.AT_MOST, List.of(),
          length + ", within X's limit of " + max);
    }
    // twitter-text ranges are inclusive; the valid range ends where the limit is crossed
    int beyondStart = weight <= max ? weighed.length()
        : nfc ? parsed.validTextRange.end + 1
        : originalOffset(weighed, parsed.validTextRange.end + 1);
    beyondStart = Math.min(Math.max(beyondStart, 0), output.length());
    Evidence beyond = Spans.evidence(output, beyondStart, output.length(), "beyond-limit",
        "beyond X's " + max + " weighted characters (URLs weigh 23, CJK characters and emoji 2)");
    return new CheckResult(NAME, false, weight, max, Direction.AT_MOST, List.of(beyond),
        length + ", more than X's limit of " + max + "; the text beyond it starts at "
            + beyond.positionIn(output) + ":\n" + beyond.describeIn(output));
  }

  /** The longest prefix of {@code text} whose NFC form is at most {@code normalizedOffset} long. */
  static int originalOffset(String text, int normalizedOffset) {
    int lo = 0;
    int hi = text.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (Normalizer.normalize(text.substring(0, mid), Normalizer.Form.NFC).length()
          <= normalizedOffset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo > 0 && lo < text.length() && Character.isLowSurrogate(text.charAt(lo)) ? lo - 1 : lo;
  }

  private static int safeCut(String text, int at) {
    return Character.isLowSurrogate(text.charAt(at)) && Character.isHighSurrogate(text.charAt(at - 1))
        ? at - 1 : at;
  }
}
