package io.github.evals4j.sample.llm;

import java.time.Duration;

/** Waits between retries; tests substitute one that only records the waits. */
@FunctionalInterface
interface Sleeper {

  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
