package io.github.evals4j.junit.reporting;

import io.github.evals4j.report.DatasetFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tests of the running run whose cases could not be loaded, as {@link CasesNotLoaded} sees
 * them; the {@link ReportCollector} of the run opens it at the start and takes them at the end.
 * Capped: a run where every test's dataset is missing keeps the first {@value #MAX} and counts the
 * rest in the last one's message.
 */
final class DatasetFailures {

  static final int MAX = 100;

  /**
   * The run whose tests are reported (the innermost launcher session's). Static, unlike
   * {@link LiveRuns}: {@link CasesNotLoaded} is a TestExecutionListener and has no ExtensionContext
   * through which to reach the launcher session's store.
   */
  private static volatile DatasetFailures current;

  private final List<DatasetFailure> failures = new ArrayList<>();
  private long more;
  private DatasetFailures previous;

  DatasetFailures open() {
    synchronized (DatasetFailures.class) {
      previous = current;
      current = this;
    }
    return this;
  }

  /** Stops receiving failures and returns them. */
  List<DatasetFailure> close() {
    synchronized (DatasetFailures.class) {
      if (current == this) {
        current = previous;
      }
    }
    synchronized (this) {
      List<DatasetFailure> out = new ArrayList<>(failures);
      if (more > 0 && !out.isEmpty()) {
        DatasetFailure last = out.remove(out.size() - 1);
        out.add(new DatasetFailure(last.prompt(), last.test(),
            last.message() + " (and " + more + " more tests whose cases did not load)"));
      }
      return out;
    }
  }

  static Optional<DatasetFailures> current() {
    return Optional.ofNullable(current);
  }

  synchronized void add(DatasetFailure failure) {
    if (failures.size() < MAX) {
      failures.add(failure);
    } else {
      more++;
    }
  }
}
