package io.github.evals4j.junit.sentry;

import io.github.evals4j.config.ConfigKeys;
import io.github.evals4j.junit.RunCollector;
import io.github.evals4j.junit.RunContext;
import io.github.evals4j.secrets.TextScrubber;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.SpanContext;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scrubs the text the extension sends to Sentry (check messages, failure messages, test
 * parameters, display names): secrets and e-mail addresses are replaced ({@link TextScrubber}) and
 * the text is cut ({@code evals4j.sentry.scrub=true}, the default); {@code evals4j.sentry.send-text=false}
 * sends no such text at all. Installed as the {@code beforeSend} callbacks of the extension's own
 * Sentry client when the run starts (never on the application's Sentry); {@code sendDefaultPii}
 * stays off (the SDK's default). Complements the extension's own scrubbing of the values it sets:
 * this also covers exception messages, descriptions, tags and the attached reports.
 */
public final class SentryPrivacy implements RunCollector {

  /** Configuration parameter: scrub text sent to Sentry (default true). */
  public static final String SCRUB = ConfigKeys.SENTRY_SCRUB.name();
  /** Configuration parameter: send LLM-derived text to Sentry at all (default true). */
  public static final String SEND_TEXT = ConfigKeys.SENTRY_SEND_TEXT.name();
  /** Configuration parameter: the longest text value sent (default 1000 chars). */
  public static final String MAX_TEXT = ConfigKeys.SENTRY_MAX_TEXT_LENGTH.name();
  /** What replaces text when {@code evals4j.sentry.send-text} is false. */
  public static final String WITHHELD = "[text withheld: evals4j.sentry.send-text=false]";

  /** Span and transaction data keys whose values may quote LLM output, prompts or test inputs. */
  static final Set<String> TEXT_KEYS = Set.of("evals4j.check.message", "test.parameters",
      "test.display_name", "error.message", "test.skip_reason", "gen_ai.tool.call.arguments",
      "gen_ai.tool.call.result", "gen_ai.tool.input", "gen_ai.tool.output",
      "gen_ai.input.messages", "gen_ai.output.messages");

  /** Created by the extension through {@link java.util.ServiceLoader}. */
  public SentryPrivacy() {}

  @Override
  public void runStarted(RunContext run) {
    Optional<SentryOptions> options = run.sentry().map(s -> s.getOptions());
    if (options.isEmpty()) {
      return;
    }
    Settings policy = Settings.of(run);
    // sendDefaultPii is off by default and the extension's client never turns it on.
    if (policy.isNoop()) {
      return;
    }
    options.get().setBeforeSend((event, hint) -> policy.event(event));
    options.get().setBeforeSendTransaction((tx, hint) -> policy.transaction(tx));
  }

  /**
   * What is done to text on its way to Sentry.
   *
   * @param scrub whether secrets and e-mails are replaced
   * @param sendText whether LLM-derived text is sent at all
   * @param max the longest text value sent
   */
  public record Settings(boolean scrub, boolean sendText, int max) {

    /** The settings of {@code run}'s configuration. */
    public static Settings of(RunContext run) {
      return new Settings(bool(run, SCRUB, true), bool(run, SEND_TEXT, true),
          run.configurationParameter(MAX_TEXT).map(String::strip).map(Settings::length).orElse(1000));
    }

    private static int length(String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 16) {
          return n;
        }
      } catch (NumberFormatException e) {
        // fall through
      }
      throw new IllegalArgumentException("configuration parameter '" + MAX_TEXT + "' has the value '"
          + value + "'; allowed: an integer >= 16");
    }

    private static boolean bool(RunContext run, String key, boolean dflt) {
      return run.configurationParameter(key).map(s -> s.strip().toLowerCase(Locale.ROOT))
          .map(s -> switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("configuration parameter '" + key
                + "' has the value '" + s + "'; allowed: true or false");
          }).orElse(dflt);
    }

    /** A whole document (a report) scrubbed, not cut. */
    public String scrubAll(String s) {
      return scrub ? TextScrubber.DEFAULT.scrub(s) : s;
    }

    boolean isNoop() {
      return !scrub && sendText;
    }

    /** Text as it may be sent: withheld, or scrubbed and cut. */
    public String text(String s) {
      if (s == null) {
        return null;
      }
      if (!sendText) {
        return WITHHELD;
      }
      return scrub ? TextScrubber.DEFAULT.scrub(s, max) : s;
    }

    SentryEvent event(SentryEvent event) {
      tags(event);
      boolean ours = "run".equals(event.getTag("evals4j.report"));
      Message m = event.getMessage();
      if (m != null && !ours) {
        m.setFormatted(text(m.getFormatted()));
        m.setMessage(text(m.getMessage()));
      }
      if (event.getExceptions() != null) {
        for (SentryException e : event.getExceptions()) {
          e.setValue(text(e.getValue()));
        }
      }
      return event;
    }

    SentryTransaction transaction(SentryTransaction tx) {
      tags(tx);
      java.util.List<SentrySpan> spans = tx.getSpans();
      for (int i = 0; i < spans.size(); i++) {
        SentrySpan span = spans.get(i);
        if (span.getData() != null && !span.getData().isEmpty()) {
          span.setData(data(span.getData()));
        }
        // Span names are code names (phases, checks, models): scrubbed, never withheld.
        String description = description(span.getDescription(), null);
        if (!java.util.Objects.equals(description, span.getDescription())) {
          // SentrySpan has no description setter: the same span with the cleaned description.
          spans.set(i, new SentrySpan(span.getStartTimestamp(), span.getTimestamp(),
              span.getTraceId(), span.getSpanId(), span.getParentSpanId(), span.getOp(),
              description, span.getStatus(), span.getOrigin(), span.getTags(),
              span.getMeasurements(), span.getData()));
        }
      }
      SpanContext trace = tx.getContexts().getTrace();
      if (trace != null) {
        // The test transaction's description is its display name: it may quote arguments.
        trace.setDescription(description(trace.getDescription(), tx.getTransaction()));
      }
      if (trace != null && trace.getData() != null) {
        Map<String, Object> cleaned = data(trace.getData());
        for (String key : Set.copyOf(trace.getData().keySet())) {
          if (!cleaned.containsKey(key)) {
            trace.getData().remove(key);
          } else {
            trace.setData(key, cleaned.get(key));
          }
        }
      }
      return tx;
    }

    /**
     * A span or transaction description (display names, user span names) scrubbed; with no text
     * allowed, the display name of a test gives way to its stable name.
     */
    private String description(String description, String fallback) {
      if (description == null) {
        return null;
      }
      if (!sendText && fallback != null) {
        return fallback;
      }
      return scrub ? TextScrubber.DEFAULT.scrub(description, Math.max(max, 200)) : description;
    }

    /** Tag values may carry test input too (a case id taken from a test's arguments). */
    private void tags(io.sentry.SentryBaseEvent event) {
      Map<String, String> tags = event.getTags();
      if (scrub && tags != null) {
        for (Map.Entry<String, String> t : Map.copyOf(tags).entrySet()) {
          String clean = TextScrubber.DEFAULT.scrub(t.getValue(), 200);
          if (!clean.equals(t.getValue())) {
            event.setTag(t.getKey(), clean);
          }
        }
      }
    }

    private Map<String, Object> data(Map<String, Object> data) {
      Map<String, Object> out = new LinkedHashMap<>();
      data.forEach((k, v) -> {
        if (v instanceof String s && TEXT_KEYS.contains(k)) {
          if (sendText) {
            out.put(k, text(s));
          }
        } else if (v instanceof String s && scrub) {
          out.put(k, TextScrubber.DEFAULT.scrub(s, Math.max(max, s.length())));
        } else {
          out.put(k, v);
        }
      });
      return out;
    }
  }
}
