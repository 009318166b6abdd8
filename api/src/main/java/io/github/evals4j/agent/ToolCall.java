package io.github.evals4j.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of a tool by an agent (or by the application on the model's request): which tool,
 * with which arguments, what it returned or how it failed, and when.
 *
 * <p>Hand one to {@link io.github.evals4j.recording.Recording#toolCall(ToolCall)}; the evals4j
 * extension turns it into a {@code gen_ai.execute_tool} span (arguments and result scrubbed and
 * truncated) and tests can assert on it. Framework integrations (LangChain4j, Spring AI) record
 * them without application code.
 *
 * <pre>{@code
 * Recording.toolCall(ToolCall.builder("lookup_deployment")
 *     .arguments("{\"service\":\"checkout\"}").result("{\"version\":\"1.4.2\"}")
 *     .latency(Duration.ofMillis(12)).build());
 * }</pre>
 *
 * @param name the tool's name as the model sees it, e.g. {@code lookup_deployment}
 * @param type the tool type in Sentry's terms: {@code function} (the default), {@code extension}
 *     or {@code datastore}
 * @param callId the model's id for this tool call (e.g. OpenAI's {@code call_...}), or null
 * @param description the tool's description as offered to the model, or null
 * @param arguments the arguments, as the JSON text the model sent; may be null
 * @param result the tool's result as text handed back to the model; null when it failed
 * @param error the error of a failed execution ({@code SimpleName: message}), null on success
 * @param startedAt when the execution started
 * @param latency how long the execution took
 */
public record ToolCall(
    String name,
    String type,
    String callId,
    String description,
    String arguments,
    String result,
    String error,
    Instant startedAt,
    Duration latency) {

  /** The default {@link #type()}: a function the application runs. */
  public static final String FUNCTION = "function";

  public ToolCall {
    name = name == null || name.isBlank() ? "unknown" : name;
    type = type == null || type.isBlank() ? FUNCTION : type;
    startedAt = Objects.requireNonNullElseGet(startedAt, Instant::now);
    latency = Objects.requireNonNullElse(latency, Duration.ZERO);
  }

  /** A builder for an execution of the tool {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Whether the execution failed. */
  public boolean failed() {
    return error != null;
  }

  /** Builds a {@link ToolCall}. */
  public static final class Builder {
    private final String name;
    private String type = FUNCTION;
    private String callId;
    private String description;
    private String arguments;
    private String result;
    private String error;
    private Instant startedAt;
    private Duration latency;

    private Builder(String name) {
      this.name = name;
    }

    public Builder type(String v) { this.type = v; return this; }
    public Builder callId(String v) { this.callId = v; return this; }
    public Builder description(String v) { this.description = v; return this; }
    public Builder arguments(String v) { this.arguments = v; return this; }
    public Builder result(String v) { this.result = v; return this; }
    public Builder error(String v) { this.error = v; return this; }
    public Builder startedAt(Instant v) { this.startedAt = v; return this; }
    public Builder latency(Duration v) { this.latency = v; return this; }

    public ToolCall build() {
      return new ToolCall(name, type, callId, description, arguments, result, error, startedAt,
          latency);
    }
  }
}
