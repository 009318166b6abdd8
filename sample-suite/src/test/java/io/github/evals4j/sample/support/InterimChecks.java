package io.github.evals4j.sample.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.evals4j.assertions.Check;
import io.github.evals4j.assertions.CheckResult;
import io.github.evals4j.assertions.Direction;
import io.github.evals4j.assertions.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Selector;

/**
 * The sample suite's checks until evals4j's own JSON, length, specificity, grounding and content
 * checks are merged; each is a plain {@link Check}, so swapping one for the library's is a one-line
 * change in the task's test. Names are the ones the fixture answers' {@code expect.fails} use.
 */
public final class InterimChecks {

  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Set<String> CATEGORIES =
      Set.of("functional", "performance", "design", "integration", "pricing", "support");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:]\\d+)*");
  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:,\\d{3})+");
  private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*\\d+\\.\\s");
  private static final Pattern CONCRETE = Pattern.compile(
      "\\$\\d+(?:[.,]\\d+)*|\\d+(?:[.,]\\d+)*\\s*(?:%|pp\\b|px\\b|cm\\b|s\\b|ms\\b|K\\b)?"
          + "|\"[^\"\\n]{2,80}\"|\u201c[^\u201d\\n]{2,80}\u201d");
  private static final List<String> VAGUE = List.of("engaging", "compelling", "eye-catching",
      "user-friendly", "improve", "optimize", "better", "more appealing", "consider", "try ",
      "streamline", "resonate", "modern", "cleaner", "friendly", "attractive", "stronger", "trust",
      "simplify");
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Pattern HASHTAG = Pattern.compile("(?<![\\w&])#[\\p{L}\\p{N}_]+");
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\[(?:insert|your|add|link)[^\\]]*]|\\{\\{|\\bTODO\\b|lorem ipsum", Pattern.CASE_INSENSITIVE);
  private static final Pattern REFUSAL = Pattern.compile(
      "\\b(?:I'm sorry|I am sorry|I can't help|I cannot help|As an AI)", Pattern.CASE_INSENSITIVE);

  private InterimChecks() {}

  /** The whole output is one RFC 8259 JSON value: no fence, no prose, no trailing comma. */
  public static Check strictJson() {
    return Check.of("json.strict", out -> {
      if (out == null || out.isBlank()) {
        return CheckResult.of("json.strict", false, List.of(), "json.strict: the answer is empty");
      }
      try {
        STRICT.readTree(out);
        return CheckResult.of("json.strict", true, List.of(), "json.strict: valid JSON");
      } catch (JsonProcessingException e) {
        int at = offset(out, e.getLocation());
        Evidence ev = Evidence.of(out, at, Math.min(out.length(), at + 1), "json", e.getOriginalMessage());
        return CheckResult.of("json.strict", false, List.of(ev),
            "json.strict: not valid JSON at " + ev.describeIn(out));
      }
    });
  }

  /** The feature-extraction v2 schema: product, 3 to 8 features with name, category, evidence. */
  public static Check featureSchema() {
    return Check.of("features.schema", out -> {
      List<String> problems = new ArrayList<>();
      JsonNode root = lenientTree(out);
      if (root == null || !root.isObject()) {
        problems.add("the answer is not a JSON object");
      } else {
        if (!root.path("product").isTextual()) {
          problems.add("/product must be a string");
        }
        JsonNode features = root.path("features");
        if (!features.isArray() || features.size() < 3 || features.size() > 8) {
          problems.add("/features must be an array of 3 to 8 items");
        } else {
          for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            for (String field : List.of("name", "category", "evidence")) {
              if (!f.path(field).isTextual()) {
                problems.add("/features/" + i + "/" + field + " must be a string");
              }
            }
            if (f.path("category").isTextual() && !CATEGORIES.contains(f.path("category").asText())) {
              problems.add("/features/" + i + "/category is not one of " + CATEGORIES);
            }
          }
        }
      }
      return CheckResult.of("features.schema", problems.isEmpty(), List.of(),
          problems.isEmpty() ? "features.schema: conforms" : "features.schema: " + problems);
    });
  }

  /** Every {@code selector} of the JSON steps matches an element of {@code html} (real DOM). */
  public static Check selectorsExist(String html) {
    Document page = Jsoup.parse(html);
    return Check.of("selectors.exist", out -> {
      JsonNode steps = lenientTree(out);
      if (steps == null || !steps.isArray()) {
        return CheckResult.of("selectors.exist", false, List.of(),
            "selectors.exist: the answer is not a JSON array of steps");
      }
      List<Evidence> missing = new ArrayList<>();
      int checked = 0;
      for (JsonNode step : steps) {
        if (!step.path("selector").isTextual()) {
          continue;
        }
        String selector = step.path("selector").asText();
        checked++;
        String reason;
        try {
          reason = page.select(selector).isEmpty() ? "matches no element of the page" : null;
        } catch (Selector.SelectorParseException e) {
          reason = "is not a valid CSS selector";
        }
        if (reason != null) {
          int at = Math.max(0, out.indexOf(selector.replace("\"", "\\\"")));
          missing.add(Evidence.of(out, at, at + selector.length(), "selector", reason));
        }
      }
      String message = missing.isEmpty()
          ? "selectors.exist: all " + checked + " selectors match the page"
          : "selectors.exist: " + missing.size() + " of " + checked + " selectors match nothing: "
              + missing.stream().map(e -> e.describeIn(out)).toList();
      return new CheckResult("selectors.exist", missing.isEmpty(),
          checked == 0 ? 0 : (checked - missing.size()) / (double) checked, 1.0, Direction.AT_LEAST,
          missing, message);
    });
  }

  /**
   * Every number of the output (times, counts, amounts; a percentage as a percentage) occurs as
   * such in {@code source}. Derived numbers ("41 s" for "load_ms=41250") count as unsupported.
   */
  public static Check numbersGrounded(String source) {
    return Check.of("numbers.grounded", out -> {
      List<Evidence> invented = new ArrayList<>();
      int total = 0;
      Matcher m = NUMBER.matcher(out);
      while (m.find()) {
        total++;
        String token = THOUSANDS.matcher(m.group()).matches() ? m.group().replace(",", "") : m.group();
        // A percentage must be one in the source too: "rollout=30" does not support "30%".
        boolean percent = m.end() < out.length() && out.charAt(m.end()) == '%';
        String after = percent ? "%" : "(?!\\d)";
        if (!Pattern.compile("(?<!\\d)" + Pattern.quote(token) + after).matcher(source).find()) {
          invented.add(Evidence.of(out, m.start(), m.end(), "number", "not in the source"));
        }
      }
      double score = total == 0 ? 1 : (total - invented.size()) / (double) total;
      String message = invented.isEmpty()
          ? "numbers.grounded: all " + total + " numbers are in the source"
          : "numbers.grounded: " + invented.size() + " of " + total + " numbers are not in the source: "
              + invented.stream().map(e -> e.describeIn(out)).toList();
      return new CheckResult("numbers.grounded", invented.isEmpty(), score, 1.0, Direction.AT_LEAST,
          invented, message);
    });
  }

  /** Concrete signals (numbers, amounts, quoted copy) outweigh vague ones: score >= 0.6, >= 3 concrete. */
  public static Check specificity() {
    return Check.of("specificity", out -> {
      String text = LIST_MARKER.matcher(out).replaceAll(" ");
      int concrete = 0;
      for (Matcher m = CONCRETE.matcher(text); m.find(); ) {
        concrete++;
      }
      List<Evidence> vague = new ArrayList<>();
      String lower = out.toLowerCase(Locale.ROOT);
      for (String phrase : VAGUE) {
        for (int i = lower.indexOf(phrase); i >= 0; i = lower.indexOf(phrase, i + 1)) {
          vague.add(Evidence.of(out, i, i + phrase.length(), "vague", "generic wording"));
        }
      }
      double score = concrete + vague.size() == 0 ? 0 : concrete / (double) (concrete + vague.size());
      boolean passed = score >= 0.6 && concrete >= 3;
      return new CheckResult("specificity", passed, score, 0.6, Direction.AT_LEAST, vague,
          String.format(Locale.ROOT, "specificity: score %.2f (threshold 0.60), %d concrete, %d vague",
              score, concrete, vague.size()));
    });
  }

  /** X's weighted length (URLs 23, code points beyond the Latin-ish ranges 2) is at most 280. */
  public static Check xLength() {
    return Check.of("x.length", out -> {
      String text = URL.matcher(out).replaceAll("x".repeat(23));
      int weighted = text.codePoints().map(InterimChecks::xWeight).sum();
      return new CheckResult("x.length", weighted <= 280, weighted, 280, Direction.AT_MOST, List.of(),
          "x.length: " + weighted + " weighted characters (threshold 280)");
    });
  }

  private static int xWeight(int cp) {
    boolean light = cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223)
        || (cp >= 8242 && cp <= 8247);
    return light ? 1 : 2;
  }

  /** A LinkedIn post has 300 to 3,000 characters (code points). */
  public static Check linkedinLength() {
    return Check.of("linkedin.length", out -> {
      long n = out.codePoints().count();
      return new CheckResult("linkedin.length", n >= 300 && n <= 3000, n, 300, Direction.AT_LEAST,
          List.of(), "linkedin.length: " + n + " characters (range 300..3000)");
    });
  }

  /** Between 1 and 3 hashtags. */
  public static Check hashtags() {
    return Check.of("hashtags", out -> {
      List<Evidence> tags = new ArrayList<>();
      for (Matcher m = HASHTAG.matcher(out); m.find(); ) {
        tags.add(Evidence.of(out, m.start(), m.end(), "hashtag", "hashtag"));
      }
      boolean passed = tags.size() >= 1 && tags.size() <= 3;
      return new CheckResult("hashtags", passed, tags.size(), 3, Direction.AT_MOST,
          passed ? List.of() : tags, "hashtags: " + tags.size() + " (range 1..3)");
    });
  }

  /** No unfinished template text. */
  public static Check noPlaceholder() {
    return absent("no.placeholder", PLACEHOLDER, "placeholder");
  }

  /** No refusal. */
  public static Check noRefusal() {
    return absent("no.refusal", REFUSAL, "refusal");
  }

  private static Check absent(String name, Pattern pattern, String kind) {
    return Check.of(name, out -> {
      Matcher m = pattern.matcher(out);
      if (m.find()) {
        Evidence ev = Evidence.of(out, m.start(), m.end(), kind, kind + " found");
        return CheckResult.of(name, false, List.of(ev), name + ": " + ev.describeIn(out));
      }
      return CheckResult.of(name, true, List.of(), name + ": none");
    });
  }

  private static JsonNode lenientTree(String out) {
    try {
      return STRICT.readTree(out);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static int offset(String text, JsonLocation at) {
    if (at == null || at.getLineNr() < 1) {
      return 0;
    }
    int line = 1;
    int i = 0;
    while (line < at.getLineNr() && i < text.length()) {
      if (text.charAt(i++) == '\n') {
        line++;
      }
    }
    return Math.max(0, Math.min(text.length() - 1, i + Math.max(0, at.getColumnNr() - 1)));
  }
}
