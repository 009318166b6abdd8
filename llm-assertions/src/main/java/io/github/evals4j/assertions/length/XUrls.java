package io.github.evals4j.assertions.length;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TldLists;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The URLs X (Twitter) links in a text, found in one linear pass.
 *
 * <p>twitter-text's own extractor ({@code Extractor.extractURLsWithIndices}) runs one regular
 * expression whose domain part backtracks over every dot-separated label and tries its 1,500
 * top-level domains one by one: 4,000 characters of {@code a.a.a.} take seconds, 10,000 minutes.
 * This class follows the same rules (twitter-text 3.1.0's {@code Regex.VALID_URL} and the checks
 * {@code extractURLsWithIndices} applies after it) without backtracking:
 *
 * <ul>
 *   <li>a URL starts at the beginning of the text or after a character that is not an ASCII letter
 *       or digit, {@code @ ＠ $ # ＃}, or U+FFFE/FEFF/FFFF; without a scheme, not after {@code - _ . /};
 *   <li>optional {@code http://} or {@code https://}, then a host: dot-separated labels of ASCII
 *       letters, digits and Latin accented letters ({@code -} inside, {@code _} inside subdomain
 *       labels), ending in a top-level domain of twitter-text's lists ({@link TldLists}, which is
 *       also where the lists are read from) or a punycode one ({@code xn--…}); after a scheme, one
 *       label of any non-punctuation characters may precede the top-level domain ({@code
 *       https://例え.jp}). The host is the longest one that ends in a top-level domain;
 *   <li>optional {@code :port}, path (up to its last character that may end a path, with up to two
 *       levels of balanced parentheses) and query (up to its last character that may end one);
 *   <li>a {@code t.co} link keeps only its slug (at most 40 characters) and query; the host must be
 *       a valid IDN host and the whole URL at most 4,096 characters with its scheme.
 * </ul>
 *
 * <p>{@code XUrlsTest} compares it with twitter-text on thousands of generated texts.
 */
final class XUrls {

  private static final Map<String, Integer> TLD_ORDER = new HashMap<>();
  private static final int MAX_TLD_LENGTH;
  /** Every character of a listed top-level domain (ASCII letters in both cases). */
  private static final java.util.BitSet TLD_CHARS = new java.util.BitSet(1 << 16);

  static {
    int order = 0;
    int max = 0;
    for (List<String> list : List.of(TldLists.GTLDS, TldLists.CTLDS)) {
      for (String tld : list) {
        String lower = lowerAscii(tld);
        TLD_ORDER.putIfAbsent(lower, order++);
        max = Math.max(max, tld.length());
        for (int k = 0; k < lower.length(); k++) {
          char c = lower.charAt(k);
          TLD_CHARS.set(c);
          if (c >= 'a' && c <= 'z') {
            TLD_CHARS.set(c - ('a' - 'A'));
          }
        }
      }
    }
    MAX_TLD_LENGTH = max;
  }

  /** twitter-text's limits, see {@link Extractor}. */
  private static final int MAX_URL_LENGTH = Extractor.MAX_URL_LENGTH;
  private static final int MAX_TCO_SLUG_LENGTH = Extractor.MAX_TCO_SLUG_LENGTH;

  private final String text;
  private final int n;

  /** The analysis of the run of host characters that {@link #hostEnd} looked at last. */
  private Run run;

  private XUrls(String text) {
    this.text = text;
    this.n = text.length();
  }

  /** Sends the URLs of {@code text} to {@code sink}, in order, as twitter-text would find them. */
  static void find(String text, SpanSink sink) {
    if (text.indexOf('.') < 0) {
      return; // no dot, no URL: twitter-text's own shortcut
    }
    new XUrls(text).scan(sink);
  }

  private void scan(SpanSink sink) {
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      int end = -1;
      if (isPrecedingChar(cp)) {
        end = attempt(next, cp, sink);
      }
      if (end < 0 && i == 0) {
        end = attempt(0, -1, sink);
      }
      if (end >= 0) {
        // like Matcher.find(): the next search starts where this match ended
        i = end;
      } else {
        i = next;
      }
    }
  }

  /**
   * Tries a URL at {@code s}; on a match, reports it (unless twitter-text would drop it) and returns
   * where the match ends, else -1. {@code preceding} is the code point before it, -1 at the start.
   */
  private int attempt(int s, int preceding, SpanSink sink) {
    if (s >= n) {
      return -1;
    }
    int protocol = protocolLength(s);
    int host = -1;
    int d = s;
    if (protocol > 0) {
      d = s + protocol;
      host = hostEnd(d, true);
      if (host < 0) {
        protocol = 0;
        d = s;
      }
    }
    if (host < 0) {
      host = hostEnd(s, lookbehindProtocol(s));
      if (host < 0) {
        return -1;
      }
    }
    int end = rest(host);
    if (protocol == 0 && (preceding == '-' || preceding == '_' || preceding == '.'
        || preceding == '/')) {
      return end; // matched, and dropped: a URL without a scheme cannot follow these
    }
    int urlEnd = end;
    if (protocol > 0) {
      int tco = tcoEnd(s, end);
      if (tco == -2) {
        return end; // a t.co link with a slug longer than X allows
      }
      if (tco > 0) {
        urlEnd = tco;
      }
    }
    if (validHostAndLength(urlEnd - s, protocol > 0, d, host)) {
      sink.accept(s, urlEnd);
    }
    return end;
  }

  // ---- host ----

  /**
   * The end of the host starting at {@code d}: the longest run of labels that ends in a top-level
   * domain, else (after a scheme) one Unicode label and a top-level domain; -1 when there is none.
   */
  private int hostEnd(int d, boolean afterProtocol) {
    int end = -1;
    if (d < n && isUrlChar(text.charAt(d))) {
      Run r = runAt(d);
      end = r.hostEnd(d);
    }
    if (end < 0 && afterProtocol) {
      end = unicodeHostEnd(d);
    }
    return end;
  }

  private Run runAt(int d) {
    if (run == null || d < run.start || d >= run.end) {
      int start = d;
      while (start > 0 && isRunChar(text.charAt(start - 1))) {
        start--;
      }
      int end = d;
      while (end < n && isRunChar(text.charAt(end))) {
        end++;
      }
      run = new Run(start, end);
    }
    return run;
  }

  /**
   * One maximal run of host characters (URL characters, {@code -}, {@code _}, {@code .}) split into
   * its dot-terminated segments, with what each can be: a subdomain label, a domain label, and the
   * top-level domain after its dot. Built once per run, so every start inside costs O(log labels).
   */
  private final class Run {
    final int start;
    final int end;
    /** Segment k is [segStart[k], segEnd[k]) and segEnd[k] is a '.'; {@code count} of them. */
    final int[] segStart;
    final int[] segEnd;
    final int[] lastUnderscore;
    final int[] tldEnd;
    final int[] firstBadSub;
    final int[] bestDomain;
    final int count;

    Run(int start, int end) {
      this.start = start;
      this.end = end;
      int dots = 0;
      for (int i = start; i < end; i++) {
        if (text.charAt(i) == '.') {
          dots++;
        }
      }
      count = dots;
      segStart = new int[dots];
      segEnd = new int[dots];
      lastUnderscore = new int[dots];
      tldEnd = new int[dots];
      boolean[] sub = new boolean[dots];
      boolean[] dom = new boolean[dots];
      int k = 0;
      int from = start;
      int underscore = -1;
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (c == '_') {
          underscore = i;
        } else if (c == '.') {
          segStart[k] = from;
          segEnd[k] = i;
          lastUnderscore[k] = underscore;
          sub[k] = i > from && isUrlChar(text.charAt(from)) && isUrlChar(text.charAt(i - 1));
          dom[k] = sub[k] && underscore < from;
          tldEnd[k] = dom[k] ? tldEnd(i + 1) : -1;
          k++;
          from = i + 1;
          underscore = -1;
        }
      }
      firstBadSub = new int[dots + 1];
      firstBadSub[dots] = dots;
      for (int j = dots - 1; j >= 0; j--) {
        firstBadSub[j] = sub[j] ? firstBadSub[j + 1] : j;
      }
      bestDomain = new int[dots];
      for (int j = 0; j < dots; j++) {
        bestDomain[j] = tldEnd[j] >= 0 ? j : j > 0 ? bestDomain[j - 1] : -1;
      }
    }

    /** The host end for a start at {@code d} (a URL character inside this run), or -1. */
    int hostEnd(int d) {
      int i = segmentOf(d);
      if (i < 0) {
        return -1; // in the last segment: no dot follows
      }
      boolean suffixSub = isUrlChar(text.charAt(segEnd[i] - 1)) && segEnd[i] > d;
      boolean suffixDom = suffixSub && lastUnderscore[i] < d;
      if (suffixSub && i + 1 < count) {
        // SUBDOMAIN* is greedy: the last domain label whose subdomains before it are all valid
        int upper = Math.min(firstBadSub[i + 1], count - 1);
        int m = bestDomain[upper];
        if (m >= i + 1) {
          return tldEnd[m];
        }
      }
      if (suffixDom) {
        int tld = tldEnd(segEnd[i] + 1);
        if (tld >= 0) {
          return tld;
        }
      }
      return -1;
    }

    /** The dot-terminated segment holding {@code d}, or -1. */
    private int segmentOf(int d) {
      int lo = 0;
      int hi = count - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (segEnd[mid] < d) {
          lo = mid + 1;
        } else if (segStart[mid] > d) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -1;
    }
  }

  /**
   * The end of the top-level domain at {@code q}: the first of twitter-text's domains, in its list
   * order, that starts there and is not followed by an ASCII letter or digit, {@code @ + -}; else a
   * punycode domain ({@code xn--} and letters, digits, hyphens); -1 when there is none.
   */
  private int tldEnd(int q) {
    int best = listedTldEnd(q);
    if (best >= 0) {
      return best;
    }
    if (q + 4 < n && matchesAscii(q, "xn--") && isPunycodeChar(text.charAt(q + 4))) {
      int e = q + 5;
      while (e < n && isPunycodeChar(text.charAt(e))) {
        e++;
      }
      return e;
    }
    return -1;
  }

  /** The end of the first listed top-level domain (in list order) at {@code q}, or -1. */
  private int listedTldEnd(int q) {
    int best = -1;
    int bestOrder = Integer.MAX_VALUE;
    int limit = Math.min(n - q, MAX_TLD_LENGTH);
    for (int len = 1; len <= limit && TLD_CHARS.get(text.charAt(q + len - 1)); len++) {
      int after = q + len;
      if (after < n && isTldContinuation(text.charAt(after))) {
        continue;
      }
      Integer order = TLD_ORDER.get(lowerAscii(text.substring(q, after)));
      if (order != null && order < bestOrder) {
        bestOrder = order;
        best = after;
      }
    }
    return best;
  }

  /** After a scheme: one label of non-punctuation characters, a dot, a listed top-level domain. */
  private int unicodeHostEnd(int d) {
    int i = d;
    int last = -1;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (cp == '.') {
        break;
      }
      if (!isUnicodeDomainChar(cp) && cp != '-') {
        return -1;
      }
      last = i;
      i += Character.charCount(cp);
    }
    if (i >= n || last < 0 || !isUnicodeDomainChar(text.codePointAt(d))
        || !isUnicodeDomainChar(text.codePointAt(last))) {
      return -1;
    }
    return listedTldEnd(i + 1); // no punycode alternative here
  }

  // ---- port, path, query ----

  /** Where the URL whose host ends at {@code h} ends: port, path and query included. */
  private int rest(int h) {
    int i = h;
    if (i + 1 < n && text.charAt(i) == ':' && isAsciiDigit(text.charAt(i + 1))) {
      i += 2;
      while (i < n && isAsciiDigit(text.charAt(i))) {
        i++;
      }
    }
    if (i < n && text.charAt(i) == '/') {
      i = pathEnd(i + 1);
    }
    if (i < n && text.charAt(i) == '?') {
      int q = queryEnd(i + 1);
      if (q > 0) {
        i = q;
      }
    }
    return i;
  }

  /**
   * The end of a path whose first character (after its '/') is at {@code p}. twitter-text repeats
   * (possessively) a path segment that is either path characters and balanced parentheses up to
   * the last character that may end a path, or one balanced parenthesis group.
   */
  private int pathEnd(int p) {
    int x = p;
    int noEndingBefore = -1; // a segment from before here would find no ending character
    while (true) {
      if (x >= noEndingBefore) {
        int y = x;
        int last = -1;
        while (true) {
          while (y < n && isPathChar(text.charAt(y))) {
            if (isPathEndChar(text.charAt(y))) {
              last = y + 1;
            }
            y++;
          }
          int group = y < n && text.charAt(y) == '(' ? balancedParens(y) : -1;
          if (group < 0) {
            break;
          }
          y = group;
        }
        if (last > 0) {
          x = last;
          continue;
        }
        noEndingBefore = y;
      }
      int group = x < n && text.charAt(x) == '(' ? balancedParens(x) : -1;
      if (group < 0) {
        return x;
      }
      x = group;
    }
  }

  /** {@code (chars)} or {@code (chars(chars)chars)} starting at {@code x}: its end, or -1. */
  private int balancedParens(int x) {
    int y = x + 1;
    while (y < n && isPathChar(text.charAt(y))) {
      y++;
    }
    if (y > x + 1 && y < n && text.charAt(y) == ')') {
      return y + 1;
    }
    if (y < n && text.charAt(y) == '(') {
      int z = y + 1;
      while (z < n && isPathChar(text.charAt(z))) {
        z++;
      }
      if (z > y + 1 && z < n && text.charAt(z) == ')') {
        int w = z + 1;
        while (w < n && isPathChar(text.charAt(w))) {
          w++;
        }
        if (w < n && text.charAt(w) == ')') {
          return w + 1;
        }
      }
    }
    return -1;
  }

  /** The end of a query whose first character (after its '?') is at {@code q}, or -1. */
  private int queryEnd(int q) {
    int x = q;
    int last = -1;
    while (x < n && isQueryChar(text.charAt(x))) {
      if (isQueryEndChar(text.charAt(x))) {
        last = x + 1;
      }
      x++;
    }
    return last;
  }

  /** A t.co link keeps its slug and query only: their end, -2 for a too long slug, -1 if none. */
  private int tcoEnd(int s, int end) {
    int p = s + protocolLength(s);
    if (!matchesAscii(p, "t.co/")) {
      return -1;
    }
    int slug = p + 5;
    int e = slug;
    while (e < end && isAsciiLetterOrDigit(text.charAt(e))) {
      e++;
    }
    if (e == slug) {
      return -1;
    }
    if (e - slug > MAX_TCO_SLUG_LENGTH) {
      return -2;
    }
    if (e < end && text.charAt(e) == '?') {
      int x = e + 1;
      int last = -1;
      while (x < end && isQueryChar(text.charAt(x))) {
        if (isQueryEndChar(text.charAt(x))) {
          last = x + 1;
        }
        x++;
      }
      if (last > 0) {
        e = last;
      }
    }
    return e;
  }

  /** twitter-text's own host check (IDN, 4,096 characters with the scheme), bounded first. */
  private boolean validHostAndLength(int urlLength, boolean hasProtocol, int hostStart,
      int hostEnd) {
    // a punycode host is never shorter than the original: a longer host cannot pass
    if (hostEnd - hostStart > MAX_URL_LENGTH) {
      return false;
    }
    return Extractor.isValidHostAndLength(urlLength, hasProtocol ? "https://" : null,
        text.substring(hostStart, hostEnd));
  }

  private int protocolLength(int s) {
    if (matchesAscii(s, "https://")) {
      return 8;
    }
    if (matchesAscii(s, "http://")) {
      return 7;
    }
    return 0;
  }

  private boolean lookbehindProtocol(int d) {
    return (d >= 7 && matchesAscii(d - 7, "http://")) || (d >= 8 && matchesAscii(d - 8, "https://"));
  }

  /** {@code lower} (lower-case ASCII) at {@code at}, ASCII letters in any case (not 'ſ' for 's'). */
  private boolean matchesAscii(int at, String lower) {
    if (at < 0 || at + lower.length() > n) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      char c = text.charAt(at + k);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  // ---- character classes (ASCII letters ignore case, as twitter-text's patterns do) ----

  /** May precede a URL: not an ASCII letter or digit, {@code @ ＠ $ # ＃}, or U+FFFE/FEFF/FFFF. */
  static boolean isPrecedingChar(int cp) {
    return !(isAsciiLetterOrDigit(cp) || cp == '@' || cp == '\uFF20' || cp == '$' || cp == '#'
        || cp == '\uFF03' || cp == '\uFFFE' || cp == '\uFEFF' || cp == '\uFFFF');
  }

  /** A letter of a host label: ASCII letter or digit, or one of twitter-text's Latin accents. */
  static boolean isUrlChar(char c) {
    return isAsciiLetterOrDigit(c) || isLatinAccent(c);
  }

  private static boolean isRunChar(char c) {
    return isUrlChar(c) || c == '-' || c == '_' || c == '.';
  }

  static boolean isLatinAccent(char c) {
    return (c >= '\u00c0' && c <= '\u00d6') || (c >= '\u00d8' && c <= '\u00f6')
        || (c >= '\u00f8' && c <= '\u024f')
        || c == '\u0253' || c == '\u0254' || c == '\u0256' || c == '\u0257' || c == '\u0259'
        || c == '\u025b' || c == '\u0263' || c == '\u0268' || c == '\u026f' || c == '\u0272'
        || c == '\u0289' || c == '\u028b' || c == '\u02bb'
        || (c >= '\u0300' && c <= '\u036f') || (c >= '\u1e00' && c <= '\u1eff');
  }

  private static boolean isCyrillic(char c) {
    return c >= '\u0400' && c <= '\u04ff';
  }

  private static boolean isTldContinuation(char c) {
    return isAsciiLetterOrDigit(c) || c == '@' || c == '+' || c == '-';
  }

  private static boolean isPunycodeChar(char c) {
    return isAsciiLetterOrDigit(c) || c == '-';
  }

  /** twitter-text's Unicode domain character: no punctuation, space or general punctuation. */
  private static boolean isUnicodeDomainChar(int cp) {
    if (cp < 128) {
      // not punctuation, not \\s (space, \\t, \\n, \\x0B, \\f, \\r)
      return "-_!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~ \t\n\u000B\f\r".indexOf(cp) < 0;
    }
    return !(Character.getType(cp) == Character.SPACE_SEPARATOR
        || Character.getType(cp) == Character.LINE_SEPARATOR
        || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
        || (cp >= 0x2000 && cp <= 0x206F));
  }

  private static boolean isPathChar(char c) {
    return isAsciiLetterOrDigit(c) || "!*';:=+,.$/%#[]-_~|&@\u2013".indexOf(c) >= 0
        || isLatinAccent(c) || isCyrillic(c);
  }

  private static boolean isPathEndChar(char c) {
    return isAsciiLetterOrDigit(c) || "=_#/-+".indexOf(c) >= 0 || isLatinAccent(c)
        || isCyrillic(c);
  }

  private static boolean isQueryChar(char c) {
    return isAsciiLetterOrDigit(c) || "!?*'();:&=+$/%#[]-_.,~|@".indexOf(c) >= 0;
  }

  private static boolean isQueryEndChar(char c) {
    return isAsciiLetterOrDigit(c) || "-_&=#/".indexOf(c) >= 0;
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String lowerAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = s.toCharArray();
        for (int j = i; j < chars.length; j++) {
          if (chars[j] >= 'A' && chars[j] <= 'Z') {
            chars[j] = (char) (chars[j] + ('a' - 'A'));
          }
        }
        return new String(chars);
      }
    }
    return s;
  }
}
