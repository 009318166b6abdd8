package io.github.evals4j.sample.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.evals4j.sample.support.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes the judge's WireMock mappings ({@value #MAPPINGS}) from the answers and the calibration
 * set: what the recorded judge answered for each output. A task's fixture answer that its
 * deterministic checks pass scores 9 (v2) or 7 (v1), one point up or down by case; each designed
 * failure costs two points. A calibration output gets its {@code fixtureJudgeScore}. Three
 * mappings are faults on purpose: {@value #MALFORMED_CASE} of log-analysis v1 gets a verdict that
 * is not JSON (a judge error: the case is unknown), {@value #THROTTLED_CASE} of social-post v2 gets
 * a 429 with {@code Retry-After: 1} first (the judge retries), and every pairwise comparison gets a
 * judge that always prefers the first response (position bias: never a win).
 * {@link JudgeFixturesTest} checks the committed file is exactly this.
 */
final class JudgeFixtures {

  static final String MAPPINGS = "judge-wiremock/mappings/judge.json";
  static final String MALFORMED_CASE = "la-03";
  static final String THROTTLED_CASE = "sp-01";
  static final List<String> TASKS = List.of("social-post", "log-analysis", "feature-extraction",
      "variant-suggestions", "browser-test");

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private JudgeFixtures() {}

  /** One labelled output of the calibration set of a task. */
  record Labelled(String id, String output, boolean humanPass, double humanScore,
      double fixtureJudgeScore) {}

  /** The calibration set of {@code task}: {@code calibration/<task>.jsonl}. */
  static List<Labelled> calibration(String task) {
    List<Labelled> out = new ArrayList<>();
    String resource = "calibration/" + task + ".jsonl";
    try (InputStream in = JudgeFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        out.add(new Labelled(n.path("id").asText(), n.path("output").asText(),
            n.path("humanPass").asBoolean(), n.path("humanScore").asDouble(),
            n.path("fixtureJudgeScore").asDouble()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The designed score of a fixture answer (see the class comment). */
  static int score(Answer a) {
    int base = a.version().equals("v1") ? 7 : 9;
    int failures = a.expectedFailures().map(List::size).orElse(0);
    int jitter = Math.floorMod(a.caseId().hashCode(), 3) - 1;
    return Math.max(1, Math.min(10, base + jitter - 2 * failures));
  }

  /** The mappings file's text. */
  static String generate() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode mappings = root.putArray("mappings");
    for (String task : TASKS) {
      String criteria = QualityRubrics.CRITERIA.get(task).get(0);
      String marker = criteria.substring(0, criteria.indexOf('.') + 1); // "Task social-post."
      Set<String> seen = new LinkedHashSet<>();
      for (Answer a : Answer.load(task)) {
        if (a.expectedError().isPresent() || !seen.add(a.content().strip())) {
          continue;
        }
        String name = task + " " + a.version() + " " + a.caseId()
            + (a.platform().isEmpty() ? "" : " " + a.platform());
        String content = a.content().strip();
        int score = score(a);
        String reason = reason(score);
        if (task.equals("log-analysis") && a.version().equals("v1")
            && a.caseId().equals(MALFORMED_CASE) && !hasMalformed(mappings)) {
          mappings.add(mapping(name + " (malformed verdict)", marker, content,
              completion("I'd say about " + score + " out of 10; the summary is mostly fine."), 200,
              null, null, null));
        } else if (task.equals("social-post") && a.version().equals("v2")
            && a.caseId().equals(THROTTLED_CASE) && a.platform().equals("X")) {
          mappings.add(mapping(name + " (429 first)", marker, content,
              JSON.createObjectNode().set("error", JSON.createObjectNode()
                  .put("message", "Rate limit reached for requests").put("type", "requests")),
              429, "judge-throttled", "Started", "retried"));
          mappings.add(mapping(name + " (after the 429)", marker, content,
              completion(verdict(score, reason, quote(content))), 200, "judge-throttled", "retried",
              null));
        } else {
          mappings.add(mapping(name, marker, content,
              completion(verdict(score, reason, quote(content))), 200, null, null, null));
        }
      }
      for (Labelled l : calibration(task)) {
        mappings.add(mapping(task + " calibration " + l.id(), marker, l.output().strip(),
            completion(verdict(l.fixtureJudgeScore(), reason((int) l.fixtureJudgeScore()), "")),
            200, null, null, null));
      }
    }
    // A position-biased judge: "1" whatever the order, so both orders disagree (INCONSISTENT).
    ObjectNode pairwise = mappings.addObject();
    pairwise.put("name", "pairwise: always prefers the first response (position bias)");
    ObjectNode req = pairwise.putObject("request");
    req.put("method", "POST").put("urlPath", "/v1/chat/completions");
    req.putArray("bodyPatterns").addObject().putObject("matchesJsonPath")
        .put("expression", "$.messages[0].content")
        .put("contains", "Compare RESPONSE 1 and RESPONSE 2");
    response(pairwise, 200, completion(JSON.createObjectNode().put("better", "1")
        .put("reason", "Response 1 is clearer and more complete.").toString()));
    // Anything else: no fixture, said plainly (a judge error naming HTTP 404).
    ObjectNode fallback = mappings.addObject();
    fallback.put("name", "no judge fixture").put("priority", 10);
    fallback.putObject("request").put("method", "POST").put("urlPath", "/v1/chat/completions");
    response(fallback, 404, JSON.createObjectNode().set("error", JSON.createObjectNode()
        .put("message", "no judge fixture for this output: regenerate the judge fixtures")));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasMalformed(ArrayNode mappings) {
    for (JsonNode m : mappings) {
      if (m.path("name").asText().endsWith("(malformed verdict)")) {
        return true;
      }
    }
    return false;
  }

  private static String reason(int score) {
    return score >= 9 ? "Specific, complete and faithful to the input."
        : score >= 7 ? "Useful, with a minor gap." : score >= 4
        ? "Misses part of what the task asks for." : "Does not do the task.";
  }

  /** The first line of the output, up to 40 characters: the span the judge quotes. */
  private static String quote(String content) {
    String first = content.lines().findFirst().orElse("").strip();
    return first.length() > 40 ? first.substring(0, 40) : first;
  }

  private static String verdict(double score, String reason, String quote) {
    ObjectNode v = JSON.createObjectNode();
    if (score == Math.rint(score)) {
      v.put("score", (int) score);
    } else {
      v.put("score", score);
    }
    v.put("reason", reason);
    ArrayNode quotes = v.putArray("quotes");
    if (!quote.isEmpty()) {
      quotes.add(quote);
    }
    return v.toString();
  }

  private static ObjectNode completion(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-judge").put("object", "chat.completion")
        .put("model", SampleJudge.FIXTURE_MODEL);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    root.putObject("usage").put("prompt_tokens", 420).put("completion_tokens", 48)
        .put("total_tokens", 468);
    return root;
  }

  private static ObjectNode mapping(String name, String marker, String output, JsonNode body,
      int status, String scenario, String requiredState, String newState) {
    ObjectNode m = JSON.createObjectNode();
    m.put("name", name);
    if (scenario != null) {
      m.put("scenarioName", scenario).put("requiredScenarioState", requiredState);
      if (newState != null) {
        m.put("newScenarioState", newState);
      }
    }
    ObjectNode req = m.putObject("request");
    req.put("method", "POST").put("urlPath", "/v1/chat/completions");
    ArrayNode patterns = req.putArray("bodyPatterns");
    patterns.addObject().putObject("matchesJsonPath").put("expression", "$.messages[0].content")
        .put("contains", marker);
    patterns.addObject().putObject("matchesJsonPath").put("expression", "$.messages[1].content")
        .put("contains", "OUTPUT:\n<<<\n" + output);
    response(m, status, body);
    if (status == 429) {
      ((ObjectNode) m.get("response").get("headers")).put("Retry-After", "1");
    }
    return m;
  }

  private static void response(ObjectNode m, int status, JsonNode body) {
    ObjectNode res = m.putObject("response");
    res.put("status", status);
    res.putObject("headers").put("Content-Type", "application/json");
    res.set("jsonBody", body);
  }

  /** Per task, the labelled outputs' count (for the README's figures). */
  static TreeMap<String, Integer> calibrationSizes() {
    TreeMap<String, Integer> sizes = new TreeMap<>();
    TASKS.forEach(t -> sizes.put(t, calibration(t).size()));
    return sizes;
  }
}
