package io.github.evals4j.bench;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.specificity.SpecificityCheck;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Specificity of a 2 KB list of A/B test ideas. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpecificityBenchmark {

  private final SpecificityCheck check = SpecificityCheck.atLeast(0.6)
      .withDomainTerms("LCP", "guest checkout");
  private final String output = ideas();

  static String ideas() {
    String ideas = "1. Offer guest checkout: forced account creation drives 27% of abandonment; "
        + "hypothesis: conversion rises from 40% to 44% within 14 days.\n"
        + "2. It might be worth trying various layouts to improve the user experience.\n"
        + "3. Cut the payment page LCP from 3.8 s to 2.5 s for the 62% of mobile visitors.\n";
    StringBuilder b = new StringBuilder();
    while (b.length() < 2048) {
      b.append(ideas);
    }
    return b.substring(0, 2048);
  }

  @Benchmark
  public CheckResult specificity() {
    return check.evaluate(output);
  }
}
