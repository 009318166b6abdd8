package io.github.evals4j.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Dashboard} as Sentry's Dashboards API reads and writes it: paths, the request body
 * (the schema's snake-case names; widgets on the {@code spans} dataset), and the comparison
 * with what Sentry returns (camel-case). Widgets someone added to our dashboard by hand are
 * kept on update: a dashboard update replaces the widget list, and evals4j deletes nothing it
 * did not create.
 */
final class DashboardJson {

  static final String WIDGET_TYPE = "spans";
  static final String INTERVAL = "1h";
  static final String SCOPES = "org:read (or org:write, org:admin)";
  static final String PROJECT_SCOPES = "project:read (or project:write, project:admin)";

  /** The widget fields of Sentry's request schema, kept when a hand-made widget is sent back. */
  private static final Set<String> WIDGET_KEYS = Set.of("id", "title", "description",
      "thresholds", "display_type", "interval", "queries", "widget_type", "limit", "layout",
      "axis_range", "legend_type");
  private static final Set<String> QUERY_KEYS = Set.of("id", "fields", "aggregates", "columns",
      "field_aliases", "name", "conditions", "orderby", "is_hidden", "selected_aggregate");
  private static final Set<String> LAYOUT_KEYS = Set.of("x", "y", "w", "h", "min_h");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DashboardJson() {}

  static String listPath(String org) {
    return "/api/0/organizations/" + org + "/dashboards/?per_page=100";
  }

  static String createPath(String org) {
    return "/api/0/organizations/" + org + "/dashboards/";
  }

  static String path(String org, String id) {
    return "/api/0/organizations/" + org + "/dashboards/"
        + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "/";
  }

  static String projectPath(String org, String project) {
    return "/api/0/projects/" + org + "/" + project + "/";
  }

  /** The body of a create; {@code projectId} empty: no project filter. */
  static ObjectNode body(Dashboard d, List<Long> projectIds) {
    ObjectNode body = JSON.createObjectNode();
    body.put("title", d.title());
    ArrayNode projects = body.putArray("projects");
    projectIds.forEach(projects::add);
    body.putArray("environment").add(d.environment());
    ArrayNode widgets = body.putArray("widgets");
    for (Dashboard.Widget w : d.widgets()) {
      ObjectNode n = widgets.addObject();
      n.put("title", w.title());
      n.put("display_type", w.displayType());
      n.put("widget_type", WIDGET_TYPE);
      n.put("interval", INTERVAL);
      n.put("limit", w.limit());
      ObjectNode q = n.putArray("queries").addObject();
      q.put("name", "");
      w.query().fields().forEach(q.putArray("fields")::add);
      w.query().aggregates().forEach(q.putArray("aggregates")::add);
      w.query().columns().forEach(q.putArray("columns")::add);
      q.put("conditions", w.query().conditions());
      q.put("orderby", w.query().orderby());
      n.putObject("layout").put("x", w.x()).put("y", w.y()).put("w", w.w()).put("h", w.h())
          .put("min_h", 2);
    }
    return body;
  }

  /**
   * The body of an update of {@code existing} (Sentry's answer to GET): our widgets, with the
   * ids of those that exist already, then every widget we do not manage, as it was.
   */
  static ObjectNode update(Dashboard d, List<Long> projectIds, JsonNode existing) {
    ObjectNode body = body(d, projectIds);
    Set<String> ours = new HashSet<>();
    d.widgets().forEach(w -> ours.add(w.title()));
    ArrayNode widgets = (ArrayNode) body.get("widgets");
    for (JsonNode w : widgets) {
      for (JsonNode old : existing.path("widgets")) {
        if (old.path("title").asText().equals(w.path("title").asText()) && old.has("id")) {
          ((ObjectNode) w).put("id", old.path("id").asText());
          break;
        }
      }
    }
    for (JsonNode old : existing.path("widgets")) {
      if (!ours.contains(old.path("title").asText())) {
        widgets.add(snake(old, WIDGET_KEYS));
      }
    }
    return body;
  }

  /** Whether Sentry's dashboard has every value of our body (snake case read as camel case). */
  static boolean matches(JsonNode existing, ObjectNode wanted) {
    if (!existing.path("title").asText().equals(wanted.path("title").asText())) {
      return false;
    }
    for (String key : List.of("projects", "environment")) {
      if (!contains(existing.path(key), wanted.path(key))) {
        return false;
      }
    }
    // Ours must be there, in our order; hand-made widgets may follow or sit in between.
    Iterator<JsonNode> have = existing.path("widgets").iterator();
    for (JsonNode want : wanted.path("widgets")) {
      boolean found = false;
      while (have.hasNext()) {
        JsonNode h = have.next();
        if (h.path("title").asText().equals(want.path("title").asText())) {
          found = contains(h, camel(want));
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** {@code have} holds every value of {@code want} (objects: per key; arrays: per index). */
  static boolean contains(JsonNode have, JsonNode want) {
    if (want.isObject()) {
      if (!have.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!contains(have.path(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (want.isArray()) {
      if (!have.isArray() || have.size() != want.size()) {
        return false;
      }
      for (int i = 0; i < want.size(); i++) {
        if (!contains(have.get(i), want.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (want.isNumber()) {
      return have.isNumber() ? have.asDouble() == want.asDouble()
          : have.isTextual() && have.asText().equals(want.asText());
    }
    return !have.isMissingNode() && !have.isNull() && have.asText().equals(want.asText());
  }

  /** Our snake-case body as Sentry answers it: camel-case keys ({@code display_type}). */
  private static JsonNode camel(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      node.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("id")) {
          out.set(toCamel(e.getKey()), camel(e.getValue()));
        }
      });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      node.forEach(n -> out.add(camel(n)));
      return out;
    }
    return node;
  }

  /** A hand-made widget as Sentry returned it, in the request's snake case, known keys only. */
  private static ObjectNode snake(JsonNode widget, Set<String> keys) {
    ObjectNode out = JSON.createObjectNode();
    widget.fields().forEachRemaining(e -> {
      String key = toSnake(e.getKey());
      if (!keys.contains(key) || e.getValue().isNull()) {
        return;
      }
      JsonNode v = e.getValue();
      if (key.equals("queries") && v.isArray()) {
        ArrayNode qs = out.putArray("queries");
        v.forEach(q -> qs.add(snake(q, QUERY_KEYS)));
      } else if (key.equals("layout") && v.isObject()) {
        out.set("layout", snake(v, LAYOUT_KEYS));
      } else {
        out.set(key, v);
      }
    });
    return out;
  }

  static String toCamel(String snake) {
    StringBuilder b = new StringBuilder(snake.length());
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  static String toSnake(String camel) {
    StringBuilder b = new StringBuilder(camel.length() + 4);
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append('_').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
