package io.github.evals4j.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * Credentials recognisable by their own shape: a fixed prefix and a body of one character class.
 * The shapes are re-expressed (not copied) from gitleaks' rule catalogue ({@code config/gitleaks.toml},
 * rule ids in the comments) and Yelp detect-secrets' plugins; where they bound a body exactly, the
 * minimum here is lower so that a key shortened in a log line is still caught.
 *
 * <p>A rule is tried only where a token starts (see {@link Scan}), and its body is one run of one
 * class: no backtracking, no nested repetition.
 */
final class TokenRules {

  /** Character classes of token bodies. */
  enum Chars {
    ALNUM, WORD, WORD_DASH, HEX, UPPER_DIGIT, LETTERS, SLACK, B64, B64URL_DOT;

    boolean test(char c) {
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      return switch (this) {
        case ALNUM -> alnum;
        case WORD -> alnum || c == '_';
        case WORD_DASH -> alnum || c == '_' || c == '-';
        case HEX -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        case UPPER_DIGIT -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        case LETTERS -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        case SLACK -> alnum || c == '-';
        case B64 -> alnum || c == '+' || c == '/' || c == '=' || c == '_';
        case B64URL_DOT -> alnum || c == '_' || c == '-' || c == '.' || c == '=';
      };
    }
  }

  /**
   * One shape.
   *
   * @param prefix the literal start (case-sensitive)
   * @param body the class of the characters after it
   * @param min the fewest body characters
   * @param max the most body characters, or 0 for no bound; with a bound, the character after the
   *     body must not be a letter or digit (a longer run is something else)
   * @param digit whether the body must hold a digit (tells {@code sk-learn-models} from a key)
   */
  record Rule(String prefix, Chars body, int min, int max, boolean digit) {}

  /** Rules by the first character of their prefix (all prefixes start with an ASCII character). */
  private static final Rule[][] BY_FIRST = new Rule[128][];

