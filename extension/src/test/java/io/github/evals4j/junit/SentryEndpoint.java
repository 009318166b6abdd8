package io.github.evals4j.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A real local Sentry endpoint: WireMock receiving the SDK's HTTP envelopes. Decodes what arrived
 * (gzip, envelope framing) so tests assert on transaction and event payloads.
 */
final class SentryEndpoint implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final WireMockServer server;

  SentryEndpoint() {
    server = new WireMockServer(options().dynamicPort()
        .containerThreads(8).jettyAcceptors(1).gzipDisabled(true));
    server.start();
    answer(aResponse().withStatus(200).withBody("{}"));
  }

  /** Replaces how the endpoint answers envelope POSTs. */
  SentryEndpoint answer(ResponseDefinitionBuilder response) {
    server.resetMappings();
    server.stubFor(post(urlPathMatching("/api/\\d+/envelope/?")).willReturn(response));
    return this;
  }

  String dsn() {
    return dsn(1);
  }

  String dsn(int project) {
    return "http://key@localhost:" + server.port() + "/" + project;
  }

  int port() {
    return server.port();
  }

  /** Every envelope received so far for {@code project}, decoded. */
  List<Envelope> envelopes(int project) {
    List<Envelope> result = new ArrayList<>();
    for (LoggedRequest r : server.findAll(
        postRequestedFor(urlPathMatching("/api/" + project + "/envelope/?")))) {
      result.add(Envelope.decode(r.getBody()));
    }
    return result;
  }

  List<Envelope> envelopes() {
    return envelopes(1);
  }

  /** Payloads of every item of {@code type} ({@code transaction}, {@code event}) for project 1. */
  List<JsonNode> items(String type) {
    return items(1, type);
  }

  List<JsonNode> items(int project, String type) {
    List<JsonNode> result = new ArrayList<>();
    for (Envelope e : envelopes(project)) {
      for (Item i : e.items()) {
        if (i.type().equals(type)) {
          result.add(i.payload());
        }
      }
    }
    return result;
  }

  List<JsonNode> transactions() {
    return items("transaction");
  }

  List<JsonNode> events() {
    return items("event");
  }

  /** The Content-Encoding of every envelope request (WireMock hands the bodies over inflated). */
  List<String> contentEncodings() {
    return server.findAll(postRequestedFor(urlPathMatching("/api/\\d+/envelope/?"))).stream()
        .map(r -> String.valueOf(r.getHeader("Content-Encoding"))).toList();
  }

  int requestCount() {
    return server.findAll(postRequestedFor(urlPathMatching("/api/\\d+/envelope/?"))).size();
  }

  @Override
  public void close() {
    server.stop();
  }

  record Item(String type, JsonNode header, JsonNode payload) {}

  record Envelope(JsonNode header, List<Item> items) {

    /** Sentry's envelope format: a header line, then per item a header line and its payload. */
    static Envelope decode(byte[] body) {
      byte[] bytes = gunzipIfNeeded(body);
      int[] pos = {0};
      try {
        JsonNode header = JSON.readTree(line(bytes, pos));
        List<Item> items = new ArrayList<>();
        while (pos[0] < bytes.length) {
          String itemHeaderLine = line(bytes, pos);
          if (itemHeaderLine.isBlank()) {
            continue;
          }
          JsonNode itemHeader = JSON.readTree(itemHeaderLine);
          byte[] payload;
          if (itemHeader.has("length")) {
            int length = itemHeader.get("length").asInt();
            payload = java.util.Arrays.copyOfRange(bytes, pos[0], pos[0] + length);
            pos[0] += length;
            if (pos[0] < bytes.length && bytes[pos[0]] == '\n') {
              pos[0]++;
            }
          } else {
            payload = line(bytes, pos).getBytes(StandardCharsets.UTF_8);
          }
          String type = itemHeader.path("type").asText();
          JsonNode node = type.equals("attachment") ? null : JSON.readTree(payload);
          items.add(new Item(type, itemHeader, node));
        }
        return new Envelope(header, items);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String line(byte[] bytes, int[] pos) {
      int start = pos[0];
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      pos[0] = Math.min(bytes.length, end + 1);
      return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    private static byte[] gunzipIfNeeded(byte[] body) {
      if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
        return body;
      }
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
