package org.sprintchain.chain.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/**
 * Strict reading of genesis JSON objects, shared by the sections that add their own ({@code
 * sprint}, {@code inference}): exactly the listed fields, each of the right type, and every error
 * naming the field by its path.
 */
public final class GenesisFields {
  private GenesisFields() {}

  /** Refuses a non-object, an unknown field or a missing one. */
  public static void requireFields(JsonNode node, String path, List<String> fields)
      throws GenesisException {
    if (node == null || !node.isObject()) {
      throw new GenesisException(path, "must be an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!fields.contains(name)) {
        throw new GenesisException(path + "." + name, "unknown field");
      }
    }
    for (String name : fields) {
      if (!node.has(name)) {
        throw new GenesisException(path + "." + name, "missing");
      }
    }
  }

  /** A non-negative JSON integer within int64. */
  public static long num(JsonNode node, String path, String field) throws GenesisException {
    JsonNode v = node.get(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw new GenesisException(path + "." + field, "must be a non-negative JSON integer");
    }
    return v.longValue();
  }

  /** A non-negative JSON integer within int32. */
  public static int intNum(JsonNode node, String path, String field) throws GenesisException {
    long v = num(node, path, field);
    if (v > Integer.MAX_VALUE) {
      throw new GenesisException(path + "." + field, "must fit in int32");
    }
    return (int) v;
  }

  /** A JSON string. */
  public static String text(JsonNode node, String path, String field) throws GenesisException {
    JsonNode v = node.get(field);
    if (!v.isTextual()) {
      throw new GenesisException(path + "." + field, "must be a string");
    }
    return v.textValue();
  }
}
