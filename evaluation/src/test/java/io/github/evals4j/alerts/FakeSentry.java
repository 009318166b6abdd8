package io.github.evals4j.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sentry's web API as far as {@code sentry-provision} uses it, served by WireMock on a local
 * port: monitors (detectors), dashboards and the project, kept in memory and answered in the
 * shapes of Sentry's documented examples. Every request is checked against Sentry's published
 * OpenAPI description ({@link SentryOpenApi}); what broke it is in {@link #violations()}. A
 * test can queue forced answers (a 403, a 429 with Retry-After) for the next requests.
 */
final class FakeSentry implements AutoCloseable {

  static final String PROJECT_ID = "4242";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Call(String method, String uri, JsonNode body, String authorization) {}

  record Forced(String method, String pathPrefix, int status, Map<String, String> headers,
      String body) {}

  private final WireMockServer server;
  private final List<Call> calls = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  final Map<String, ObjectNode> detectors = new LinkedHashMap<>();
  final Map<String, ObjectNode> dashboards = new LinkedHashMap<>();
  private final Deque<Forced> forced = new ArrayDeque<>();
  private final AtomicInteger ids = new AtomicInteger(100);

  FakeSentry() {
    server = new WireMockServer(options().dynamicPort().containerThreads(8).jettyAcceptors(1)
        .extensions(new Handler()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
  }

  String url() {
    return "http://localhost:" + server.port();
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Call> writes() {
    return calls.stream().filter(c -> !c.method().equals("GET")).toList();
  }

  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  synchronized void force(Forced f) {
    forced.add(f);
  }

  synchronized void clearCalls() {
    calls.clear();
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Handler implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      synchronized (FakeSentry.this) {
        return answer(event.getRequest());
      }
    }

    @Override
    public String getName() {
      return "fake-sentry";
    }
  }

  private ResponseDefinition answer(Request r) {
    String method = r.getMethod().getName();
    String uri = r.getUrl();
    JsonNode body = null;
    if (r.getBody() != null && r.getBody().length > 0) {
      try {
        body = JSON.readTree(r.getBody());
      } catch (IOException e) {
        violations.add(method + " " + uri + ": body is not JSON");
      }
    }
    calls.add(new Call(method, uri, body, r.getHeader("Authorization")));
    violations.addAll(SentryOpenApi.validate(method, uri, body));
    String path = URI.create(uri).getRawPath();
    Forced f = forced.peek();
    if (f != null && f.method().equals(method) && path.startsWith(f.pathPrefix())) {
      forced.poll();
      ResponseDefinitionBuilder b = aResponse().withStatus(f.status()).withBody(f.body());
      f.headers().forEach(b::withHeader);
      return b.build();
    }
    String[] p = path.split("/");
    // /api/0/organizations/{org}/detectors/... or /api/0/projects/{org}/{project}/
    if (path.matches("/api/0/projects/[^/]+/[^/]+/") && method.equals("GET")) {
      ObjectNode project = JSON.createObjectNode().put("id", PROJECT_ID).put("slug", p[5])
          .put("name", p[5]);
      return json(200, project);
    }
    if (path.matches("/api/0/organizations/[^/]+/detectors/") && method.equals("GET")) {
      ArrayNode list = JSON.createArrayNode();
      detectors.values().forEach(list::add);
      return json(200, list);
    }
    if (path.matches("/api/0/organizations/[^/]+/projects/[^/]+/detectors/")
        && method.equals("POST")) {
      String id = Integer.toString(ids.incrementAndGet());
      ObjectNode d = detector(id, body);
      detectors.put(id, d);
      return json(201, d);
    }
    if (path.matches("/api/0/organizations/[^/]+/detectors/[^/]+/") && method.equals("PUT")) {
      String id = p[6];
      if (!detectors.containsKey(id)) {
        return json(404, JSON.createObjectNode().put("detail", "The requested resource does not exist"));
      }
      ObjectNode d = detector(id, body);
      detectors.put(id, d);
      return json(200, d);
    }
    if (path.matches("/api/0/organizations/[^/]+/dashboards/") && method.equals("GET")) {
      ArrayNode list = JSON.createArrayNode();
      dashboards.values().forEach(d -> list.addObject().put("id", d.path("id").asText())
          .put("title", d.path("title").asText()).put("dateCreated", "2026-01-08T23:45:13Z"));
      return json(200, list);
    }
    if (path.matches("/api/0/organizations/[^/]+/dashboards/") && method.equals("POST")) {
      String id = Integer.toString(ids.incrementAndGet());
      ObjectNode d = dashboard(id, body);
      dashboards.put(id, d);
      return json(201, d);
    }
    if (path.matches("/api/0/organizations/[^/]+/dashboards/[^/]+/")) {
      String id = p[6];
      if (!dashboards.containsKey(id)) {
        return json(404, JSON.createObjectNode().put("detail", "The requested resource does not exist"));
      }
      if (method.equals("GET")) {
        return json(200, dashboards.get(id));
      }
      if (method.equals("PUT")) {
        ObjectNode d = dashboard(id, body);
        dashboards.put(id, d);
        return json(200, d);
      }
    }
    violations.add("the fake does not serve " + method + " " + uri);
    return json(404, JSON.createObjectNode().put("detail", "not served by the fake"));
  }

  /** A monitor as Sentry answers it (its documented example's shape) from a create body. */
  private ObjectNode detector(String id, JsonNode req) {
    ObjectNode d = JSON.createObjectNode();
    d.put("id", id).put("projectId", PROJECT_ID).put("name", req.path("name").asText())
        .put("description", req.path("description").asText()).put("type", req.path("type").asText());
    ArrayNode wf = d.putArray("workflowIds");
    req.path("workflow_ids").forEach(w -> wf.add(w.asText()));
    d.putNull("owner");
    d.put("createdBy", "1").put("dateCreated", "2026-01-08T23:45:13.235259Z")
        .put("dateUpdated", "2026-01-08T23:45:13.235243Z");
    JsonNode src = req.path("data_sources").get(0);
    ObjectNode snuba = JSON.createObjectNode().put("id", id + "1")
        .put("dataset", src.path("dataset").asText()).put("query", src.path("query").asText())
        .put("aggregate", src.path("aggregate").asText())
        .put("timeWindow", src.path("timeWindow").asInt())
        .put("environment", src.path("environment").asText());
    snuba.set("eventTypes", src.path("eventTypes").deepCopy());
    snuba.put("extrapolationMode", "unknown");
    ObjectNode ds = d.putArray("dataSources").addObject().put("id", id + "2")
        .put("organizationId", "1").put("type", "snuba_query_subscription")
        .put("sourceId", id + "3");
    ds.putObject("queryObj").put("id", id + "4").put("status", 1).putNull("subscription")
        .set("snubaQuery", snuba);
    ObjectNode cg = d.putObject("conditionGroup").put("id", id + "5").put("organizationId", "1")
        .put("logicType", req.path("condition_group").path("logic_type").asText());
    ArrayNode conditions = cg.putArray("conditions");
    int n = 0;
    for (JsonNode c : req.path("condition_group").path("conditions")) {
      ObjectNode copy = c.deepCopy();
      copy.put("id", id + "6" + n++);
      conditions.add(copy);
    }
    cg.putArray("actions");
    d.set("config", req.path("config").deepCopy());
    d.put("enabled", true).putNull("latestGroup");
    return d;
  }

  /** A dashboard as Sentry answers it: camel-case keys, ids on widgets and queries. */
  private ObjectNode dashboard(String id, JsonNode req) {
    ObjectNode d = (ObjectNode) camel(req);
    d.put("id", id);
    d.put("dateCreated", "2026-01-08T23:45:13Z");
    d.putObject("filters");
    d.put("period", "14d");
    int n = 0;
    for (JsonNode w : d.path("widgets")) {
      ObjectNode widget = (ObjectNode) w;
      if (!widget.has("id")) {
        widget.put("id", id + "0" + n++);
      }
      widget.put("dashboardId", id).put("datasetSource", "user").putNull("thresholds");
      widget.putNull("description");
      for (JsonNode q : widget.path("queries")) {
        ((ObjectNode) q).put("widgetId", widget.path("id").asText());
        if (!q.has("fieldAliases")) {
          ((ObjectNode) q).putArray("fieldAliases");
        }
        ((ObjectNode) q).put("isHidden", false);
      }
    }
    return d;
  }

  private static JsonNode camel(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      node.fields().forEachRemaining(e -> out.set(DashboardJson.toCamel(e.getKey()),
          camel(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      node.forEach(n -> out.add(camel(n)));
      return out;
    }
    return node.deepCopy();
  }

  private static ResponseDefinition json(int status, JsonNode body) {
    try {
      return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
          .withBody(JSON.writeValueAsBytes(body)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
