package org.sprintchain.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: {@code --name value} or {@code --name=value} options, boolean {@code
 * --flag}s, and positional arguments. Only declared options are accepted; {@code --} ends options.
 * {@code --help} / {@code -h} is always recognised.
 */
public final class Args {
  private final Map<String, String> options;
  private final Set<String> flags;
  private final List<String> positionals;
  private final boolean help;

  private Args(
      Map<String, String> options, Set<String> flags, List<String> positionals, boolean help) {
    this.options = options;
    this.flags = flags;
    this.positionals = positionals;
    this.help = help;
  }

  /**
   * @param valueOptions option names (without dashes) that take a value
   * @param booleanFlags option names that take none
   * @throws UsageException for an unknown option, a missing value or a repeated option
   */
  public static Args parse(List<String> argv, Set<String> valueOptions, Set<String> booleanFlags) {
    Map<String, String> options = new LinkedHashMap<>();
    Set<String> flags = new java.util.TreeSet<>();
    List<String> positionals = new ArrayList<>();
    boolean help = false;
    boolean onlyPositionals = false;
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i);
      if (onlyPositionals || !arg.startsWith("-") || arg.equals("-")) {
        positionals.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        onlyPositionals = true;
        continue;
      }
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unknown option '" + arg + "'");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (booleanFlags.contains(name)) {
        if (value != null) {
          throw new UsageException("option --" + name + " takes no value");
        }
        flags.add(name);
      } else if (valueOptions.contains(name)) {
        if (value == null) {
          if (i + 1 >= argv.size()) {
            throw new UsageException("option --" + name + " needs a value");
          }
          value = argv.get(++i);
        }
        if (options.putIfAbsent(name, value) != null) {
          throw new UsageException("option --" + name + " given twice");
        }
      } else {
        throw new UsageException("unknown option '--" + name + "'");
      }
    }
    return new Args(options, flags, positionals, help);
  }

  public boolean help() {
    return help;
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  public String required(String name) {
    return option(name).orElseThrow(() -> new UsageException("missing required option --" + name));
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }

  public Optional<Long> longOption(String name) {
    return option(name).map(v -> parseLong(name, v));
  }

  public Optional<Integer> intOption(String name) {
    return longOption(name)
        .map(
            v -> {
              if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new UsageException("option --" + name + " is out of range: " + v);
              }
              return v.intValue();
            });
  }

  public List<String> positionals() {
    return List.copyOf(positionals);
  }

  /** Exactly {@code count} positional arguments, named for the error message. */
  public List<String> positionals(String... names) {
    if (positionals.size() != names.length) {
      throw new UsageException(
          positionals.size() > names.length
              ? "unexpected argument '" + positionals.get(names.length) + "'"
              : "expected "
                  + String.join(" ", names)
                  + ", got "
                  + positionals.size()
                  + " argument(s)");
    }
    return List.copyOf(positionals);
  }

  /** Refuses any positional argument. */
  public void noPositionals() {
    if (!positionals.isEmpty()) {
      throw new UsageException("unexpected argument '" + positionals.get(0) + "'");
    }
  }

  private static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException("option --" + name + " must be an integer, got '" + value + "'");
    }
  }
}
