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
 * An X (Twitter) post within its weighted length, computed as twitter-text does with its v3
 * configuration ({@link XWeight}, in linear time): 280 weighted characters, most Latin-script
 * characters weigh 1, CJK characters and emoji weigh 2, any URL weighs 23, and the text is
 * NFC-normalised first.
 */
final class XPostCheck implements Check {

  static final String NAME = "platform.x";

  @Override
  public String name() {
    return NAME;
  }

  static int maxWeightedLength() {
    return XWeight.CONFIG.getMaxWeightedTweetLength();
  }

  /** The weighted length of {@code text}, as X counts it. */
  static int weightedLength(String text) {
    return XWeight.of(Normalizer.normalize(text, Normalizer.Form.NFC)).weightedLength();
  }

  @Override
  public CheckResult evaluate(String output) {
    int max = maxWeightedLength();
    if (output == null) {
      return new CheckResult(NAME, false, 0, max, Direction.AT_MOST, List.of(),
          "output is null: there is no post to weigh");
    }
    // twitter-text weighs the NFC form but shifts its ranges by the length difference, which is
    // wrong inside decomposed text: weigh the NFC form and map the offset back ourselves
    boolean nfc = Normalizer.isNormalized(output, Normalizer.Form.NFC);
    String normalized = nfc ? output : Normalizer.normalize(output, Normalizer.Form.NFC);
    XWeight.Result parsed = XWeight.of(normalized);
    int weight = parsed.weightedLength();
    String length = weight + " weighted characters";
    if (weight <= max) {
      return new CheckResult(NAME, true, weight, max, Direction.AT_MOST, List.of(),
          length + ", within X's limit of " + max);
    }
    // the valid part ends where the limit is crossed
    int beyondStart = nfc ? parsed.validEnd() : originalOffset(output, parsed.validEnd());
    beyondStart = Math.min(Math.max(beyondStart, 0), output.length());
    Evidence beyond = Spans.evidence(output, beyondStart, output.length(), "beyond-limit",
        "beyond X's " + max + " weighted characters (URLs weigh 23, CJK characters and emoji 2)");
    return new CheckResult(NAME, false, weight, max, Direction.AT_MOST, List.of(beyond),
        length + ", more than X's limit of " + max + "; the text beyond it starts at "
            + beyond.positionIn(output) + ":\n" + beyond.describeIn(output));
  }

  /**
   * The longest prefix of {@code text} whose NFC form is at most {@code normalizedOffset} long.
   * Only prefixes up to about twice the answer are normalised, so the cost does not grow with the
   * rest of the text (the valid part of a post is short: 280 weighted characters and its URLs).
   */
  static int originalOffset(String text, int normalizedOffset) {
    int lo = 0;
    int hi = Math.min(text.length(), Math.max(16, 2 * normalizedOffset));
    while (hi < text.length()
        && Normalizer.normalize(text.substring(0, hi), Normalizer.Form.NFC).length()
            <= normalizedOffset) {
      lo = hi;
      hi = (int) Math.min(text.length(), 2L * hi);
    }
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
}
