package io.github.evals4j.alerts;

import java.util.List;

/**
 * The dashboard evals4j manages, as a model independent of Sentry's JSON: its widgets, their
 * queries (Sentry span search) and where they sit on the 6-column grid.
 *
 * @param title its stable title (starts with {@link AlertRule#PREFIX})
 * @param environment the Sentry environment every widget is filtered to
 * @param widgets in reading order
 */
record Dashboard(String title, String environment, List<Widget> widgets) {

  Dashboard {
    widgets = List.copyOf(widgets);
  }

  /**
   * One widget.
   *
   * @param title its title, unique in the dashboard (how an update finds it)
   * @param displayType {@code line} or {@code table}
   * @param query its one query
   * @param limit series or rows shown
   * @param x column (0..5)
   * @param y row
   * @param w width in columns
   * @param h height in rows
   */
  record Widget(String title, String displayType, Query query, int limit, int x, int y, int w,
      int h) {}

  /**
   * A widget's query in Sentry's span search.
   *
   * @param columns group-by attributes
   * @param aggregates aggregate functions
   * @param conditions the search filter
   * @param orderby the sort, e.g. {@code -count()}
   */
  record Query(List<String> columns, List<String> aggregates, String conditions, String orderby) {

    Query {
      columns = List.copyOf(columns);
      aggregates = List.copyOf(aggregates);
    }

    /** Columns then aggregates, as Sentry's {@code fields}. */
    List<String> fields() {
      List<String> f = new java.util.ArrayList<>(columns);
      f.addAll(aggregates);
      return f;
    }
  }
}
