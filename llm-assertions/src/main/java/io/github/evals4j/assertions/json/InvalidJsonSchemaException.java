package io.github.evals4j.assertions.json;

/**
 * A JSON Schema that cannot be used: unreadable, not JSON, not valid against its dialect's
 * meta-schema, or with a reference that does not resolve. Thrown when the {@link JsonSchema} is
 * created, so a broken schema is a broken test, never a failed check of an LLM output. The message
 * names the schema and says where it is wrong.
 */
public class InvalidJsonSchemaException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String schemaName;

  public InvalidJsonSchemaException(String schemaName, String message, Throwable cause) {
    super("invalid JSON Schema " + schemaName + ": " + message, cause);
    this.schemaName = schemaName;
  }

  /** The schema's name: its path, classpath resource, or "inline schema {…}". */
  public String schemaName() {
    return schemaName;
  }
}
