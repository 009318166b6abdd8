package io.github.evals4j.secrets;

/**
 * One left-to-right pass over a text that copies it with its secrets replaced.
 *
 * <p>The text is read as <em>runs</em>: maximal sequences of letters, digits and {@code _ - . + % ~}
 * (the characters of identifiers, tokens, e-mail local parts and dotted names). Every rule starts
 * where a run starts, or at {@code ://} for URL credentials, and the scan then continues after the
 * run (or after what the rule replaced), never at the next character of it. A rule reads the run,
 * a bounded look-around (a separator, a quote, an e-mail domain of at most 10 labels, a URL's user
 * info of at most 256 characters) and, when it matches, a value that it consumes. So each
 * character is read a small constant number of times, whatever the input: the scan is linear.
 * (The regular expressions it replaced restarted at every position of a long run, e.g. at every
 * {@code sk-} of {@code sk-sk-sk-…}: quadratic.)
 */
final class Scan {

  static final String API_KEY = "[api-key]";
  static final String JWT = "[jwt]";
  static final String EMAIL = "[email]";
  static final String REDACTED = "[redacted]";
  static final String PRIVATE_KEY = "[private-key]";
  static final String BEARER = "Bearer [token]";
  static final String BASIC = "Basic [token]";

  /** The longest quoted value read after a secret's name (a PEM key in JSON is ~1.7 KB). */
  private static final int MAX_QUOTED = 8192;
  /** The longest user info ({@code user:password}) read after {@code ://}. */
  private static final int MAX_USER_INFO = 256;

  private final String s;
  private final int n;
  private StringBuilder out;
  private int copied;

  private Scan(String s) {
    this.s = s;
    this.n = s.length();
  }

  /** {@code text} with its secrets replaced; the same instance when there is none. */
  static String scrub(String text) {
    return new Scan(text).pass();
  }

