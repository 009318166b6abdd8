package io.github.evals4j.secrets;

/**
 * Makes text safe to publish (to Sentry, to a CI step summary, in a report attached to an event):
 * credentials and e-mail addresses are replaced by a marker, and the text can be cut to a maximum
 * length. What is recognised:
 *
 * <ul>
 *   <li>credentials by their shape, after gitleaks' rule catalogue and detect-secrets' plugins:
 *       OpenAI, Anthropic and other {@code sk-} keys, AWS access key ids, Google API keys and
 *       OAuth secrets, GitHub, GitLab, Slack, Stripe, Hugging Face, npm, PyPI, SendGrid, Twilio,
 *       Shopify, DigitalOcean, Sentry, Vault, Azure AD client secrets, ... ({@code [api-key]});
 *       signed JWTs ({@code [jwt]}); PEM private key blocks ({@code [private-key]});
 *   <li>values whose name says secret, in any naming style and quoting:
 *       {@code DB_PASSWORD=…}, {@code "client_secret": "…"}, {@code aws_secret_access_key = …},
 *       {@code X-Api-Key: …}, {@code apiKey: '…'}, {@code <password>…</password>},
 *       {@code --token …} (the value becomes {@code [redacted]});
 *   <li>{@code Authorization} headers and {@code Bearer}/{@code Basic} credentials
 *       ({@code Bearer [token]}); passwords in URLs ({@code postgres://app:[redacted]@db});
 *       Slack and Discord webhook URLs; e-mail addresses ({@code [email]}).
 * </ul>
 *
 * <p>One linear pass, whatever the input (no regular expression that could backtrack): a 100 KB
 * adversarial value costs about as much as 100 KB of prose. Scrubbing is idempotent.
 *
 * <pre>{@code
 * TextScrubber.DEFAULT.scrub("mail ann@example.com, key sk-abc123def456ghi789, DB_PASSWORD=CorrectHorse42", 200)
 *   // "mail [email], key [api-key], DB_PASSWORD=[redacted]"
 * }</pre>
 */
public final class TextScrubber {

  /** The default rules. */
  public static final TextScrubber DEFAULT = new TextScrubber();

  private TextScrubber() {}

  /** {@code text} scrubbed and cut to at most {@code max} chars; null stays null. */
  public String scrub(String text, int max) {
    if (text == null) {
      return null;
    }
    // Scrubbing before cutting would scan megabytes for a 200-char result; cut generously first so
    // that a secret across the cut is still recognised (a cut PEM block is redacted to the end),
    // then cut exactly.
    long window = 4L * max + 256;
    String s = text.length() > window ? text.substring(0, (int) window) : text;
    return cut(Scan.scrub(s), max);
  }

  /** {@code text} scrubbed, not cut (for whole documents); null stays null. */
  public String scrub(String text) {
    return text == null ? null : Scan.scrub(text);
  }

  /** {@code s} cut to at most {@code max} chars, an ellipsis marking the cut, no pair split. */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Math.max(0, max - 1);
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "\u2026";
  }
}
