package dev.statelab.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed command-line arguments: positional values, {@code --flag value} options and
 * {@code --switch} booleans. Unknown options are usage errors.
 */
record Arguments(List<String> positional, Map<String, String> options, Set<String> switches) {

  static Arguments parse(List<String> args, List<String> flags, List<String> switchNames) {
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    Set<String> switches = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--")) {
        String name = a;
        String value = null;
        int eq = a.indexOf('=');
        if (eq > 0) {
          name = a.substring(0, eq);
          value = a.substring(eq + 1);
        }
        if (switchNames.contains(name)) {
          switches.add(name);
        } else if (flags.contains(name)) {
          if (value == null) {
            if (i + 1 >= args.size()) {
              throw new UsageException(name + " needs a value");
            }
            value = args.get(++i);
          }
          options.put(name, value);
        } else {
          throw new UsageException("unknown option " + name);
        }
      } else {
        positional.add(a);
      }
    }
    return new Arguments(positional, options, switches);
  }

  /** The only positional argument, named for the message when absent or repeated. */
  String single(String what) {
    if (positional.size() != 1) {
      throw new UsageException("expected exactly one " + what + ", got " + positional.size());
    }
    return positional.get(0);
  }

  String option(String name, String defaultValue) {
    return options.getOrDefault(name, defaultValue);
  }

  boolean has(String switchName) {
    return switches.contains(switchName);
  }
}
