package io.github.evals4j.replay;

import java.util.List;

/**
 * What a {@link ReplayStore} did so far: counts per outcome and the first problems.
 *
 * <pre>{@code
 * ReplayStats s = store.stats();
 * System.out.println(s);   // replay: 118 replayed, 2 recorded, 0 live, 1 missing, 1 stale
 * }</pre>
 *
 * @param replayed calls answered from a recording
 * @param recorded live calls whose response was written (record mode, or auto on a miss)
 * @param live live calls not written ({@code fresh} mode)
 * @param missing calls without a recording (errors in replay mode, recorded in auto mode)
 * @param stale calls whose call id was recorded for another request (errors in replay mode,
 *     re-recorded with a warning in auto mode)
 * @param problems the first {@value ReplayStore#MAX_PROBLEMS} missing and stale calls, in order
 */
public record ReplayStats(long replayed, long recorded, long live, long missing, long stale,
    List<ReplayProblem> problems) {

  public ReplayStats {
    problems = List.copyOf(problems);
  }

  /** Calls made, whatever their outcome. */
  public long calls() {
    return replayed + recorded + live;
  }

  @Override
  public String toString() {
    return "replay: " + replayed + " replayed, " + recorded + " recorded, " + live + " live, "
        + missing + " missing, " + stale + " stale";
  }
}
