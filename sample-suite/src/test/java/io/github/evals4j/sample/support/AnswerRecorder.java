package io.github.evals4j.sample.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.evals4j.sample.llm.ChatClient;
import io.github.evals4j.sample.llm.ChatMessage;
import io.github.evals4j.sample.llm.ChatRequest;
import io.github.evals4j.sample.llm.ChatResponse;
import io.github.evals4j.sample.llm.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Record mode: a {@link ChatClient} decorator that passes every request to the live client and
 * appends the answer, in the fixture answers format, to {@code <dir>/<prompt-id>.jsonl}, with the
 * provider's real {@code usage}. Append those lines to {@code src/test/resources/answers/} and
 * regenerate the mappings to replay them (README, sample section). Only the answer and its usage
 * are written: no request headers, so no API key.
 */
final class AnswerRecorder implements ChatClient, AutoCloseable {

  private static final Pattern REFERENCE = Pattern.compile("(?m)^Reference: (\\S+)$");
  private static final Pattern PLATFORM = Pattern.compile("(?m)^Platform: (\\S+)$");

  private final ChatClient live;
  private final Path dir;

  AnswerRecorder(ChatClient live, Path dir) {
    this.live = live;
    this.dir = dir;
  }

  @Override
  public ChatResponse complete(ChatRequest request) {
    ChatResponse response = live.complete(request);
    write(request, response);
    return response;
  }

  private synchronized void write(ChatRequest request, ChatResponse response) {
    String promptId = request.tags().getOrDefault("Prompt-Id", "unknown");
    String user = request.messages().stream().filter(m -> m.role().equals("user"))
        .map(ChatMessage::content).findFirst().orElse("");
    ObjectNode line = Jsonl.JSON.createObjectNode();
    line.put("case", find(REFERENCE, user));
    String platform = find(PLATFORM, user);
    if (!platform.isEmpty()) {
      line.put("platform", platform);
    }
    line.put("version", request.tags().getOrDefault("Prompt-Version", "unknown"));
    line.putArray("models").add(request.model());
    line.put("content", response.text());
    line.put("finish_reason", response.finishReason() == null ? "stop" : response.finishReason());
    TokenUsage u = response.usage();
    if (u.promptTokens() >= 0 && u.completionTokens() >= 0) {
      ObjectNode usage = line.putObject("usage").put("prompt_tokens", u.promptTokens())
          .put("completion_tokens", u.completionTokens())
          .put("total_tokens", u.promptTokens() + u.completionTokens());
      if (u.cachedTokens() >= 0) {
        usage.putObject("prompt_tokens_details").put("cached_tokens", u.cachedTokens());
      }
      if (u.reasoningTokens() >= 0) {
        usage.putObject("completion_tokens_details").put("reasoning_tokens", u.reasoningTokens());
      }
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(promptId + ".jsonl"),
          Jsonl.JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record an answer under " + dir, e);
    }
  }

  private static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : "";
  }

  @Override
  public void close() {
    System.out.println("[evals4j-sample] recorded answers are in " + dir);
  }
}
