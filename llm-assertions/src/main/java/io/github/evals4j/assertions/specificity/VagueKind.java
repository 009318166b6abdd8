package io.github.evals4j.assertions.specificity;

/** The families of vague language the specificity check counts against an output. */
public enum VagueKind {
  /** The author declines to commit: "might", "could potentially", "it seems". */
  HEDGE("hedge", "hedges.txt"),
  /** Vague quantities and unnamed authorities: "many", "significant", "studies show". */
  WEASEL("weasel", "weasel.txt"),
  /** Words that add length, not information: "basically", "in order to". */
  FILLER("filler", "fillers.txt"),
  /** Boilerplate that fits any product: "improve the user experience", "seamless". */
  GENERIC("generic", "generic.txt"),
  /** Praise without a measurable basis: "amazing", "best", "unparalleled". */
  SUPERLATIVE("superlative", "superlatives.txt");

  private final String label;
  private final String resource;

  VagueKind(String label, String resource) {
    this.label = label;
    this.resource = resource;
  }

  /** The label used as evidence kind. */
  public String label() {
    return label;
  }

  String resource() {
    return resource;
  }
}
