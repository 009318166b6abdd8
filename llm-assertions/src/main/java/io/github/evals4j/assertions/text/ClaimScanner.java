package io.github.evals4j.assertions.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The single-pass claim scanner behind {@link Claims}. Every recogniser starts at the current
 * position, looks ahead a bounded distance (or jumps past what it consumed), and never rescans,
 * so a scan is linear in the text. In source mode (indexing) quotes are not claims and extra
 * derived keys are emitted (month-day of a date, the unscaled mantissa of {@code 1.5M}, …).
 */
final class ClaimScanner {

  private static final int QUOTE_LIMIT = 300;
  private static final int INLINE_CODE_LIMIT = 200;
  private static final int ATTRIBUTE_LIMIT = 160;

  enum Mode { PROSE, CODE, JSON }

  static final Map<String, Integer> MONTHS = months();
  static final Map<String, String> CURRENCY_SYMBOLS =
      Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY", "₹", "INR", "₩", "KRW");
  static final Set<String> CURRENCY_CODES =
      Set.of("USD", "EUR", "GBP", "JPY", "CNY", "INR", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK",
          "PLN", "BRL", "MXN", "KRW", "SGD", "HKD", "NZD", "ZAR", "CZK");
  private static final Set<String> TLDS =
      Set.of("com", "org", "net", "io", "dev", "ai", "co", "app", "de", "uk", "fr", "eu", "shop",
          "store", "cloud", "tech", "info", "biz", "us", "ca", "jp", "gov", "edu");
  private static final Set<String> PLACEHOLDER_HOSTS =
      Set.of("example.com", "example.org", "example.net", "localhost", "test.com");

  private final String s;
  /** A source URL supports the prefixes of its path up to this many characters and segments. */
  static final int MAX_URL_PREFIX_LENGTH = 2048;

  static final int MAX_URL_PREFIXES = 64;

  private final boolean sourceMode;
  private final Consumer<Claim> sink;
  private final NumberScanner numbers;
  private int emailFailUntil;
  private int lastSelectorEnd = -1;

  /**
   * A scanner over {@code text} delivering claims to {@code sink}; {@code sourceMode} indexes
   * (quotes are not claims, derived keys are added, nothing is skipped as too small).
   */
  ClaimScanner(String text, boolean sourceMode, Consumer<Claim> sink) {
    this.s = text;
    this.sourceMode = sourceMode;
    this.sink = sink;
    this.numbers = new NumberScanner(text, sourceMode, this);
  }

  /** Scans the whole text, as JSON when it is a JSON document, else as prose. */
  void scanDocument() {
    int first = 0;
    while (first < s.length() && (Character.isWhitespace(s.charAt(first))
        || s.charAt(first) == '\uFEFF')) {
      first++;
    }
    boolean json = first < s.length() && (s.charAt(first) == '{' || s.charAt(first) == '[');
    scan(0, s.length(), json ? Mode.JSON : Mode.PROSE);
  }