  private String pass() {
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (isRunChar(c)) {
        int e = i + 1;
        while (e < n && isRunChar(s.charAt(e))) {
          e++;
        }
        i = Math.max(e, run(i, e));
      } else if (c == '\\' && i + 1 < n && "nrtbf\"'\\/".indexOf(s.charAt(i + 1)) >= 0) {
        i += 2; // an escape (JSON, a Java string in a log): "\nsk-..." starts a token at 's'
      } else if (c == ':' && s.startsWith("//", i + 1)) {
        i = Math.max(i + 1, userInfo(i + 3));
      } else {
        i++;
      }
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, n).toString();
  }

  /** Handles the run {@code s[i, e)}; returns where the scan goes on (at least {@code e}). */
  private int run(int i, int e) {
    int begin = indexOf("-----BEGIN", i, e);
    if (begin >= 0) {
      return privateKey(begin, e);
    }
    int t = i;
    while (t < e && !SecretNames.isAlnum(s.charAt(t))) {
      t++;
    }
    if (t == e) {
      return e;
    }
    int r = token(t);
    if (r >= 0) {
      return r;
    }
    r = keyValue(i, t, e);
    if (r >= 0) {
      return r;
    }
    r = scheme(t, e, false);
    if (r >= 0) {
      return r;
    }
    if (e < n && s.charAt(e) == '@') {
      r = email(t, e);
      if (r >= 0) {
        return r;
      }
    }
    if (e < n && s.charAt(e) == '/') {
      return webhook(t, e);
    }
    return e;
  }

  /** A credential by its shape ({@link TokenRules}) or a JWT at {@code t}; -1 if none. */
  private int token(int t) {
    int end = TokenRules.match(s, t);
    if (end >= 0) {
      replace(t, end, API_KEY);
      return end;
    }
    end = jwt(t);
    if (end >= 0) {
      replace(t, end, JWT);
      return end;
    }
    if (t + 6 < n && s.charAt(t + 4) == 'Q' && s.charAt(t + 5) == '~' && Character.isDigit(s.charAt(t + 3))) {
      // azure-ad-client-secret: three characters, a digit, "Q~", then 31-34 of [A-Za-z0-9_~.-]
      int b = t + 6;
      while (b < n && b - t < 41 && (SecretNames.isAlnum(s.charAt(b)) || "_~.-".indexOf(s.charAt(b)) >= 0)) {
        b++;
      }
      if (b - t - 6 >= 31 && (b >= n || !SecretNames.isAlnum(s.charAt(b)))) {
        replace(t, b, API_KEY);
        return b;
      }
    }
    return -1;
  }

  /**
   * A signed JWT (gitleaks {@code jwt}, detect-secrets {@code jwt}): header and payload are
   * base64url JSON objects ({@code eyJ}, {@code ey}), and a signature follows. An unsigned token
   * ({@code alg: none}, nothing after the last dot) carries no credential and is left.
   */
  private int jwt(int t) {
    if (!s.startsWith("eyJ", t)) {
      return -1;
    }
    int a = base64Url(t);
    if (a - t < 10 || a >= n || s.charAt(a) != '.' || !s.startsWith("ey", a + 1)) {
      return -1;
    }
    int b = base64Url(a + 1);
    if (b - a - 1 < 10 || b >= n || s.charAt(b) != '.') {
      return -1;
    }
    int c = base64Url(b + 1);
    return c - b - 1 >= 8 ? c : -1;
  }

  private int base64Url(int from) {
    int j = from;
    while (j < n && (SecretNames.isAlnum(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '-'
        || s.charAt(j) == '=')) {
      j++;
    }
    return j;
  }

  /**
   * {@code name=value}, {@code name: value}, {@code "name": "value"}, {@code name := value},
   * {@code name => value}, {@code <name>value<}, {@code --name value}, where the name says secret
   * ({@link SecretNames}); the value is replaced, the name kept. -1 if not such a pair.
   */
  private int keyValue(int i, int t, int e) {
    int p = e;
    if (p + 1 < n && s.charAt(p) == '\\' && isQuote(s.charAt(p + 1))) {
      p += 2; // "{\"password\": ...}" inside a JSON string
    } else if (p < n && isQuote(s.charAt(p))) {
      p++;
    }
    char sep;
    if (p == e && p < n && s.charAt(p) == '>' && i > 0 && s.charAt(i - 1) == '<') {
      p++;
      sep = '>';
    } else if (p == e && p + 1 < n && s.charAt(p) == ' ' && s.charAt(p + 1) != ' '
        && s.startsWith("--", i)) {
      p++;
      sep = ' ';
    } else if ((p = spaces(p)) < n && s.charAt(p) == '=') {
      p++;
      if (p < n && s.charAt(p) == '=') {
        return -1; // a comparison
      }
      if (p < n && s.charAt(p) == '>') {
        p++;
      }
      sep = '=';
    } else if (p < n && s.charAt(p) == ':') {
      if (s.startsWith("//", p + 1)) {
        return -1; // a URL scheme
      }
      p++;
      if (p < n && s.charAt(p) == '=') {
        p++;
      }
      sep = ':';
    } else {
      return -1;
    }
    if (!SecretNames.isSecret(s, t, e)) {
      return -1;
    }
    int v = sep == '>' ? p : spaces(p);
    boolean spaced = v > p;
    if (v >= n) {
      return -1;
    }
    char quote = 0;
    boolean escaped = false;
    int vs = v;
    if (v + 1 < n && s.charAt(v) == '\\' && isQuote(s.charAt(v + 1))) {
      quote = s.charAt(v + 1);
      escaped = true;
      vs = v + 2;
    } else if (isQuote(s.charAt(v))) {
      quote = s.charAt(v);
      vs = v + 1;
    }
    if (vs >= n || isReference(vs) || s.startsWith("-----BEGIN", vs)) {
      return -1; // a PEM block is replaced whole by its own rule, across its lines
    }
    if (SecretNames.isAuthorization(s, t, e)) {
      int r = scheme(vs, runEnd(vs), true);
      if (r >= 0) {
        return r;
      }
    }
    int ve;
    if (quote != 0) {
      ve = closing(vs, quote, escaped);
    } else {
      ve = vs;
      while (ve < n && !endsUnquoted(s.charAt(ve))) {
        ve++;
      }
    }
    if (ve == vs || isLiteral(vs, ve)) {
      return -1;
    }
    if (quote == 0 && sep == ':' && spaced && isProseWord(vs, ve)) {
      return -1; // "Password: must be 8 characters long"
    }
    if (quote == 0 && isExpression(vs, ve)) {
      return -1; // code: "password = getpass.getpass()", "token = config.api_token"
    }
    replace(vs, ve, REDACTED);
    return ve;
  }

  /** Where a quoted value starting at {@code from} ends: its closing quote, a line end or the bound. */
  private int closing(int from, char quote, boolean escaped) {
    int limit = (int) Math.min(n, (long) from + MAX_QUOTED);
    int j = from;
    while (j < limit) {
      char c = s.charAt(j);
      if (c == '\n' || c == '\r') {
        return j;
      }
      if (c == '\\' && j + 1 < n) {
        if (escaped && s.charAt(j + 1) == quote) {
          return j;
        }
        j += 2;
        continue;
      }
      if (!escaped && c == quote) {
        return j;
      }
      j++;
    }
    return Math.min(j, n);
  }

  /**
   * {@code Bearer <token>} / {@code Basic <base64>} at the run {@code s[t, e)}; after an
   * {@code Authorization} name ({@code header}) any credential counts, and other schemes
   * ({@code Token}, {@code Digest}, {@code AWS4-HMAC-SHA256}, ...) keep their name while the rest
   * of the value is replaced. Elsewhere the credential must look random (8+ characters with a
   * digit, {@code +/=} or an inner capital), so that "the bearer instrument" stays.
   */
  private int scheme(int t, int e, boolean header) {
    boolean bearer = e - t == 6 && s.regionMatches(true, t, "bearer", 0, 6);
    boolean basic = e - t == 5 && s.regionMatches(true, t, "basic", 0, 5);
    int c = spaces(e);
    if (c == e || c >= n) {
      return -1;
    }
    if (!bearer && !basic) {
      if (!header || !isLetters(t, e)) {
        return -1;
      }
      int end = c;
      while (end < n && s.charAt(end) != '\n' && s.charAt(end) != '\r' && s.charAt(end) != '"'
          && s.charAt(end) != '\'' && end - c < MAX_QUOTED) {
        end++;
      }
      if (end == c) {
        return -1;
      }
      replace(c, end, REDACTED);
      return end;
    }
    int end = c;
    boolean digit = false;
    boolean symbol = false;
    boolean hump = false;
    while (end < n) {
      char ch = s.charAt(end);
      boolean ok = SecretNames.isAlnum(ch) || ch == '+' || ch == '/' || ch == '='
          || (bearer && (ch == '.' || ch == '_' || ch == '~' || ch == '-'));
      if (!ok) {
        break;
      }
      digit |= Character.isDigit(ch);
      symbol |= ch == '+' || ch == '/' || ch == '=';
      hump |= end > c && Character.isUpperCase(ch) && Character.isLowerCase(s.charAt(end - 1));
      end++;
    }
    int len = end - c;
    if (header && len == 0) {
      return c; // "Authorization: Bearer [token]" (already scrubbed): nothing to replace
    }
    boolean credential = header ? len > 0
        : bearer ? len >= 8 && (digit || symbol || hump) : len >= 12 && (digit || symbol);
    if (!credential) {
      return -1;
    }
    replace(t, end, bearer ? BEARER : BASIC);
    return end;
  }

  /** An e-mail address whose local part ends the run at {@code e} (the '@'); -1 if none. */
  private int email(int t, int e) {
    int local = Math.max(t, e - 64);
    int j = e + 1;
    int end = -1;
    for (int label = 0; label < 10 && j < n; label++) {
      int ls = j;
      while (j < n && j - ls < 63 && (SecretNames.isAlnum(s.charAt(j)) || s.charAt(j) == '-')) {
        j++;
      }
      if (j == ls) {
        break;
      }
      if (label > 0) {
        int alpha = ls;
        while (alpha < j && Character.isLetter(s.charAt(alpha))) {
          alpha++;
        }
        if (alpha - ls >= 2 && alpha - ls <= 24) {
          end = alpha;
        }
      }
      if (j + 1 < n && s.charAt(j) == '.' && SecretNames.isAlnum(s.charAt(j + 1))) {
        j++;
      } else {
        break;
      }
    }
    if (end < 0) {
      return -1;
    }
    replace(local, end, EMAIL);
    return end;
  }

  /** {@code scheme://user:password@host}: the password is replaced (and a token as user). */
  private int userInfo(int u) {
    int limit = Math.min(n, u + MAX_USER_INFO);
    int colon = -1;
    int j = u;
    while (j < limit) {
      char c = s.charAt(j);
      if (c == '@') {
        break;
      }
      if (c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>'
          || c == '\\' || c == '`' || Character.isWhitespace(c)) {
        return u; // no user info: the host is read as ordinary runs
      }
      if (c == ':' && colon < 0) {
        colon = j;
      }
      j++;
    }
    if (j >= limit || colon < 0 || colon + 1 == j) {
      return u; // no password: the user part is read as ordinary runs (a token there is caught)
    }
    if (colon > u) {
      int end = TokenRules.match(s, u);
      if (end == colon) {
        replace(u, end, API_KEY);
      }
    }
    replace(colon + 1, j, REDACTED);
    return j + 1;
  }

  /** Webhook URLs whose path is the secret: Slack ({@code slack-webhook-url}), Discord. */
  private int webhook(int t, int e) {
    String[][] hosts = {{"hooks.slack.com", "/services/", "/workflows/", "/triggers/"},
        {"discord.com", "/api/webhooks/"}, {"discordapp.com", "/api/webhooks/"}};
    for (String[] h : hosts) {
      if (e - t >= h[0].length() && s.regionMatches(true, e - h[0].length(), h[0], 0, h[0].length())) {
        for (int k = 1; k < h.length; k++) {
          if (s.startsWith(h[k], e)) {
            int from = e + h[k].length();
            int end = from;
            while (end < n && (SecretNames.isAlnum(s.charAt(end)) || "_-/+".indexOf(s.charAt(end)) >= 0)) {
              end++;
            }
            if (end - from >= 8) {
              replace(from, end, REDACTED);
              return end;
            }
          }
        }
      }
    }
    return e;
  }

  /**
   * A PEM private key block (gitleaks {@code private-key}, detect-secrets {@code private_key}):
   * from {@code -----BEGIN ... PRIVATE KEY-----} to its {@code -----END ...-----} line, or to the
   * end of the text when that is missing (a cut key is still a key).
   */
  private int privateKey(int begin, int e) {
    int header = begin + "-----BEGIN".length();
    int headerEnd = indexOf("-----", header, Math.min(n, header + 100));
    if (headerEnd < 0 || indexOf("PRIVATE KEY", header, headerEnd) < 0) {
      return header;
    }
    int end = s.indexOf("-----END", headerEnd + 5);
    if (end < 0) {
      replace(begin, n, PRIVATE_KEY);
      return n;
    }
    int footer = indexOf("-----", end + 8, Math.min(n, end + 108));
    int stop = footer < 0 ? end + 8 : footer + 5;
    replace(begin, stop, PRIVATE_KEY);
    return stop;
  }

  private void replace(int start, int end, String marker) {
    if (out == null) {
      out = new StringBuilder(n + 16);
    }
    out.append(s, copied, start).append(marker);
    copied = end;
  }

  /** First index of {@code needle} in {@code s[from, to)}, or -1. */
  private int indexOf(String needle, int from, int to) {
    int last = to - needle.length();
    for (int j = from; j <= last; j++) {
      if (s.charAt(j) == needle.charAt(0) && s.startsWith(needle, j)) {
        return j;
      }
    }
    return -1;
  }

  private int spaces(int from) {
    int j = from;
    while (j < n && j - from < 16 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
      j++;
    }
    return j;
  }

  private int runEnd(int from) {
    int j = from;
    while (j < n && isRunChar(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private boolean isLetters(int from, int to) {
    for (int j = from; j < to; j++) {
      if (!Character.isLetter(s.charAt(j)) && s.charAt(j) != '-' && !Character.isDigit(s.charAt(j))) {
        return false;
      }
    }
    return to > from && Character.isLetter(s.charAt(from));
  }

  /** A placeholder or a reference, not a value: {@code ${DB_PASSWORD}}, {@code <your key>}, {@code ****}. */
  private boolean isReference(int v) {
    char c = s.charAt(v);
    if (c == '<' || c == '[' || c == '*' || c == '{') {
      return true;
    }
    if ((c == '$' || c == '%' || c == '#') && v + 1 < n) {
      char d = s.charAt(v + 1);
      return d == '{' || d == '(' || (c == '$' && (Character.isLetter(d) || d == '_'));
    }
    return false;
  }

  /** {@code null}, {@code true}, ...: a value that holds nothing. */
  private boolean isLiteral(int from, int to) {
    int len = to - from;
    if (len > 9) {
      return false;
    }
    String v = s.substring(from, to);
    for (String literal : new String[] {"null", "true", "false", "none", "nil", "undefined", "empty"}) {
      if (v.equalsIgnoreCase(literal)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Code rather than a value: a call or an index ({@code getpass()}, {@code os.environ[...]}) or a
   * dotted path of words without digits ({@code settings.SECRET_KEY}).
   */
  private boolean isExpression(int from, int to) {
    boolean dot = false;
    boolean plain = true;
    for (int j = from; j < to; j++) {
      char c = s.charAt(j);
      if (c == '(' || c == '[') {
        return true;
      }
      dot |= c == '.';
      plain &= Character.isLetter(c) || c == '_' || c == '.';
    }
    return dot && plain && Character.isLetter(s.charAt(from)) && s.charAt(to - 1) != '.';
  }

  /** A plain word followed by more prose: {@code Token: the} is English, not a token. */
  private boolean isProseWord(int from, int to) {
    for (int j = from; j < to; j++) {
      char c = s.charAt(j);
      if (!Character.isLetter(c) || (j > from && Character.isUpperCase(c))) {
        return false;
      }
    }
    return to + 1 < n && s.charAt(to) == ' ' && Character.isLetter(s.charAt(to + 1));
  }

  private static boolean endsUnquoted(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';'
        || c == '&' || c == ')' || c == ']' || c == '}' || c == '<' || c == '>' || c == '|'
        || c == '\\';
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  static boolean isRunChar(char c) {
    return SecretNames.isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '+' || c == '%' || c == '~';
  }
}
