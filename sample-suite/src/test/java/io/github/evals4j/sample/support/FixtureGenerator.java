package io.github.evals4j.sample.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.sample.llm.ChatMessage;
import io.github.evals4j.sample.llm.OpenAiChatClient;
import io.github.evals4j.sample.prompt.PromptTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the WireMock mappings {@code wiremock/mappings/<prompt-id>.json} from the dataset and the
 * fixture answers, so that the answers stay readable, one JSON line each, and the mappings are
 * never edited by hand.
 *
 * <p>Each stub matches the request the application sends for one case: {@code POST
 * /v1/chat/completions}, the {@code X-Prompt-Id} and {@code X-Prompt-Version} headers, the body's
 * {@code model} and the "Reference: case-id" line (and "Platform:" for social posts) of the user
 * message. Its response is an OpenAI chat completion whose {@code usage} counts the rendered prompt
 * and the answer with the o200k_base tokenizer (the one of gpt-4o-mini and gpt-4.1-mini), 3 tokens
 * per message plus 1 for the role and 3 for the reply, as OpenAI counts chat prompts.
 *
 * <p>{@code FixturesTest} fails when the committed mappings are out of date and rewrites them with
 * {@code -Devals4j.sample.fixtures.write=true} (see the README's sample section).
 */
public final class FixtureGenerator {

  /** The prompt ids, one dataset, one answers file and one mappings file each. */
  public static final List<String> PROMPTS = List.of(
      "feature-extraction", "browser-test", "log-analysis", "variant-suggestions", "social-post");

  static final String MAPPINGS = "wiremock/mappings/";
  private static final long CREATED = 1_763_900_000L;
  private static final Encoding O200K =
      Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  private static final ObjectWriter WRITER = Jsonl.JSON.writer(
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
  private static final Map<String, String> SNAPSHOTS = Map.of(
      "gpt-4o-mini", "gpt-4o-mini-2024-07-18",
      "gpt-4.1-mini", "gpt-4.1-mini-2025-04-14");

  private FixtureGenerator() {}

  /** Resource path to content of every mappings file. */
  static Map<String, String> generateAll() {
    Map<String, String> files = new LinkedHashMap<>();
    for (String prompt : PROMPTS) {
      files.put(MAPPINGS + prompt + ".json", generate(prompt, Evaluation.dataset(prompt), Answer.load(prompt)));
    }
    files.put(MAPPINGS + "no-fixture.json", noFixture());
    return files;
  }

  static String generate(String promptId, List<EvalCase> cases, List<Answer> answers) {
    Map<String, EvalCase> byId = new HashMap<>();
    cases.forEach(c -> byId.put(c.id(), c));
    Set<String> keys = new HashSet<>();
    ObjectNode root = Jsonl.JSON.createObjectNode();
    ArrayNode mappings = root.putArray("mappings");
    int index = 0;
    for (Answer answer : answers) {
      EvalCase c = byId.get(answer.caseId());
      if (c == null) {
        throw new IllegalArgumentException(answer.where() + ": no case " + answer.caseId()
            + " in datasets/" + promptId + ".jsonl");
      }
      List<ChatMessage> messages = render(promptId, answer, c);
      for (String model : answer.models()) {
        String key = answer.key(model);
        if (!keys.add(key)) {
          throw new IllegalArgumentException(answer.where() + ": a second answer for " + key);
        }
        stubs(mappings, answer, model, key, messages, index++);
      }
    }
    return write(root);
  }

  /** The messages the application sends for this case: the same template, the same values. */
  static List<ChatMessage> render(String promptId, Answer answer, EvalCase c) {
    Map<String, String> values = new HashMap<>(Evaluation.inputs(c));
    values.put("reference", c.id());
    if (!answer.platform().isEmpty()) {
      values.put("platform", answer.platform());
    }
    return PromptTemplate.load(promptId, answer.version()).render(values);
  }

  private static void stubs(ArrayNode mappings, Answer answer, String model, String key,
      List<ChatMessage> messages, int index) {
    ObjectNode completion = completion(answer, model, key, messages, index);
    switch (answer.behaviour()) {
      case "rate-limited-once" -> {
        ObjectNode limited = stub(mappings, answer, model, key + " (429 first)");
        limited.put("scenarioName", key).put("requiredScenarioState", "Started")
            .put("newScenarioState", "rate-limited");
        ObjectNode r = limited.putObject("response").put("status", 429);
        r.putObject("headers").put("Content-Type", "application/json").put("Retry-After", "1");
        r.putObject("jsonBody").putObject("error")
            .put("message", "Rate limit reached for " + model + " on requests per min (RPM): "
                + "Limit 500, Used 500, Requested 1. Please try again in 1s.")
            .put("type", "requests").putNull("param").put("code", "rate_limit_exceeded");
        ObjectNode then = stub(mappings, answer, model, key + " (after 429)");
        then.put("scenarioName", key).put("requiredScenarioState", "rate-limited");
        ok(then, completion, answer.delayMillis());
      }
      case "malformed-body" -> {
        ObjectNode s = stub(mappings, answer, model, key + " (malformed body)");
        String full = completion.toString();
        ObjectNode r = s.putObject("response").put("status", 200)
            .put("body", full.substring(0, full.length() * 3 / 5));
        r.putObject("headers").put("Content-Type", "application/json")
            .put(OpenAiChatClient.REPLAY_HEADER, "true");
      }
      default -> ok(stub(mappings, answer, model, key), completion, answer.delayMillis());
    }
  }

  private static ObjectNode stub(ArrayNode mappings, Answer answer, String model, String name) {
    ObjectNode s = mappings.addObject().put("name", name);
    ObjectNode req = s.putObject("request").put("method", "POST").put("urlPath", "/v1/chat/completions");
    ObjectNode headers = req.putObject("headers");
    headers.putObject("X-Prompt-Id").put("equalTo", answer.promptId());
    headers.putObject("X-Prompt-Version").put("equalTo", answer.version());
    ArrayNode body = req.putArray("bodyPatterns");
    body.addObject().putObject("matchesJsonPath").put("expression", "$.model").put("equalTo", model);
    body.addObject().putObject("matchesJsonPath").put("expression", "$.messages[1].content")
        .put("contains", "Reference: " + answer.caseId() + "\n");
    if (!answer.platform().isEmpty()) {
      body.addObject().putObject("matchesJsonPath").put("expression", "$.messages[1].content")
          .put("contains", "Platform: " + answer.platform() + "\n");
    }
    return s;
  }

  private static void ok(ObjectNode stub, ObjectNode completion, int delayMillis) {
    ObjectNode r = stub.putObject("response").put("status", 200);
    r.putObject("headers").put("Content-Type", "application/json")
        .put(OpenAiChatClient.REPLAY_HEADER, "true");
    r.set("jsonBody", completion);
    if (delayMillis > 0) {
      r.put("fixedDelayMilliseconds", delayMillis);
    }
  }

  private static ObjectNode completion(
      Answer answer, String model, String key, List<ChatMessage> messages, int index) {
    ObjectNode c = Jsonl.JSON.createObjectNode();
    c.put("id", "chatcmpl-" + digest(key, 29));
    c.put("object", "chat.completion");
    c.put("created", CREATED + index * 7L);
    c.put("model", SNAPSHOTS.getOrDefault(model, model));
    ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", answer.content())
        .putNull("refusal").putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", answer.finishReason());
    c.set("usage", answer.usage().<JsonNode>map(JsonNode::deepCopy)
        .orElseGet(() -> usage(messages, answer.content())));
    c.put("service_tier", "default");
    c.put("system_fingerprint", "fp_" + digest(model, 10).toLowerCase());
    return c;
  }

  static ObjectNode usage(List<ChatMessage> messages, String content) {
    long prompt = 3;
    for (ChatMessage m : messages) {
      prompt += 3 + O200K.countTokens(m.role()) + O200K.countTokens(m.content());
    }
    long completion = O200K.countTokens(content);
    ObjectNode u = Jsonl.JSON.createObjectNode();
    u.put("prompt_tokens", prompt).put("completion_tokens", completion)
        .put("total_tokens", prompt + completion);
    u.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
    u.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
    return u;
  }

  /** Unmatched requests get an OpenAI-style error that says how fixtures match. */
  private static String noFixture() {
    ObjectNode root = Jsonl.JSON.createObjectNode();
    ObjectNode s = root.putArray("mappings").addObject().put("name", "no fixture for this request")
        .put("priority", 10);
    s.putObject("request").put("method", "ANY").put("urlPattern", ".*");
    ObjectNode r = s.putObject("response").put("status", 404);
    r.putObject("headers").put("Content-Type", "application/json");
    r.putObject("jsonBody").putObject("error")
        .put("message", "No recorded answer for this request. Fixtures match POST /v1/chat/completions"
            + " on the model, the X-Prompt-Id and X-Prompt-Version headers and the 'Reference:' line"
            + " of the user message; add an answer and regenerate the mappings (README, sample section).")
        .put("type", "invalid_request_error").put("code", "no_fixture");
    return write(root);
  }

  private static String write(ObjectNode root) {
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String digest(String text, int length) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
      StringBuilder out = new StringBuilder();
      for (int i = 0; out.length() < length; i++) {
        out.append(alphabet.charAt((hash[i % hash.length] & 0xff) % alphabet.length()));
      }
      return out.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