  void scan(int from, int to, Mode mode) {
    int i = from;
    boolean lineStart = true;
    boolean sentenceStart = true;
    while (i < to) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        lineStart = true;
        sentenceStart = true;
        i++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (lineStart) {
        lineStart = false;
        int afterMarker = listMarkerEnd(i, to);
        if (afterMarker > i) {
          i = afterMarker;
          sentenceStart = true;
          continue;
        }
        if (mode == Mode.PROSE && s.startsWith("```", i)) {
          i = fence(i, to);
          continue;
        }
      }
      int next;
      boolean wordLike = false;
      if (mode == Mode.JSON && c == '"') {
        next = jsonString(i, to);
      } else if (isDigit(c)) {
        next = numbers.number(i, to, i, null);
        wordLike = true;
      } else if (CURRENCY_SYMBOLS.containsKey(String.valueOf(c)) || c == 'U' && s.startsWith("US$", i)) {
        next = numbers.currencyPrefixed(i, to);
        wordLike = next > i + 1;
      } else if (c == '#') {
        next = hash(i, to, mode);
      } else if (c == '.') {
        next = classSelector(i, to, mode);
      } else if (c == '[') {
        next = attributeSelector(i, to, mode);
      } else if (c == '`') {
        next = backtick(i, to, mode);
      } else if ((c == '"' || c == '\u201C' || c == '\u00AB' || c == '\u201E')
          && mode == Mode.PROSE && !sourceMode) {
        next = quote(i, to);
      } else {
        int cp = s.codePointAt(i);
        if (Character.isLetter(cp) || c == '_') {
          next = word(i, to, mode, sentenceStart);
          wordLike = true;
        } else {
          next = i + Character.charCount(cp);
          if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\u3002') {
            sentenceStart = true;
          }
        }
      }
      if (wordLike) {
        sentenceStart = false;
      } else if (next <= i + 1 && ".!?:;\u3002".indexOf(c) >= 0
          && !(c == '.' && Sentences.isAbbreviation(s, from, i))) {
        sentenceStart = true;
      }
      i = Math.max(next, i + 1);
    }
  }

  // ---- structure: list markers, fences, JSON strings, backticks, quotes ----

  /** End of a "1." / "2)" / "-" / "*" / "•" list marker at a line start, or {@code i}. */
  private int listMarkerEnd(int i, int to) {
    int j = i;
    while (j < to && j - i < 3 && isDigit(s.charAt(j))) {
      j++;
    }
    if (j > i && j + 1 < to && (s.charAt(j) == '.' || s.charAt(j) == ')')
        && s.charAt(j + 1) == ' ') {
      return j + 1;
    }
    char c = s.charAt(i);
    if ((c == '-' || c == '*' || c == '\u2022' || c == '>') && i + 1 < to
        && s.charAt(i + 1) == ' ') {
      return i + 1;
    }
    if (c == '#' && i + 1 < to && (s.charAt(i + 1) == '#' || s.charAt(i + 1) == ' ')) {
      int k = i;
      while (k < to && s.charAt(k) == '#') {
        k++;
      }
      return k;
    }
    return i;
  }

  private int fence(int i, int to) {
    int contentStart = s.indexOf('\n', i);
    if (contentStart < 0 || contentStart >= to) {
      return to;
    }
    int close = s.indexOf("```", contentStart);
    int contentEnd = close < 0 || close > to ? to : close;
    int first = contentStart;
    while (first < contentEnd && Character.isWhitespace(s.charAt(first))) {
      first++;
    }
    boolean json = first < contentEnd && (s.charAt(first) == '{' || s.charAt(first) == '[');
    scan(contentStart, contentEnd, json ? Mode.JSON : Mode.CODE);
    return close < 0 || close > to ? to : close + 3;
  }

  private int jsonString(int i, int to) {
    int j = i + 1;
    while (j < to && s.charAt(j) != '"') {
      j += s.charAt(j) == '\\' ? 2 : 1;
    }
    int end = Math.min(j, to);
    int k = end + 1;
    while (k < to && Character.isWhitespace(s.charAt(k))) {
      k++;
    }
    boolean key = k < to && s.charAt(k) == ':';
    if (!key) {
      scan(i + 1, end, Mode.CODE);
    }
    return end + 1;
  }

  private int backtick(int i, int to, Mode mode) {
    if (s.startsWith("```", i)) {
      return fence(i, to);
    }
    int limit = Math.min(to, i + 1 + INLINE_CODE_LIMIT);
    int close = -1;
    for (int j = i + 1; j < limit; j++) {
      char c = s.charAt(j);
      if (c == '`') {
        close = j;
        break;
      }
      if (c == '\n') {
        break;
      }
    }
    if (close <= i + 1) {
      return i + 1;
    }
    boolean spaced = false;
    for (int j = i + 1; j < close; j++) {
      if (Character.isWhitespace(s.charAt(j))) {
        spaced = true;
        break;
      }
    }
    if (spaced && !sourceMode) {
      List<String> keys = phraseKeys(i + 1, close);
      if (!keys.isEmpty()) {
        emit(ClaimKind.CODE, i, close + 1, keys, "");
      }
      return close + 1;
    }
    int before = emitted;
    scan(i + 1, close, Mode.CODE);
    if (emitted == before && !sourceMode && Words.hasLetter(s, i + 1, close)) {
      emit(ClaimKind.IDENTIFIER, i + 1, close, List.of("i:" + s.substring(i + 1, close)), "");
    }
    return close + 1;
  }

  private int quote(int i, int to) {
    if (i > 0 && Words.isWordCodePoint(s.codePointBefore(i))) {
      return i + 1;
    }
    char open = s.charAt(i);
    char close = open == '\u201C' ? '\u201D' : open == '\u00AB' ? '\u00BB'
        : open == '\u201E' ? '\u201C' : '"';
    int limit = Math.min(to, i + 1 + QUOTE_LIMIT);
    for (int j = i + 1; j < limit; j++) {
      char c = s.charAt(j);
      if (c == '\n') {
        return i + 1;
      }
      if (c == close || (close != '"' && c == '"')) {
        List<String> keys = phraseKeys(i + 1, j);
        if (keys.isEmpty()) {
          return j + 1;
        }
        emit(ClaimKind.QUOTE, i, j + 1, keys, "");
        return j + 1;
      }
    }
    return i + 1;
  }

  /** {@code w:word} for a one-word phrase, else {@code b:w1 w2} for each adjacent word pair. */
  private List<String> phraseKeys(int from, int to) {
    List<String> words = new ArrayList<>();
    Words.forEach(s, from, to, (a, b) -> words.add(Words.normalize(s.substring(a, b))
        .toLowerCase(Locale.ROOT)));
    List<String> keys = new ArrayList<>();
    if (words.size() == 1) {
      keys.add("w:" + words.get(0));
    }
    for (int k = 1; k < words.size(); k++) {
      keys.add("b:" + words.get(k - 1) + " " + words.get(k));
    }
    return keys;
  }

  // ---- selectors ----

  private int hash(int i, int to, Mode mode) {
    int end = nameEnd(i + 1, to);
    if (end == i + 1 || !(Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '_'
        || s.charAt(i + 1) == '-')) {
      return i + 1;
    }
    boolean attached = i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1))
        || lastSelectorEnd == i);
    if (mode == Mode.PROSE && !attached && !hasSeparator(i + 1, end)) {
      return end; // a hashtag, not a selector
    }
    selector(i, end, "s:#" + s.substring(i + 1, end), "id");
    return end;
  }

  private int classSelector(int i, int to, Mode mode) {
    int end = nameEnd(i + 1, to);
    if (end == i + 1 || !(Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '_')) {
      return i + 1;
    }
    char before = i > 0 ? s.charAt(i - 1) : ' ';
    boolean boundary = Character.isWhitespace(before) || "\"'(>,+~[`".indexOf(before) >= 0
        || lastSelectorEnd == i;
    if (!boundary || (mode == Mode.PROSE && !hasSeparator(i + 1, end) && lastSelectorEnd != i)) {
      return i + 1;
    }
    selector(i, end, "s:." + s.substring(i + 1, end), "class");
    return end;
  }

  private int attributeSelector(int i, int to, Mode mode) {
    int limit = Math.min(to, i + ATTRIBUTE_LIMIT);
    int nameEnd = i + 1;
    while (nameEnd < limit && (Character.isLetterOrDigit(s.charAt(nameEnd))
        || s.charAt(nameEnd) == '-' || s.charAt(nameEnd) == '_' || s.charAt(nameEnd) == ':')) {
      nameEnd++;
    }
    if (nameEnd == i + 1 || !Character.isLetter(s.charAt(i + 1)) || nameEnd >= limit) {
      return i + 1;
    }
    String name = s.substring(i + 1, nameEnd);
    char c = s.charAt(nameEnd);
    if (c == ']') {
      if (mode == Mode.PROSE && name.indexOf('-') < 0) {
        return i + 1;
      }
      selector(i, nameEnd + 1, "s:[" + name + "]", "attribute");
      return nameEnd + 1;
    }
    int valueStart = nameEnd;
    if ("~^$*|".indexOf(c) >= 0) {
      valueStart++;
    }
    if (valueStart >= limit || s.charAt(valueStart) != '=') {
      return i + 1;
    }
    boolean exact = valueStart == nameEnd;
    valueStart++;
    int close = -1;
    for (int j = valueStart; j < limit; j++) {
      char v = s.charAt(j);
      if (v == ']') {
        close = j;
        break;
      }
      if (v == '\n') {
        break;
      }
    }
    if (close < 0) {
      return i + 1;
    }
    String value = s.substring(valueStart, close).strip();
    if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.charAt(value.length() - 1) == value.charAt(0)) {
      value = value.substring(1, value.length() - 1);
    } else if (value.length() >= 4 && value.startsWith("\\\"") && value.endsWith("\\\"")) {
      value = value.substring(2, value.length() - 2); // escaped quotes inside a JSON string
    }
    String key = exact ? "s:[" + name + "=" + value + "]" : "s:[" + name + "]";
    selector(i, close + 1, key, "attribute");
    return close + 1;
  }

  private void selector(int start, int end, String key, String detail) {
    emit(ClaimKind.SELECTOR, start, end, List.of(key), detail);
    lastSelectorEnd = end;
  }

  private int nameEnd(int from, int to) {
    int j = from;
    while (j < to && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '-'
        || s.charAt(j) == '_')) {
      j++;
    }
    return j;
  }

  private boolean hasSeparator(int from, int to) {
    for (int j = from; j < to; j++) {
      if (s.charAt(j) == '-' || s.charAt(j) == '_') {
        return true;
      }
    }
    return false;
  }

  // ---- words: URLs, e-mails, months, names, identifiers ----

  private int word(int i, int to, Mode mode, boolean sentenceStart) {
    if (startsWithIgnoreCase(i, "http://") || startsWithIgnoreCase(i, "https://")
        || startsWithIgnoreCase(i, "www.")) {
      return url(i, to);
    }
    if (i >= emailFailUntil) {
      int email = email(i, to);
      if (email > i) {
        return email;
      }
    }
    int end = Words.runEnd(s, i, to);
    String w = s.substring(i, end);
    if (CURRENCY_CODES.contains(w) && end < to) {
      int j = end < to && s.charAt(end) == ' ' ? end + 1 : end;
      if (j < to && isDigit(s.charAt(j))) {
        return numbers.number(j, to, i, w);
      }
    }
    Integer month = MONTHS.get(w.toLowerCase(Locale.ROOT));
    if (month != null && Character.isUpperCase(w.charAt(0))) {
      int date = numbers.monthFirstDate(i, end, to, month);
      if (date > i) {
        return date;
      }
    }
    if (w.indexOf('.') > 0) {
      return dotted(i, end, w);
    }
    boolean hasDigit = false;
    boolean hasLetter = false;
    boolean hasUnderscore = false;
    boolean hasHyphen = false;
    boolean innerCap = false;
    boolean allUpper = true;
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (isDigit(c)) {
        hasDigit = true;
      } else if (Character.isLetter(c)) {
        hasLetter = true;
        if (Character.isLowerCase(c)) {
          allUpper = false;
        }
        if (k > 0 && Character.isUpperCase(c) && Character.isLowerCase(w.charAt(k - 1))) {
          innerCap = true;
        }
      } else if (c == '_') {
        hasUnderscore = true;
      } else if (c == '-') {
        hasHyphen = true;
      }
    }
    if (hasUnderscore && hasLetter || hasDigit && hasLetter || innerCap) {
      emit(ClaimKind.IDENTIFIER, i, end, List.of("i:" + w), errorCodeDetail(w, hasDigit));
      return end;
    }
    if (!hasLetter) {
      return end;
    }
    String lower = w.toLowerCase(Locale.ROOT);
    if (hasHyphen && lower.equals(w)) {
      String last = lower.substring(lower.lastIndexOf('-') + 1);
      if (mode != Mode.PROSE || Vocabulary.TECH_SUFFIXES.contains(last)) {
        emit(ClaimKind.IDENTIFIER, i, end, List.of("i:" + w), "");
      }
      return end;
    }
    if (Character.isUpperCase(w.codePointAt(0))) {
      return name(i, end, to, sentenceStart, allUpper && w.length() > 1);
    }
    return end;
  }

  private static String errorCodeDetail(String w, boolean hasDigit) {
    return hasDigit && Character.isUpperCase(w.charAt(0)) && isDigit(w.charAt(w.length() - 1))
        ? "code" : "";
  }

  private int dotted(int i, int end, String w) {
    String[] parts = w.split("\\.", -1);
    String first = parts[0].toLowerCase(Locale.ROOT);
    String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
    if (Vocabulary.HTML_TAGS.contains(first) && parts.length >= 2) {
      int pos = i + parts[0].length();
      for (int k = 1; k < parts.length; k++) {
        int partEnd = pos + 1 + parts[k].length();
        selector(pos, partEnd, "s:." + parts[k], "class");
        pos = partEnd;
      }
      return end;
    }
    if (first.equals("e") || first.equals("i") || w.length() <= 3) {
      return end; // e.g, i.e
    }
    if (TLDS.contains(last) && Words.hasLetter(parts[0], 0, parts[0].length())) {
      if (end < s.length() && s.charAt(end) == '/') {
        return url(i, s.length());
      }
      String host = w.toLowerCase(Locale.ROOT);
      if (sourceMode || !isPlaceholderHost(host)) {
        emit(ClaimKind.URL, i, end, List.of("u:" + host, "h:" + host), "");
      }
      return end;
    }
    emit(ClaimKind.IDENTIFIER, i, end, List.of("i:" + w),
        Vocabulary.FILE_EXTENSIONS.contains(last) ? "file" : "");
    return end;
  }

  private int name(int i, int end, int to, boolean sentenceStart, boolean acronym) {
    List<int[]> tokens = new ArrayList<>();
    tokens.add(new int[] {i, end});
    int j = end;
    while (j + 1 < to && s.charAt(j) == ' ' && Character.isUpperCase(s.codePointAt(j + 1))) {
      int e = Words.runEnd(s, j + 1, to);
      String t = s.substring(j + 1, e);
      if (!isPlainWord(t) || MONTHS.containsKey(t.toLowerCase(Locale.ROOT)) && e < to
          && s.charAt(e) == ' ' && e + 1 < to && isDigit(s.charAt(e + 1))) {
        break;
      }
      tokens.add(new int[] {j + 1, e});
      j = e;
    }
    int scanEnd = tokens.get(tokens.size() - 1)[1];
    if (sentenceStart && tokens.size() >= 2 && lineEndsAfter(scanEnd, to)) {
      return scanEnd; // a Title Case heading, not names
    }
    if (sentenceStart && !(tokens.size() == 1 && acronym)) {
      tokens.remove(0); // capitalised because it starts the sentence
    }
    List<String> keys = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (int[] t : tokens) {
      String lower = Words.normalize(s.substring(t[0], t[1])).toLowerCase(Locale.ROOT);
      if (lower.endsWith("'s")) {
        lower = lower.substring(0, lower.length() - 2);
      }
      if (lower.length() < 2 || Vocabulary.isCommon(lower)
          || Vocabulary.GENERIC_ACRONYMS.contains(lower)
          || MONTHS.containsKey(lower)) {
        continue;
      }
      keys.add("w:" + lower);
      if (first < 0) {
        first = t[0];
      }
      last = t[1];
    }
    if (!keys.isEmpty()) {
      emit(ClaimKind.NAME, first, last, keys, "");
    }
    return scanEnd;
  }

  private static boolean isPlainWord(String t) {
    for (int k = 0; k < t.length(); k++) {
      char c = t.charAt(k);
      if (isDigit(c) || c == '_' || c == '.') {
        return false;
      }
      if (k > 0 && Character.isUpperCase(c) && Character.isLowerCase(t.charAt(k - 1))) {
        return false;
      }
    }
    return true;
  }

  private boolean lineEndsAfter(int j, int to) {
    while (j < to && (s.charAt(j) == ' ' || s.charAt(j) == ':' || s.charAt(j) == '*'
        || s.charAt(j) == '\t')) {
      j++;
    }
    return j >= to || s.charAt(j) == '\n' || s.charAt(j) == '\r';
  }

  private int url(int i, int to) {
    int j = i;
    while (j < to && !Character.isWhitespace(s.charAt(j)) && "<>\"'`|".indexOf(s.charAt(j)) < 0) {
      j++;
    }
    while (j > i && ".,;:!?)]}*".indexOf(s.charAt(j - 1)) >= 0) {
      j--;
    }
    String norm = normalizeUrl(s.substring(i, j));
    int slash = indexOfAny(norm, "/?#");
    String host = slash < 0 ? norm : norm.substring(0, slash);
    if (!sourceMode && isPlaceholderHost(host)) {
      return j;
    }
    List<String> keys = new ArrayList<>();
    keys.add("u:" + norm);
    if (slash < 0) {
      keys.add("h:" + host);
    }
    if (sourceMode) {
      keys.add("h:" + host);
      int q = indexOfAny(norm, "?#");
      String path = q < 0 ? norm : norm.substring(0, q);
      keys.add("u:" + path);
      // the prefixes a source URL supports; bounded, so that a 100 KB "URL" of slashes is not
      // quadratic (no real URL has more path segments or is longer than this)
      int prefixes = 0;
      for (int k = path.indexOf('/'); k > 0 && k <= MAX_URL_PREFIX_LENGTH
          && prefixes < MAX_URL_PREFIXES; k = path.indexOf('/', k + 1)) {
        keys.add("u:" + path.substring(0, k));
        prefixes++;
      }
    }
    emit(ClaimKind.URL, i, j, keys, "");
    return j;
  }

  static String normalizeUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("https://")) {
      u = u.substring(8);
    } else if (u.startsWith("http://")) {
      u = u.substring(7);
    }
    if (u.startsWith("www.")) {
      u = u.substring(4);
    }
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  private static boolean isPlaceholderHost(String host) {
    return PLACEHOLDER_HOSTS.contains(host) || host.endsWith(".example.com")
        || host.endsWith(".test") || host.endsWith(".invalid") || host.endsWith(".example");
  }

  private int email(int i, int to) {
    int j = i;
    while (j < to && isEmailLocal(s.charAt(j))) {
      j++;
    }
    if (j >= to || s.charAt(j) != '@' || j == i) {
      emailFailUntil = j;
      return i;
    }
    int d = j + 1;
    int lastDot = -1;
    while (d < to && (Character.isLetterOrDigit(s.charAt(d)) || s.charAt(d) == '-'
        || s.charAt(d) == '.' && d + 1 < to && Character.isLetterOrDigit(s.charAt(d + 1)))) {
      if (s.charAt(d) == '.') {
        lastDot = d;
      }
      d++;
    }
    if (lastDot < 0 || d - lastDot < 3) {
      emailFailUntil = d;
      return i;
    }
    String address = s.substring(i, d).toLowerCase(Locale.ROOT);
    if (!sourceMode && isPlaceholderHost(address.substring(address.indexOf('@') + 1))) {
      return d;
    }
    emit(ClaimKind.EMAIL, i, d, List.of("e:" + address), "");
    return d;
  }

  private static boolean isEmailLocal(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+'
        || c == '-';
  }

  // ---- helpers ----

  private int emitted;

  void emit(ClaimKind kind, int start, int end, List<String> keys, String detail) {
    emitted++;
    sink.accept(new Claim(kind, start, end, s.substring(start, end), keys, detail));
  }






  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private boolean startsWithIgnoreCase(int i, String prefix) {
    return s.regionMatches(true, i, prefix, 0, prefix.length());
  }


  private static int indexOfAny(String text, String chars) {
    for (int k = 0; k < text.length(); k++) {
      if (chars.indexOf(text.charAt(k)) >= 0) {
        return k;
      }
    }
    return -1;
  }

  private static Map<String, Integer> months() {
    String[] full = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};
    Map<String, Integer> m = new java.util.HashMap<>();
    for (int k = 0; k < full.length; k++) {
      m.put(full[k], k + 1);
      m.put(full[k].substring(0, 3), k + 1);
    }
    m.put("sept", 9);
    return Map.copyOf(m);
  }
}
