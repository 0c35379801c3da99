package org.sprintchain.store.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The columns and variables of an application's state, with the ids it retired. Building it checks
 * that no two share an id and that no retired id is used again (after Besu's {@code
 * KeyValueSegmentIdentifier}: an id names bytes already hashed into past app hashes, so giving it a
 * new meaning would misread old state).
 *
 * <pre>{@code
 * static final Column<Address, Account> ACCOUNTS = Column.create(1, "accounts", ADDRESS, ACCOUNT);
 * static final Variable<Params> PARAMS = Variable.create(2, "params", PARAMS_CODEC);
 * static final Schema SCHEMA =
 *     Schema.builder().column(ACCOUNTS).variable(PARAMS).retired(4, "old fees, until v0.3").build();
 * }</pre>
 */
public final class Schema {
  private final Map<Integer, String> used;
  private final Map<Integer, String> retired;

  private Schema(Map<Integer, String> used, Map<Integer, String> retired) {
    this.used = used;
    this.retired = retired;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What uses each id, in id order: a column or variable name, or "retired: why". */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    TreeMap<Integer, String> all = new TreeMap<>(used);
    retired.forEach((id, why) -> all.put(id, "retired: " + why));
    all.forEach((id, what) -> out.add(id + " " + what));
    return out;
  }

  static byte checkId(int id) {
    if (id < 0 || id > 255) {
      throw new IllegalArgumentException("a column or variable id is one byte (0..255), got " + id);
    }
    return (byte) id;
  }

  /** Collects the declarations; {@link #build()} rejects any id clash. */
  public static final class Builder {
    private final TreeMap<Integer, String> used = new TreeMap<>();
    private final TreeMap<Integer, String> retired = new TreeMap<>();

    private Builder() {}

    public Builder column(Column<?, ?> column) {
      return use(column.id(), "column " + column.name());
    }

    public Builder variable(Variable<?> variable) {
      return use(variable.id(), "variable " + variable.name());
    }

    /** An id that is no longer used and must never be used again. */
    public Builder retired(int id, String why) {
      checkId(id);
      if (retired.put(id, why) != null) {
        throw new IllegalArgumentException("id " + id + " is retired twice");
      }
      return this;
    }

    public Schema build() {
      for (Map.Entry<Integer, String> e : used.entrySet()) {
        if (retired.containsKey(e.getKey())) {
          throw new IllegalArgumentException(
              e.getValue()
                  + " uses id "
                  + e.getKey()
                  + ", which is retired ("
                  + retired.get(e.getKey())
                  + ")");
        }
      }
      return new Schema(new TreeMap<>(used), new TreeMap<>(retired));
    }

    private Builder use(int id, String what) {
      String previous = used.putIfAbsent(id, what);
      if (previous != null) {
        throw new IllegalArgumentException(what + " reuses id " + id + " of " + previous);
      }
      return this;
    }
  }
}
