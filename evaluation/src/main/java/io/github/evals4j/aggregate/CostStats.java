package io.github.evals4j.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the calls of one role (application or judge) cost, in USD. A cost is <em>unknown</em>, not
 * 0, as soon as one call could not be priced (unknown model or token counts): {@link #totalUsd()}
 * is then empty and {@link #knownUsd()} is the part that could be priced.
 *
 * @param calls how many calls
 * @param pricedCalls how many of them had a known price
 * @param knownUsd the cost of the priced calls
 * @param totalUsd the whole cost; empty when a call was not priced or there was no call
 * @param perCaseUsd {@code totalUsd} divided by the number of cases; empty when unknown
 * @param unpricedModels models that had no price (at most 20 listed)
 */
public record CostStats(
    long calls, long pricedCalls, double knownUsd, OptionalDouble totalUsd, OptionalDouble perCaseUsd,
    List<String> unpricedModels) {

  static final int MAX_LISTED_MODELS = 20;

  public CostStats {
    totalUsd = totalUsd == null ? OptionalDouble.empty() : totalUsd;
    perCaseUsd = perCaseUsd == null ? OptionalDouble.empty() : perCaseUsd;
    unpricedModels = unpricedModels == null ? List.of() : List.copyOf(unpricedModels);
  }

  static CostStats of(long calls, long priced, double knownUsd, List<String> unpriced, int cases) {
    OptionalDouble total =
        calls > 0 && priced == calls ? OptionalDouble.of(knownUsd) : OptionalDouble.empty();
    OptionalDouble perCase =
        total.isPresent() && cases > 0 ? OptionalDouble.of(knownUsd / cases) : OptionalDouble.empty();
    return new CostStats(calls, priced, knownUsd, total, perCase, unpriced);
  }

  CostStats plus(CostStats o, int cases) {
    List<String> models = new ArrayList<>(unpricedModels);
    for (String m : o.unpricedModels) {
      if (!models.contains(m) && models.size() < MAX_LISTED_MODELS) {
        models.add(m);
      }
    }
    return of(calls + o.calls, pricedCalls + o.pricedCalls, knownUsd + o.knownUsd, models, cases);
  }
}
