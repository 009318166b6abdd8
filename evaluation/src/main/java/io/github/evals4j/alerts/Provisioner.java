package io.github.evals4j.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes Sentry hold the plan: creates what is missing, updates what differs, leaves what is
 * equal alone (a second run sends no write), and never deletes. Existing monitors and the
 * dashboard are found by their stable {@link AlertRule#PREFIX} names. A dry run sends no write:
 * it prints each write it would send (method, path, body); with a token it still reads what
 * exists, without one it assumes nothing does.
 */
final class Provisioner {

  private static final ObjectMapper PRETTY = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** Counts of one run. */
  record Outcome(int created, int updated, int unchanged, int leftAlone) {}

  private final ProvisionSettings settings;
  private final Optional<SentryApi> api;
  private final PrintStream out;
  private int created;
  private int updated;
  private int unchanged;
  private int leftAlone;

  Provisioner(ProvisionSettings settings, Optional<SentryApi> api, PrintStream out) {
    this.settings = settings;
    this.api = api;
    this.out = out;
  }

  Outcome run(Plan plan) {
    String org = settings.org();
    String project = settings.project();
    List<JsonNode> existing = api.map(a -> list(a.list(DetectorJson.listPath(org, project),
        DetectorJson.LIST_SCOPES))).orElse(List.of());
    Set<String> wanted = new HashSet<>();
    for (AlertRule rule : plan.rules()) {
      wanted.add(rule.name());
      Optional<JsonNode> have = existing.stream()
          .filter(e -> DetectorJson.name(e).equals(rule.name())).findFirst();
      ObjectNode body = DetectorJson.body(rule, settings.connectAlerts());
      if (have.isEmpty()) {
        write("POST", DetectorJson.createPath(org, project), body, DetectorJson.CREATE_SCOPES,
            "monitor", rule.name(), "");
        created++;
        continue;
      }
      List<String> diff = DetectorJson.differences(have.get(), rule, settings.connectAlerts());
      if (diff.isEmpty()) {
        line("unchanged", "monitor", rule.name(), "");
        unchanged++;
      } else {
        write("PUT", DetectorJson.updatePath(org, DetectorJson.id(have.get())), body,
            DetectorJson.UPDATE_SCOPES, "monitor", rule.name(), ": " + String.join(", ", diff));
        updated++;
      }
    }
    for (JsonNode e : existing) {
      if (DetectorJson.managed(e) && !wanted.contains(DetectorJson.name(e))) {
        line("left alone", "monitor", DetectorJson.name(e),
            " (not in this plan; evals4j deletes nothing)");
        leftAlone++;
      }
    }
    dashboard(plan.dashboard());
    return new Outcome(created, updated, unchanged, leftAlone);
  }

  private void dashboard(Dashboard d) {
    String org = settings.org();
    if (api.isEmpty()) {
      write("POST", DashboardJson.createPath(org), DashboardJson.body(d, List.of()),
          DashboardJson.SCOPES, "dashboard", d.title(),
          " (project filter left empty: without a token the project id is not looked up)");
      created++;
      return;
    }
    SentryApi a = api.get();
    JsonNode project = a.get(DashboardJson.projectPath(org, settings.project()),
        DashboardJson.PROJECT_SCOPES);
    List<Long> projectIds;
    try {
      projectIds = List.of(Long.parseLong(project.path("id").asText()));
    } catch (NumberFormatException e) {
      throw new SentryApi.ApiException("GET " + DashboardJson.projectPath(org, settings.project())
          + " answered no numeric project id: '" + Problems.quote(project.path("id").asText())
          + "'");
    }
    Optional<JsonNode> found = list(a.list(DashboardJson.listPath(org), DashboardJson.SCOPES))
        .stream().filter(x -> x.path("title").asText().equals(d.title())).findFirst();
    if (found.isEmpty()) {
      write("POST", DashboardJson.createPath(org), DashboardJson.body(d, projectIds),
          DashboardJson.SCOPES, "dashboard", d.title(), " (" + d.widgets().size() + " widgets)");
      created++;
      return;
    }
    String path = DashboardJson.path(org, found.get().path("id").asText());
    JsonNode current = a.get(path, DashboardJson.SCOPES);
    if (DashboardJson.matches(current, DashboardJson.body(d, projectIds))) {
      line("unchanged", "dashboard", d.title(), "");
      unchanged++;
    } else {
      write("PUT", path, DashboardJson.update(d, projectIds, current), DashboardJson.SCOPES,
          "dashboard", d.title(), " (widgets not made by evals4j are kept)");
      updated++;
    }
  }

  private void write(String method, String path, ObjectNode body, String scopes, String kind,
      String name, String note) {
    boolean create = method.equals("POST");
    if (settings.dryRun()) {
      line(create ? "would create" : "would update", kind, name, note);
      out.println(method + " " + path);
      try {
        out.println(PRETTY.writeValueAsString(body));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    SentryApi a = api.orElseThrow();
    JsonNode answer = create ? a.post(path, body, scopes) : a.put(path, body, scopes);
    String id = answer.path("id").asText("");
    line(create ? "created" : "updated", kind, name,
        note + (id.isEmpty() ? "" : " (id " + Problems.quote(id) + ")"));
  }

  private void line(String what, String kind, String name, String note) {
    out.println(String.format("  %-12s %-9s \"%s\"%s", what, kind, Problems.quote(name), note));
  }

  private static List<JsonNode> list(com.fasterxml.jackson.databind.node.ArrayNode array) {
    List<JsonNode> l = new java.util.ArrayList<>();
    array.forEach(l::add);
    return l;
  }
}
