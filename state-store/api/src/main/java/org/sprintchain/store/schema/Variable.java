package org.sprintchain.store.schema;

import java.util.Optional;
import org.sprintchain.store.WriteSet;

/**
 * A typed singleton of the state (after Teku's {@code KvStoreVariable}), stored under the one-byte
 * key of its id. It shares the id space with {@link Column}s: a variable's key is what a column of
 * the same id would give an empty key, so declare both in one {@link Schema}.
 */
public final class Variable<T> {
  private final byte id;
  private final String name;
  private final Serializer<T> serializer;

  private Variable(byte id, String name, Serializer<T> serializer) {
    this.id = id;
    this.name = name;
    this.serializer = serializer;
  }

  /**
   * @param id 0..255, stable forever
   * @param name for messages only; not stored
   */
  public static <T> Variable<T> create(int id, String name, Serializer<T> serializer) {
    return new Variable<>(Schema.checkId(id), name, serializer);
  }

  public int id() {
    return Byte.toUnsignedInt(id);
  }

  public String name() {
    return name;
  }

  /** The state key, for example to ask the store for its proof. */
  public byte[] storageKey() {
    return new byte[] {id};
  }

  public Optional<T> get(StateView view) {
    return view.get(storageKey()).map(serializer::fromBytes);
  }

  public void put(WriteSet writes, T value) {
    writes.put(storageKey(), serializer.toBytes(value));
  }

  public void delete(WriteSet writes) {
    writes.delete(storageKey());
  }

  @Override
  public String toString() {
    return "Variable{" + id() + " " + name + "}";
  }
}
