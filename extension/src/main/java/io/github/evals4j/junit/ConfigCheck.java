package io.github.evals4j.junit;

import io.github.evals4j.config.ConfigKeys;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The check at the start of a run that every {@code evals4j.*} key and {@code EVALS4J_*}
 * environment variable given is one that evals4j reads ({@link ConfigKeys}): an unknown one is a
 * warning line naming it and the closest known key, or, with {@code evals4j.config.strict=true},
 * a failure of every evals4j test of the run.
 *
 * <p>Keys are listed from the sources JUnit's extension API lets us enumerate: system properties,
 * {@code junit-platform.properties} on the class path, and the environment. (Parameters handed to
 * the Launcher API directly cannot be listed from an extension; they are still read.)
 */
final class ConfigCheck {

  /** Lines printed at most; the rest are counted. */
  static final int MAX_LINES = 20;

  private final Map<String, String> listed;
  private final List<String> problems;

  private ConfigCheck(Map<String, String> listed, List<String> problems) {
    this.listed = listed;
    this.problems = problems;
  }

  /** The keys of the current JVM's sources and {@code env}, checked. */
  static ConfigCheck of(Function<String, Optional<String>> params, Map<String, String> env) {
    return of(listedKeys(), params, env);
  }

  /**
   * @param listed every {@code evals4j.*} key that was given, with where it came from
   * @param params the run's configuration parameters (for the ignore list)
   */
  static ConfigCheck of(Map<String, String> listed, Function<String, Optional<String>> params,
      Map<String, String> env) {
    List<String> ignore = params.apply(ConfigKeys.CONFIG_IGNORE.name())
        .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
        .orElse(List.of());
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(listed).entrySet()) {
      String key = e.getKey();
      if (ConfigKeys.find(key).isEmpty() && !ignored(key, ignore)) {
        problems.add("unknown configuration key '" + printable(key) + "' (" + e.getValue()
            + "); closest known key: '" + ConfigKeys.closest(key) + "'");
      }
    }
    for (String name : new TreeMap<>(env).keySet()) {
      if (name.startsWith(ConfigKeys.ENV_PREFIX) && !ConfigKeys.isKnownEnv(name)
          && !ignored(name, ignore)) {
        problems.add("unknown environment variable '" + printable(name)
            + "'; closest known variable: '" + ConfigKeys.closestEnv(name) + "'");
      }
    }
    return new ConfigCheck(Map.copyOf(listed), List.copyOf(problems));
  }

  /** The keys listed, with their source. */
  Map<String, String> listed() {
    return listed;
  }

  List<String> problems() {
    return problems;
  }

  /**
   * Says each problem on one line, or, when {@code strict}, throws one exception that lists them.
   *
   * @throws ExtensionConfigurationException in strict mode when a key is unknown
   */
  void report(boolean strict, Console console) {
    if (problems.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>(problems.subList(0, Math.min(MAX_LINES, problems.size())));
    if (problems.size() > MAX_LINES) {
      lines.add((problems.size() - MAX_LINES) + " more unknown keys");
    }
    if (strict) {
      throw new ExtensionConfigurationException("evals4j: " + String.join("; ", lines) + " ("
          + ConfigKeys.CONFIG_STRICT.name() + "=true makes this a failure; every key is listed "
          + "in docs/configuration.md)");
    }
    for (String line : lines) {
      console.info("WARNING " + line + " (ignored; " + ConfigKeys.CONFIG_STRICT.name()
          + "=true fails the run instead)");
    }
  }

  private static boolean ignored(String key, List<String> ignore) {
    for (String i : ignore) {
      if (i.endsWith("*") ? key.startsWith(i.substring(0, i.length() - 1)) : key.equals(i)) {
        return true;
      }
    }
    return false;
  }

  /** Control characters shown as {@code ?}, cut at 200 characters: keys are printed. */
  private static String printable(String key) {
    StringBuilder b = new StringBuilder(Math.min(key.length(), 200));
    for (int i = 0; i < key.length() && i < 200; i++) {
      char c = key.charAt(i);
      b.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
    }
    return key.length() > 200 ? b.append('…').toString() : b.toString();
  }

  /** The {@code evals4j.*} keys of the system properties and {@code junit-platform.properties}. */
  static Map<String, String> listedKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ConfigCheck.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream("junit-platform.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        p.stringPropertyNames().forEach(k -> keys.put(k, "junit-platform.properties"));
      }
    } catch (IOException | IllegalArgumentException e) {
      // JUnit itself reports an unreadable junit-platform.properties
    }
    System.getProperties().stringPropertyNames().forEach(k -> keys.put(k, "system property"));
    keys.keySet().removeIf(k -> !k.startsWith(ConfigKeys.PREFIX));
    return keys;
  }

  static boolean strict(Function<String, Optional<String>> params) {
    return params.apply(ConfigKeys.CONFIG_STRICT.name()).map(s -> s.strip().toLowerCase(Locale.ROOT))
        .map(s -> switch (s) {
          case "true" -> true;
          case "false", "" -> false;
          default -> throw new ExtensionConfigurationException("evals4j: configuration parameter '"
              + ConfigKeys.CONFIG_STRICT.name() + "' has the value '" + s + "'; allowed: true or false");
        }).orElse(false);
  }
}
