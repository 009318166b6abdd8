package io.github.evals4j.aggregate;

/** The pass@k and pass^k estimators for one case (see {@link RepeatStats}). */
final class PassAtK {

  private PassAtK() {}

  /** 1 − C(n−c, k)/C(n, k), computed as a product to stay exact for any n. */
  static double passAtK(int n, int c, int k) {
    if (n - c < k) {
      return 1.0;
    }
    double allFail = 1.0;
    for (int i = 0; i < k; i++) {
      allFail *= (double) (n - c - i) / (n - i);
    }
    return 1.0 - allFail;
  }

  /** C(c, k)/C(n, k). */
  static double passHatK(int n, int c, int k) {
    if (c < k) {
      return 0.0;
    }
    double allPass = 1.0;
    for (int i = 0; i < k; i++) {
      allPass *= (double) (c - i) / (n - i);
    }
    return allPass;
  }
}
