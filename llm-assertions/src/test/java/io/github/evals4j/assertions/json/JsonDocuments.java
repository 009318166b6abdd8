package io.github.evals4j.assertions.json;

/** Realistic JSON documents of a given size for tests and benchmarks (deterministic). */
public final class JsonDocuments {

  private static final String[] NAMES = {
    "Export to CSV", "日本語のレポート", "تصدير البيانات", "Dark mode 🌙", "SSO via SAML 2.0",
    "Webhooks \\\"retry\\\" policy", "Offline sync", "Emoji 👩‍💻 support"
  };

  private JsonDocuments() {}

  /** A JSON object of about {@code chars} characters: a product summary with many features. */
  public static String productSummary(int chars) {
    StringBuilder sb = new StringBuilder(chars + 256);
    sb.append("{\n  \"title\": \"Acme Analytics 4.2\",\n  \"version\": 42,\n  \"features\": [\n");
    int i = 0;
    while (sb.length() < chars - 64 || i == 0) {
      if (i > 0) {
        sb.append(",\n");
      }
      sb.append("    {\"id\": ").append(i)
          .append(", \"name\": \"").append(NAMES[i % NAMES.length]).append("\"")
          .append(", \"score\": ").append(0.5 + (i % 50) / 100.0)
          .append(", \"enabled\": ").append(i % 3 != 0)
          .append(", \"tags\": [\"t").append(i % 7).append("\", \"release-").append(2020 + i % 6)
          .append("\"], \"owner\": null}");
      i++;
    }
    sb.append("\n  ]\n}\n");
    return sb.toString();
  }

  /** {@code depth} nested arrays, closed ({@code [[…]]}) or not. */
  public static String nestedArrays(int depth, boolean closed) {
    StringBuilder sb = new StringBuilder(depth * 2);
    sb.append("[".repeat(depth));
    if (closed) {
      sb.append("]".repeat(depth));
    }
    return sb.toString();
  }
}
