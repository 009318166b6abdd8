package io.github.evals4j.junit;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spots display names that will not be the same on the next run: they break a test's history in
 * Sentry and in reports. Linear-time patterns only.
 */
final class DisplayNames {

  private static final Pattern IDENTITY_HASH =
      Pattern.compile("[A-Za-z_$][\\w$]*@[0-9a-f]{5,8}(?![0-9A-Za-z])");
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

  /** Why {@code displayName} is unstable between runs, or empty when it looks stable. */
  static Optional<String> unstableReason(String displayName) {
    if (displayName == null || displayName.isEmpty() || !suspicious(displayName)) {
      return Optional.empty();
    }
    if (IDENTITY_HASH.matcher(displayName).find()) {
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
