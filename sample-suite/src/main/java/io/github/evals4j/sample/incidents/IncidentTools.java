package io.github.evals4j.sample.incidents;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.Map;

/** The two tools of the {@link IncidentAgent}: the deployment log and the metrics store. */
public class IncidentTools {

  private final Map<String, String> deployments;
  private final Map<String, String> metrics;

  /**
   * Tools over fixed data (a real app would call its deploy API and its metrics store).
   *
   * @param deployments the last deployment per service
   * @param metrics a metric's value per {@code service/metric}
   */
  public IncidentTools(Map<String, String> deployments, Map<String, String> metrics) {
    this.deployments = Map.copyOf(deployments);
    this.metrics = Map.copyOf(metrics);
  }

  @Tool(name = "lookup_deployment", value = "The last deployment of a service: version and time")
  public String lookupDeployment(@P("the service name") String service) {
    return deployments.getOrDefault(service, "no deployment found for " + service);
  }

  @Tool(name = "query_metric", value = "The current value of a metric of a service")
  public String queryMetric(@P("the service name") String service,
      @P("the metric, e.g. error_rate or p95_latency") String metric) {
    return metrics.getOrDefault(service + "/" + metric, "no data for " + metric);
  }
}
