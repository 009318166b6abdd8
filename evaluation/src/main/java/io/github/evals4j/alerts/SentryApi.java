package io.github.evals4j.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentry's web API over plain {@code java.net.http}: bearer-token requests, JSON in and out,
 * cursor pagination, and a bounded retry of HTTP 429 (and 503) after {@code Retry-After}.
 * A refusal becomes an {@link ApiException} whose message names the request and, for 401/403,
 * the token scopes the request needs.
 */
final class SentryApi {

  /** Retries of one request answered 429/503. */
  static final int MAX_RETRIES = 3;
  /** Longest wait for one retry, whatever {@code Retry-After} says. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);
  /** Pages of one list followed at most. */
  static final int MAX_PAGES = 100;
  /** Largest answer read, in bytes (an answer is untrusted input). */
  static final int MAX_BODY = 32 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile(
      "<([^>]{1,2000})>\\s*;\\s*rel=\"next\"\\s*;\\s*results=\"(true|false)\"");

  /** How a retry waits; tests pass one that only records. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final HttpClient http;
  private final URI base;
  private final String token;
  private final Sleeper sleeper;

  SentryApi(URI base, String token, Sleeper sleeper) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.base = base;
    this.token = token;
    this.sleeper = sleeper;
  }

  JsonNode get(String path, String scopes) {
    return send("GET", path, null, scopes).body();
  }

  /** Every element of a paginated list (Sentry's {@code Link} header cursors). */
  ArrayNode list(String path, String scopes) {
    ArrayNode all = JSON.createArrayNode();
    String next = path;
    for (int page = 0; next != null; page++) {
      if (page >= MAX_PAGES) {
        throw new ApiException("GET " + path + " has more than " + MAX_PAGES
            + " pages; stopped reading");
      }
      Answer a = send("GET", next, null, scopes);
      if (!a.body().isArray()) {
        throw new ApiException("GET " + next + " answered with a " + a.body().getNodeType()
            + " where Sentry documents a list");
      }
      all.addAll((ArrayNode) a.body());
      next = a.next().orElse(null);
    }
    return all;
  }

  JsonNode post(String path, JsonNode body, String scopes) {
    return send("POST", path, body, scopes).body();
  }

  JsonNode put(String path, JsonNode body, String scopes) {
    return send("PUT", path, body, scopes).body();
  }

  private record Answer(JsonNode body, Optional<String> next) {}

  private Answer send(String method, String path, JsonNode body, String scopes) {
    String what = method + " " + path;
    for (int attempt = 0; ; attempt++) {
      HttpResponse<InputStream> response;
      byte[] bytes;
      try {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("User-Agent", "evals4j-sentry-provision");
        if (body != null) {
          b.header("Content-Type", "application/json").method(method,
              HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } else {
          b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
          bytes = in.readNBytes(MAX_BODY + 1);
        }
      } catch (IOException e) {
        throw new ApiException(what + " failed: " + Problems.quote(String.valueOf(e)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiException(what + " was interrupted");
      }
      if (bytes.length > MAX_BODY) {
        throw new ApiException(what + " answered more than " + MAX_BODY + " bytes; not read");
      }
      int status = response.statusCode();
      if ((status == 429 || status == 503) && attempt < MAX_RETRIES) {
        Duration wait = retryAfter(response, attempt);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ApiException(what + " was interrupted while waiting to retry");
        }
        continue;
      }
      if (status >= 200 && status < 300) {
        JsonNode json;
        try {
          json = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
          throw new ApiException(what + " answered HTTP " + status + " with a body that is not"
              + " JSON: " + Problems.quote(new String(bytes, 0, Math.min(bytes.length, 300),
                  StandardCharsets.UTF_8)));
        }
        return new Answer(json, next(response));
      }
      throw new ApiException(refusal(what, status, bytes, scopes, attempt));
    }
  }

  private static String refusal(String what, int status, byte[] bytes, String scopes,
      int attempts) {
    String detail = detail(bytes);
    return switch (status) {
      case 401 -> "Sentry refused the token (HTTP 401) for " + what + ": SENTRY_AUTH_TOKEN is"
          + " missing, expired or revoked" + detail;
      case 403 -> "Sentry answered HTTP 403 to " + what + ": the token lacks the scope this"
          + " needs: " + scopes + " (sentry-provision needs a token with the scopes"
          + " alerts:write, org:read and project:read)" + detail;
      case 404 -> "Sentry answered HTTP 404 to " + what + ": check --org and --project (slugs)"
          + " and --url" + detail;
      case 429, 503 -> "Sentry answered HTTP " + status + " to " + what + " after " + attempts
          + " retries (rate limited); try again later" + detail;
      default -> "Sentry answered HTTP " + status + " to " + what + detail;
    };
  }

  /** Sentry's error body is {@code {"detail": "..."}} (or field errors): quoted, one line. */
  private static String detail(byte[] bytes) {
    if (bytes.length == 0) {
      return "";
    }
    String text;
    try {
      JsonNode n = JSON.readTree(bytes);
      text = n.has("detail") ? n.get("detail").asText() : n.toString();
    } catch (IOException e) {
      text = new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.UTF_8);
    }
    return ": \"" + Problems.quote(text) + "\"";
  }

  /** Seconds or an HTTP date; without it 1 s, 2 s, 4 s; never more than {@link #MAX_WAIT}. */
  static Duration retryAfter(HttpResponse<?> response, int attempt) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    Duration wait = Duration.ofSeconds(1L << attempt);
    if (header.isPresent()) {
      String h = header.get().strip();
      try {
        wait = Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
      } catch (NumberFormatException e) {
        try {
          java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(h,
              java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
          wait = Duration.between(java.time.Instant.now(), at.toInstant());
          wait = wait.isNegative() ? Duration.ZERO : wait;
        } catch (java.time.format.DateTimeParseException ignored) {
          // keep the back-off
        }
      }
    }
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  /** The next page's path from Sentry's {@code Link} header, when it says there are results. */
  private Optional<String> next(HttpResponse<?> response) {
    for (String link : response.headers().allValues("Link")) {
      if (link.length() > 10_000) {
        continue;
      }
      for (String part : link.split(",\\s*(?=<)")) {
        Matcher m = NEXT.matcher(part);
        if (m.find() && m.group(2).equals("true")) {
          URI uri = URI.create(m.group(1));
          return Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? ""
              : "?" + uri.getRawQuery()));
        }
      }
    }
    return Optional.empty();
  }

  /** Sentry refused a request or could not be reached; the message says which and why. */
  static final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ApiException(String message) {
      super(message);
    }
  }
}
