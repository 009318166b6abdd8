package io.github.evals4j.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.check.Check;
import io.github.evals4j.assertions.content.Keywords;
import io.github.evals4j.assertions.content.Refusals;
import io.github.evals4j.assertions.grounding.Sources;
import io.github.evals4j.assertions.json.JsonOptions;
import io.github.evals4j.assertions.json.JsonSchema;
import io.github.evals4j.assertions.length.TextUnit;
import io.github.evals4j.assertions.tokens.TokenCounter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every public check, on adversarial 100,000-character outputs, within a CPU-time budget per check
 * and input: the guard that keeps a new check (or a new version of a library behind one) from
 * hanging a test suite on what an LLM happens to write.
 *
 * <p>The checks are found by reflection: every public static factory of {@link Checks} (and the
 * checks of the factories they return, such as {@code Checks.json(options)}) and every public
 * method declared by {@link AbstractLlmOutputAssert}. Arguments come from the parameter's type and
 * name; a method with a parameter this test cannot fill fails the test, listed by signature, so a
 * new check is covered or noticed, never skipped.
 *
 * <p>Time is the CPU time of the thread running the check (not wall-clock time, which on a shared
 * build machine mostly measures the wait for a core). A check over its budget is stopped.
 */
class AdversarialInputs_Test {

  /** CPU time one check may spend on one 100,000-character input (see the README). */
  static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(2);

  static final int SIZE = 100_000;

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private static final String SCHEMA = "{\"type\":\"object\",\"required\":[\"a\"],"
      + "\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"^(a|b)*$\"}}}";

  private static ExecutorService worker;
  private static Thread workerThread;

  @BeforeAll
  static void startWorker() {
    worker = newWorker();
  }

