package io.github.evals4j.junit;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spots display names that will not be the same on the next run: they break a test's history in
 * Sentry and in reports. Linear time: a display name is untrusted text (a dataset's case id, an
 * argument's {@code toString()}), and this runs twice per test.
 */
final class DisplayNames {

  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}|\\d{2}:\\d{2}:\\d{2}\\.\\d|(?<!\\d)1\\d{12}(?!\\d)");

  private DisplayNames() {}

  /** Every pattern needs an '@', a '-', a ':' or a long run of digits: most names have none. */
  private static boolean suspicious(String name) {
    int digits = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '@' || c == '-' || c == ':') {
        return true;
      }
      digits = c >= '0' && c <= '9' ? digits + 1 : 0;
      if (digits >= 13) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code name} holds a default {@code Object.toString()}: a Java identifier, {@code @}, and
   * 5 to 8 lower-case hex digits not followed by a letter or digit ({@code com.acme.Order@1b6d3586}).
   * One pass: each {@code @} looks back over the identifier characters before it, and those runs
   * end at the previous {@code @}, so no character is read more than twice. (The regex {@code
   * [A-Za-z_$][\\w$]*@…} tried every start of a long identifier: 7 s on 40,000 characters.)
   */
  static boolean hasIdentityHash(String name) {
    int n = name.length();
    int runStart = 0; // start of the current run of identifier characters
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c != '@') {
        if (!isIdentifierPart(c)) {
          runStart = i + 1;
        }
        continue;
      }
      // an identifier ends here if the run before '@' has a character that may start one
      boolean identifier = false;
      for (int j = i - 1; j >= runStart && !identifier; j--) {
        identifier = !(name.charAt(j) >= '0' && name.charAt(j) <= '9');
      }
      int hex = i + 1;
      while (hex < n && hex - i <= 8 && isLowerHex(name.charAt(hex))) {
        hex++;
      }
      int digits = hex - i - 1;
      boolean endsThere = hex >= n || !isAsciiLetterOrDigit(name.charAt(hex));
      if (identifier && digits >= 5 && digits <= 8 && endsThere) {
        return true;
      }
      runStart = i + 1;
    }
    return false;
  }

  private static boolean isIdentifierPart(char c) {
    return isAsciiLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isLowerHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  /** Why {@code displayName} is unstable between runs, or empty when it looks stable. */
  static Optional<String> unstableReason(String displayName) {
    if (displayName == null || displayName.isEmpty() || !suspicious(displayName)) {
      return Optional.empty();
    }
    if (hasIdentityHash(displayName)) {
      return Optional.of("identity hash (default toString())");
    }
    if (UUID.matcher(displayName).find()) {
      return Optional.of("random UUID");
    }
    if (TIMESTAMP.matcher(displayName).find()) {
      return Optional.of("timestamp");
    }
    return Optional.empty();
  }
}
