package io.github.evals4j.sample.social;

/** Where a post goes; each has its own length rules, stated in the prompt. */
public enum Platform {
  /** X (Twitter): 280 weighted characters, 1 to 3 hashtags. */
  X("X"),
  /** LinkedIn: a longer professional post. */
  LINKEDIN("LinkedIn");

  private final String displayName;

  Platform(String displayName) {
    this.displayName = displayName;
  }

  /** The platform's name as the prompt and readers spell it. */
  public String displayName() {
    return displayName;
  }
}
