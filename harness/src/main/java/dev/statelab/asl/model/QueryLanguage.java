package dev.statelab.asl.model;

/** The query language a state uses for its data processing. */
public enum QueryLanguage {
  /** JSONPath paths, payload templates and intrinsic functions (the default). */
  JSONPATH("JSONPath"),
  /** JSONata expressions in {@code {% ... %}}. */
  JSONATA("JSONata");

  private final String aslName;

  QueryLanguage(String aslName) {
    this.aslName = aslName;
  }

  /** The name as written in ASL. */
  public String aslName() {
    return aslName;
  }

  /** The language for an ASL name, or null when unknown. */
  public static QueryLanguage fromAsl(String name) {
    for (QueryLanguage q : values()) {
      if (q.aslName.equals(name)) {
        return q;
      }
    }
    return null;
  }
}