  @AfterAll
  static void stopWorker() {
    worker.shutdownNow();
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "adversarial-check");
      t.setDaemon(true);
      workerThread = t;
      return t;
    });
  }

  /** The adversarial outputs, each about {@link #SIZE} UTF-16 units, by name. */
  static Map<String, String> inputs() {
    Map<String, String> in = new LinkedHashMap<>();
    in.put("a.a.", fill("a."));
    in.put("1.1.", fill("1."));
    in.put("sk-sk-", fill("sk-"));
    in.put("-eyJ", fill("-eyJ"));
    in.put("((((", fill("("));
    in.put("))))", fill(")"));
    in.put("[[[[ (deep JSON)", "[".repeat(SIZE / 2) + "]".repeat(SIZE / 2));
    in.put("{\"a\":{\"a\": (deep JSON)", "{\"a\":".repeat(SIZE / 6) + "1" + "}".repeat(SIZE / 6));
    in.put("[1,1, (unclosed)", "[" + fill("1,"));
    in.put("long number", fill("1"));
    in.put("long JSON string", "{\"a\":\"" + fill("ab") + "\"}");
    in.put("duplicate keys", "{" + fill("\"a\":1,") + "\"a\":1}");
    in.put("long word", fill("a"));
    in.put("words", fill("a "));
    in.put("CJK", fill("東京都の天気は晴れ。"));
    in.put("combining marks", "e" + fill("\u0301"));
    in.put("decomposed accents", fill("e\u0301"));
    in.put("RTL and bidi controls", fill("مرحبا \u202Eabc\u202C \u2067x\u2069 "));
    in.put("emoji ZWJ sequences", fill("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"));
    in.put("flags and keycaps", fill("\uD83C\uDDEB\uD83C\uDDF7#\uFE0F\u20E31\uFE0F\u20E3"));
    in.put("unpaired high surrogates", fill("\uD800"));
    in.put("unpaired low surrogates", fill("\uDC00a"));
    in.put("#a.#a.", fill("#a."));
    in.put("@a.@a.", fill("@a."));
    in.put("a@b.c", fill("a@b.c"));
    in.put("http://http://", fill("http://"));
    in.put("URLs", fill("https://a.co/x "));
    in.put("one long URL path", "https://example.com/" + fill("a.com/"));
    in.put("www.www.", fill("www."));
    in.put("[Insert [Insert", fill("[Insert "));
    in.put("{{{{", fill("{{"));
    in.put("${${", fill("${"));
    in.put("<<<<", fill("<"));
    in.put("````", fill("```"));
    in.put("newlines", fill("\n"));
    in.put("spaces", fill(" "));
    in.put("bullets", fill("- a\n"));
    in.put("dots", fill("."));
    in.put("e.g. e.g.", fill("e.g. "));
    in.put("A. A.", fill("A. "));
    in.put("quotes", fill("\""));
    in.put("backslashes", fill("\\"));
    in.put("numbers with separators", fill("1,000,000.5 "));
    in.put("dates and times", fill("2024-01-01T10:00:00Z "));
    in.put("money", fill("$1.5M "));
    in.put("I can't I can't", fill("I can't "));
    in.put("NUL characters", fill("\u0000"));
    in.put("prose", fill("The export to CSV ships on 2025-03-02 for 42 users of Acme Corp; see "
        + "https://example.com/docs (v2.1). "));
    return in;
  }

  private static String fill(String unit) {
    StringBuilder sb = new StringBuilder(SIZE + unit.length());
    while (sb.length() < SIZE) {
      sb.append(unit);
    }
    return sb.toString();
  }

  /** One check to run: a label and what to do with an output. */
  record Probe(String label, Function<String, Object> run) {}

  /** An argument made from the output inside the measured run (its cost counts). */
  record Deferred(String label, Function<String, Object> make) {
    @Override
    public String toString() {
      return label;
    }
  }

  private static Object[] resolve(Object[] args, String output) {
    Object[] resolved = args.clone();
    for (int i = 0; i < resolved.length; i++) {
      if (resolved[i] instanceof Deferred d) {
        resolved[i] = d.make().apply(output);
      }
    }
    return resolved;
  }

  /** The value for a parameter, from its type and name; null when this test has none. */
  private static List<Object> valuesFor(Parameter p) {
    Class<?> type = p.getType();
    String name = p.getName();
    if (type == TextUnit.class) {
      return List.of((Object[]) TextUnit.values());
    }
    if (type == int.class) {
      return List.of(name.equals("min") ? 1 : 3);
    }
    if (type == double.class) {
      return List.of(0.5);
    }
    if (type == String.class) {
      switch (name) {
        case "pointer":
          return List.of("/a");
        case "regex":
          return List.of("(a|b)*c");
        case "model":
          return List.of("gpt-4o-mini");
        case "schemaJson":
          return List.of(SCHEMA);
        case "expected":
          return List.of("ab");
        default:
          return null;
      }
    }
    if (type == Object.class && name.equals("expected")) {
      return List.of("ab");
    }
    if (type == String[].class && (name.equals("keywords") || name.equals("domainTerms"))) {
      return List.of((Object) new String[] {"a", "sk", "東京", "eyJ"});
    }
    if (type == java.util.Collection.class && name.equals("expected")) {
      return List.of(List.of("ab", "東京"));
    }
    if (type == io.github.evals4j.assertions.similarity.Embedder.class) {
      return List.of(new io.github.evals4j.assertions.similarity.LetterEmbedder());
    }
    if (type == Character.UnicodeScript[].class) {
      return List.of((Object) new Character.UnicodeScript[] {Character.UnicodeScript.LATIN});
    }
    if (type == JsonOptions.class) {
      return List.of(JsonOptions.strict().extractingFromText().allowingDuplicateKeys());
    }
    if (type == JsonSchema.class) {
      return List.of(JsonSchema.fromString(SCHEMA));
    }
    if (type == TokenCounter.class) {
      return List.of(TokenCounter.approximate("claude-sonnet-4"));
    }
    if (type == Sources.class) {
      // sources are untrusted text too: the same adversarial text on both sides, indexed inside
      // the measured run
      return List.of(new Deferred("sources",
          output -> Sources.of(output, "The export ships on 2025-03-02 for 42 users.")));
    }
    if (type == Refusals.class) {
      return List.of(Refusals.english().with("a.a", "(("));
    }
    if (type == Keywords.class) {
      return List.of(Keywords.of("a", "sk-", "東京").ignoringDiacritics());
    }
    if (type == Check.class) {
      return List.of(Checks.noRefusal());
    }
    return null;
  }

  /** Every argument list for {@code m} (one per combination of values), or null if one is unknown. */
  private static List<Object[]> argumentLists(Method m) {
    List<Object[]> lists = new ArrayList<>();
    lists.add(new Object[0]);
    for (Parameter p : m.getParameters()) {
      List<Object> values = valuesFor(p);
      if (values == null) {
        return null;
      }
      List<Object[]> next = new ArrayList<>();
      for (Object[] prefix : lists) {
        for (Object v : values) {
          Object[] args = Arrays.copyOf(prefix, prefix.length + 1);
          args[prefix.length] = v;
          next.add(args);
        }
      }
      lists = next;
    }
    return lists;
  }

  static String signature(Method m) {
    return m.getDeclaringClass().getSimpleName() + "." + m.getName() + Arrays.stream(
        m.getParameters()).map(p -> p.getType().getSimpleName() + " " + p.getName())
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String label(Method m, Object[] args) {
    return m.getDeclaringClass().getSimpleName() + "." + m.getName() + Arrays.stream(args)
        .map(a -> a instanceof Enum<?> e ? e.name()
            : a instanceof Object[] arr ? Arrays.toString(arr) : String.valueOf(a))
        .map(s -> s.length() > 30 ? s.substring(0, 30) + "…" : s)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** The public static factories of {@link Checks}, as probes; unfillable ones go to {@code unmapped}. */
  static List<Method> checkFactories() {
    return Arrays.stream(Checks.class.getMethods())
        .filter(m -> m.getDeclaringClass() == Checks.class && Modifier.isStatic(m.getModifiers()))
        // Checks.evaluate(check, output) is how every probe below is run
        .filter(m -> !m.getName().equals("evaluate"))
        .sorted(java.util.Comparator.comparing(AdversarialInputs_Test::signature))
        .toList();
  }

  /** The public methods {@link AbstractLlmOutputAssert} declares. */
  static List<Method> assertionMethods() {
    return Arrays.stream(AbstractLlmOutputAssert.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
        .sorted(java.util.Comparator.comparing(AdversarialInputs_Test::signature))
        .toList();
  }

  /** The probes; signatures this test cannot fill are added to {@code unmapped}. */
  static List<Probe> probes(List<String> unmapped) {
    List<Probe> probes = new ArrayList<>();
    for (Method m : checkFactories()) {
      List<Object[]> lists = argumentLists(m);
      if (lists == null) {
        unmapped.add(signature(m));
        continue;
      }
      for (Object[] args : lists) {
        if (Check.class.isAssignableFrom(m.getReturnType())) {
          probes.add(new Probe(label(m, args), output ->
              Checks.evaluate((Check) invoke(m, null, resolve(args, output)), output)));
        } else {
          Object made = invoke(m, null, resolve(args, "x"));
          // a factory of factories, e.g. Checks.json(options): each of its checks
          for (Method inner : made.getClass().getMethods()) {
            if (!Check.class.isAssignableFrom(inner.getReturnType())
                || Modifier.isStatic(inner.getModifiers())) {
              continue;
            }
            List<Object[]> innerLists = argumentLists(inner);
            if (innerLists == null) {
              unmapped.add(signature(inner));
              continue;
            }
            for (Object[] innerArgs : innerLists) {
              probes.add(new Probe(label(m, args) + "." + label(inner, innerArgs),
                  output -> Checks.evaluate((Check) invoke(inner,
                      invoke(m, null, resolve(args, output)), resolve(innerArgs, output)), output)));
            }
          }
        }
      }
    }
    for (Method m : assertionMethods()) {
      List<Object[]> lists = argumentLists(m);
      if (lists == null) {
        unmapped.add(signature(m));
        continue;
      }
      for (Object[] args : lists) {
        probes.add(new Probe("assertThat(output)." + label(m, args), output -> {
          try {
            return invoke(m, LlmAssertions.assertThat(output), resolve(args, output));
          } catch (AssertionError failed) {
            return failed; // a failing assertion is an answer: only the time matters here
          }
        }));
      }
    }
    return probes;
  }

  private static Object invoke(Method m, Object target, Object[] args) {
    try {
      return m.invoke(target, args);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Test
  void should_map_every_public_check_to_arguments() {
    List<String> unmapped = new ArrayList<>();
    List<Probe> probes = probes(unmapped);
    assertThat(unmapped).as("public checks this test cannot call: give their parameters a value"
        + " in valuesFor(..)").isEmpty();
    assertThat(probes).hasSizeGreaterThan(60);
  }

  @Test
  void should_run_every_public_check_on_every_adversarial_input_within_its_cpu_budget()
      throws Exception {
    List<String> over = new ArrayList<>();
    Map<String, Long> slowest = new LinkedHashMap<>();
    List<Probe> probes = probes(new ArrayList<>());
    for (Map.Entry<String, String> input : inputs().entrySet()) {
      for (Probe probe : probes) {
        long nanos = cpuNanos(probe, input.getValue());
        String what = probe.label() + " on " + input.getKey();
        slowest.merge(probe.label(), nanos, Math::max);
        if (nanos > BUDGET_NANOS) {
          over.add(what + ": over " + BUDGET_NANOS / 1_000_000 + " ms of CPU"
              + (nanos == Long.MAX_VALUE ? " (stopped)" : " (" + nanos / 1_000_000 + " ms)"));
        } else if (nanos < 0) {
          over.add(what + ": threw " + thrown);
        }
      }
    }
    System.out.println("slowest CPU time per check over " + inputs().size() + " inputs of "
        + SIZE + " UTF-16 units:");
    slowest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(25).forEach(e -> System.out.printf(Locale.ROOT, "%8.1f ms  %s%n",
            e.getValue() / 1e6, e.getKey()));
    assertThat(over).as("checks over budget or crashing on adversarial input").isEmpty();
  }

  private static Throwable thrown;

  /**
   * The CPU time {@code probe} spends on {@code input}; {@code Long.MAX_VALUE} when it was stopped
   * over budget, -1 when it threw something else than an assertion failure.
   */
  @SuppressWarnings({"deprecation", "removal"})
  private static long cpuNanos(Probe probe, String input) throws InterruptedException {
    Future<Long> run = worker.submit(() -> {
      long start = CPU.getCurrentThreadCpuTime();
      probe.run().apply(input);
      return CPU.getCurrentThreadCpuTime() - start;
    });
    long threadStart = CPU.getThreadCpuTime(workerThread.getId());
    while (true) {
      try {
        return run.get(200, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        thrown = e.getCause();
        return -1;
      } catch (TimeoutException notYet) {
        long used = CPU.getThreadCpuTime(workerThread.getId()) - threadStart;
        if (used > BUDGET_NANOS) {
          // over budget: stop the runaway thread so that it does not keep a core busy
          Thread runaway = workerThread;
          worker.shutdownNow();
          try {
            runaway.stop();
          } catch (UnsupportedOperationException | SecurityException cannot) {
            // a daemon thread: it ends with the test JVM at the latest
          }
          worker = newWorker();
          return Long.MAX_VALUE;
        }
      }
    }
  }
}
