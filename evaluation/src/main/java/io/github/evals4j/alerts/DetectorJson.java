package io.github.evals4j.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one place that knows how an {@link AlertRule} is stored in Sentry: as a <b>metric
 * monitor</b> (a "detector", type {@code metric_issue}) of Sentry's Monitors API, on the span
 * dataset ({@code events_analytics_platform}, event type {@code trace_item_span}). Sentry
 * marked the older metric alert rule endpoints ({@code /alert-rules/}) deprecated in favour of
 * these and has since removed them from its published API description; switching endpoints
 * again means changing this class only.
 *
 * <p>Paths, the request body (the schema's snake-case names; inside the untyped data source and
 * condition items, the camel-case names Sentry's own examples use), how an existing monitor is
 * recognised ({@link AlertRule#PREFIX} names) and compared with the wanted one.
 */
final class DetectorJson {

  static final String DATASET = "events_analytics_platform";
  static final String EVENT_TYPE = "trace_item_span";
  /** Snuba query type of performance data (0 errors, 1 performance, 2 crash rate). */
  static final int QUERY_TYPE = 1;
  /** The priority of the issue a crossed threshold opens: high. */
  static final int HIGH = 75;
  static final int RESOLVED = 0;

  /** Token scopes each endpoint accepts (any one of them), as Sentry's API description says. */
  static final String LIST_SCOPES = "alerts:read or org:read (or org:write, org:admin)";
  static final String CREATE_SCOPES = "alerts:write (or project:write, project:admin)";
  static final String UPDATE_SCOPES = "alerts:write or org:read (or org:write, org:admin)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private DetectorJson() {}

  static String listPath(String org, String project) {
    return "/api/0/organizations/" + org + "/detectors/?project=" + enc(project);
  }

  static String createPath(String org, String project) {
    return "/api/0/organizations/" + org + "/projects/" + project + "/detectors/";
  }

  static String updatePath(String org, String id) {
    return "/api/0/organizations/" + org + "/detectors/" + enc(id) + "/";
  }

  /** Whether an existing monitor is one of ours (evals4j never touches the others). */
  static boolean managed(JsonNode existing) {
    return existing.path("name").asText("").startsWith(AlertRule.PREFIX);
  }

  static String name(JsonNode existing) {
    return existing.path("name").asText("");
  }

  static String id(JsonNode existing) {
    return existing.path("id").asText("");
  }

  /** The create or update body. {@code connect}: alert (workflow) ids, sent only when given. */
  static ObjectNode body(AlertRule rule, List<Long> connect) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", rule.name());
    body.put("type", "metric_issue");
    body.put("description", rule.description());
    if (!connect.isEmpty()) {
      ArrayNode ids = body.putArray("workflow_ids");
      connect.forEach(ids::add);
    }
    ObjectNode source = body.putArray("data_sources").addObject();
    source.put("aggregate", rule.metric().aggregate());
    source.put("dataset", DATASET);
    source.put("environment", rule.environment());
    source.putArray("eventTypes").add(EVENT_TYPE);
    source.put("query", rule.query());
    source.put("queryType", QUERY_TYPE);
    source.put("timeWindow", rule.timeWindowSeconds());
    body.putObject("config").put("detectionType", "static");
    ObjectNode group = body.putObject("condition_group");
    group.put("logic_type", "any");
    ArrayNode conditions = group.putArray("conditions");
    boolean above = rule.metric().direction() == AlertMetric.Direction.ABOVE;
    conditions.addObject().put("type", above ? "gt" : "lt")
        .put("comparison", rule.threshold()).put("conditionResult", HIGH);
    conditions.addObject().put("type", above ? "lte" : "gte")
        .put("comparison", rule.threshold()).put("conditionResult", RESOLVED);
    return body;
  }

  /**
   * What differs between the monitor Sentry returned and the wanted one (empty: unchanged).
   * Compares what Sentry documents it returns: name, description, type, detection type, the
   * query (dataset, aggregate, query, window, environment, event types) and the conditions;
   * connected alerts only when {@code connect} names some (then they must all be connected).
   */
  static List<String> differences(JsonNode existing, AlertRule rule, List<Long> connect) {
    ObjectNode want = body(rule, connect);
    List<String> diff = new ArrayList<>();
    same(diff, "name", existing.path("name"), want.path("name"));
    same(diff, "description", existing.path("description"), want.path("description"));
    same(diff, "type", existing.path("type"), want.path("type"));
    same(diff, "detection type", existing.path("config").path("detectionType"),
        want.path("config").path("detectionType"));
    JsonNode sources = existing.path("dataSources");
    JsonNode query = sources.size() == 1
        ? sources.get(0).path("queryObj").path("snubaQuery") : JSON.createObjectNode();
    JsonNode wantSource = want.path("data_sources").get(0);
    for (String f : List.of("dataset", "aggregate", "query", "timeWindow", "environment")) {
      same(diff, f, query.path(f), wantSource.path(f));
    }
    if (!set(query.path("eventTypes")).equals(set(wantSource.path("eventTypes")))) {
      diff.add("event types");
    }
    if (!conditions(existing.path("conditionGroup").path("conditions"))
        .equals(conditions(want.path("condition_group").path("conditions")))) {
      diff.add("threshold " + describe(existing.path("conditionGroup").path("conditions"))
          + " -> " + describe(want.path("condition_group").path("conditions")));
    }
    if (!connect.isEmpty() && !set(existing.path("workflowIds")).containsAll(
        set(want.path("workflow_ids")))) {
      diff.add("connected alerts");
    }
    return diff;
  }

  private static void same(List<String> diff, String what, JsonNode have, JsonNode want) {
    if (!equal(have, want)) {
      diff.add(what);
    }
  }

  private static boolean equal(JsonNode have, JsonNode want) {
    boolean haveNone = have.isMissingNode() || have.isNull();
    boolean wantNone = want.isMissingNode() || want.isNull();
    if (haveNone || wantNone) {
      return haveNone == wantNone;
    }
    if (want.isNumber()) {
      try {
        return Double.compare(Double.parseDouble(have.asText()), want.asDouble()) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return have.asText().equals(want.asText());
  }

  private static Set<String> set(JsonNode array) {
    Set<String> s = new LinkedHashSet<>();
    array.forEach(n -> s.add(n.asText()));
    return s;
  }

  private static Set<String> conditions(JsonNode array) {
    Set<String> s = new java.util.TreeSet<>();
    for (JsonNode c : array) {
      s.add(c.path("type").asText() + " " + c.path("comparison").asDouble() + " "
          + c.path("conditionResult").asInt());
    }
    return s;
  }

  private static String describe(JsonNode conditions) {
    for (JsonNode c : conditions) {
      if (c.path("conditionResult").asInt() == HIGH) {
        return c.path("type").asText() + " " + c.path("comparison").asText();
      }
    }
    return "none";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
