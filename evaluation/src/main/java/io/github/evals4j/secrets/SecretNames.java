package io.github.evals4j.secrets;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a name (a key in {@code key=value}, a JSON or YAML key, a header, an environment
 * variable) says that its value is a secret. The name is split into words at {@code _ - .} and at
 * camel-case humps, whatever its style ({@code DB_PASSWORD}, {@code client-secret},
 * {@code clientSecret}, {@code aws_secret_access_key}, {@code X-Api-Key}, {@code PGPASSWORD}); its
 * <em>last</em> word decides, as in English and in code ({@code password_hint} and
 * {@code max_tokens} are not secrets; {@code api_key_id} is an id).
 *
 * <p>The vocabulary is detect-secrets' keyword plugin denylist ({@code api_?key}, {@code auth_?key},
 * {@code service_?key}, {@code account_?key}, {@code db_?key}, {@code private_?key},
 * {@code client_?key}, {@code db_?pass}, {@code password}, {@code passwd}, {@code pwd},
 * {@code secret}) and gitleaks' {@code generic-api-key} keywords ({@code token}, {@code secret},
 * {@code passw(or)d}, {@code auth}, {@code key} after a qualifier), re-expressed as words.
 */
final class SecretNames {

  /** A last word ending with one of these names a secret ({@code csrftoken}, {@code pgpassword}). */
  private static final String[] SUFFIXES = {"password", "passwd", "passphrase", "secret", "token",
      "apikey", "accesskey", "secretkey", "privatekey", "authkey", "clientkey", "masterkey",
      "signingkey", "encryptionkey", "accountkey", "subscriptionkey", "sharedkey"};

  /** A last word equal to one of these names a secret. */
  private static final Set<String> WORDS = Set.of("authorization", "auth", "sig", "signature");

  /** Only after a qualifier: a bare {@code PWD} is the shell's working directory. */
  private static final Set<String> QUALIFIED_WORDS = Set.of("pwd", "pass");

  /** {@code key} names a secret after one of these ({@code api_key}, {@code X-Api-Key}). */
  private static final Set<String> KEY_QUALIFIERS = Set.of("api", "access", "secret", "private",
      "auth", "client", "master", "signing", "encryption", "account", "subscription", "shared",
      "storage", "service", "license", "app", "webhook", "session", "consumer", "admin", "deploy",
      "db", "database");

  /** Longer words are not names (a 60 KB case id is not scanned back to its start). */
  private static final int MAX_WORD = 64;

  private SecretNames() {}

  /** Whether {@code s[start, end)} is a secret's name. */
  static boolean isSecret(String s, int start, int end) {
    return kind(s, start, end) != null;
  }

  /** Whether {@code s[start, end)} is an {@code Authorization} header's name. */
  static boolean isAuthorization(String s, int start, int end) {
    return "authorization".equals(kind(s, start, end));
  }

  /** The last word, lower-cased, if the name is a secret's; else null. */
  private static String kind(String s, int start, int end) {
    int e = end;
    while (e > start && !isAlnum(s.charAt(e - 1))) {
      e--;
    }
    int ls = wordStart(s, start, e);
    if (ls < 0) {
      return null;
    }
    String last = s.substring(ls, e).toLowerCase(Locale.ROOT);
    for (String suffix : SUFFIXES) {
      if (last.endsWith(suffix)) {
        return last;
      }
    }
    if (WORDS.contains(last)) {
      return last;
    }
    boolean qualified = last.equals("key") || QUALIFIED_WORDS.contains(last);
    if (!qualified) {
      return null;
    }
    int pe = ls;
    while (pe > start && isSeparator(s.charAt(pe - 1))) {
      pe--;
    }
    int ps = pe > start ? wordStart(s, start, pe) : -1;
    if (ps < 0 || ps == pe) {
      return null;
    }
    String previous = s.substring(ps, pe).toLowerCase(Locale.ROOT);
    return last.equals("key") ? (KEY_QUALIFIERS.contains(previous) ? last : null) : last;
  }

  /**
   * Where the word ending at {@code end} starts: after a separator, or at a camel-case hump
    * ({@code apiKey}, {@code APIKey}); -1 if it is empty or longer than {@value #MAX_WORD}.
   */
  private static int wordStart(String s, int start, int end) {
    if (end <= start) {
      return -1;
    }
    int j = end - 1;
    while (j > start) {
      char c = s.charAt(j - 1);
      char d = s.charAt(j);
      if (isSeparator(c) || !isAlnum(c)) {
        break;
      }
      if (Character.isLowerCase(c) && Character.isUpperCase(d)) {
        break;
      }
      if (Character.isUpperCase(c) && Character.isUpperCase(d) && j + 1 < end
          && Character.isLowerCase(s.charAt(j + 1))) {
        break;
      }
      j--;
      if (end - j > MAX_WORD) {
        return -1;
      }
    }
    return j;
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.';
  }

  static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