  static {
    List<Rule> all = new ArrayList<>();
    // aws-access-token (gitleaks), aws plugin (detect-secrets): access key ids
    for (String p : new String[] {"AKIA", "ASIA", "ABIA", "ACCA"}) {
      all.add(new Rule(p, Chars.UPPER_DIGIT, 16, 16, false));
    }
    all.add(new Rule("A3T", Chars.UPPER_DIGIT, 17, 17, false));
    // gcp-api-key (Google Cloud, Gemini, Firebase, Maps): AIza + 35
    all.add(new Rule("AIza", Chars.WORD_DASH, 30, 0, false));
    // Google OAuth client secrets and access tokens
    all.add(new Rule("GOCSPX-", Chars.WORD_DASH, 24, 0, false));
    all.add(new Rule("ya29.", Chars.WORD_DASH, 20, 0, false));
    // github-pat, github-oauth, github-app-token, github-refresh-token, github-fine-grained-pat
    for (String p : new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) {
      all.add(new Rule(p, Chars.ALNUM, 20, 0, false));
    }
    all.add(new Rule("github_pat_", Chars.WORD, 22, 0, false));
    // gitlab-pat, gitlab-deploy-token, gitlab-runner-authentication-token, gitlab-ptt, gitlab-rrt,
    // gitlab-feed-token, gitlab-cicd-job-token, ... (gitlab_token plugin of detect-secrets)
    for (String p : new String[] {"glpat-", "gldt-", "glft-", "glsoat-", "glrt-", "glcbt-", "glimt-",
        "glptt-", "glagent-", "gloas-", "GR1348941"}) {
      all.add(new Rule(p, Chars.WORD_DASH, 20, 0, false));
    }
    // slack-bot-token, slack-user-token, slack-app-token, slack-legacy-*, slack-config-*
    for (String p : new String[] {"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxo-", "xoxe-",
        "xoxe.xoxp-", "xapp-"}) {
      all.add(new Rule(p, Chars.SLACK, 10, 0, true));
    }
    // stripe-access-token (secret and restricted keys; publishable pk_ keys are public) + webhook secrets
    for (String p : new String[] {"sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_"}) {
      all.add(new Rule(p, Chars.ALNUM, 10, 0, false));
    }
    all.add(new Rule("whsec_", Chars.ALNUM, 20, 0, false));
    // openai-api-key (sk-proj-, sk-svcacct-, sk-admin-, legacy sk-), anthropic-api-key and
    // anthropic-admin-api-key (sk-ant-api03-, sk-ant-admin01-), DeepSeek and other sk- keys
    all.add(new Rule("sk-", Chars.WORD_DASH, 16, 0, true));
    // perplexity-api-key, huggingface-access-token, Groq, xAI, Replicate
    all.add(new Rule("pplx-", Chars.ALNUM, 40, 0, false));
    all.add(new Rule("hf_", Chars.LETTERS, 30, 0, false));
    all.add(new Rule("gsk_", Chars.ALNUM, 40, 0, false));
    all.add(new Rule("xai-", Chars.ALNUM, 40, 0, false));
    all.add(new Rule("r8_", Chars.ALNUM, 30, 0, false));
    // npm-access-token, pypi-upload-token
    all.add(new Rule("npm_", Chars.ALNUM, 36, 0, false));
    all.add(new Rule("pypi-AgEIcHlwaS5vcmc", Chars.WORD_DASH, 50, 0, false));
    // sendgrid-api-token (SG.<22>.<43>), twilio-api-key (SK + 32 hex)
    all.add(new Rule("SG.", Chars.B64URL_DOT, 60, 0, false));
    all.add(new Rule("SK", Chars.HEX, 32, 32, false));
    // shopify-access-token, shopify-custom-access-token, shopify-private-app-access-token, shopify-shared-secret
    for (String p : new String[] {"shpat_", "shpca_", "shppa_", "shpss_"}) {
      all.add(new Rule(p, Chars.HEX, 32, 32, false));
    }
    // digitalocean-pat, digitalocean-access-token, digitalocean-refresh-token
    for (String p : new String[] {"dop_v1_", "doo_v1_", "dor_v1_"}) {
      all.add(new Rule(p, Chars.HEX, 64, 64, false));
    }
    // sentry-user-token, sentry-org-token
    all.add(new Rule("sntryu_", Chars.HEX, 64, 64, false));
    all.add(new Rule("sntrys_", Chars.B64, 50, 0, false));
    // doppler-api-token, databricks-api-token, linear-api-key, notion-api-token, vault-service-token,
    // vault-batch-token, age-secret-key, mailgun-private-api-token
    all.add(new Rule("dp.pt.", Chars.ALNUM, 40, 0, false));
    all.add(new Rule("dapi", Chars.HEX, 32, 32, false));
    all.add(new Rule("lin_api_", Chars.ALNUM, 40, 0, false));
    all.add(new Rule("ntn_", Chars.ALNUM, 40, 0, false));
    all.add(new Rule("hvs.", Chars.WORD_DASH, 24, 0, false));
    all.add(new Rule("hvb.", Chars.WORD_DASH, 24, 0, false));
    all.add(new Rule("AGE-SECRET-KEY-1", Chars.UPPER_DIGIT, 58, 58, false));
    all.add(new Rule("key-", Chars.HEX, 32, 32, false));
    List<List<Rule>> byFirst = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      byFirst.add(new ArrayList<>());
    }
    for (Rule r : all) {
      byFirst.get(r.prefix().charAt(0)).add(r);
    }
    for (int i = 0; i < 128; i++) {
      BY_FIRST[i] = byFirst.get(i).isEmpty() ? null : byFirst.get(i).toArray(new Rule[0]);
    }
  }

  private TokenRules() {}

  /** How many shapes there are (for the count in docs/junit-sentry.md). */
  static int count() {
    int n = 0;
    for (Rule[] rules : BY_FIRST) {
      n += rules == null ? 0 : rules.length;
    }
    return n;
  }

  /**
   * The end of the credential starting at {@code start} in {@code s}, or -1 when none starts
   * there. Reads at most the prefix, the body and one character after it.
   */
  static int match(String s, int start) {
    char first = s.charAt(start);
    Rule[] candidates = first < 128 ? BY_FIRST[first] : null;
    if (candidates == null) {
      return -1;
    }
    int n = s.length();
    for (Rule r : candidates) {
      if (!s.startsWith(r.prefix(), start)) {
        continue;
      }
      int b = start + r.prefix().length();
      int end = b;
      int limit = r.max() > 0 ? Math.min(n, b + r.max() + 1) : n;
      boolean digit = false;
      while (end < limit && r.body().test(s.charAt(end))) {
        digit |= Character.isDigit(s.charAt(end));
        end++;
      }
      int len = end - b;
      if (len < r.min() || (r.digit() && !digit)) {
        continue;
      }
      if (r.max() > 0 && (len > r.max() || (end < n && Character.isLetterOrDigit(s.charAt(end))))) {
        continue;
      }
      return end;
    }
    return -1;
  }
}
