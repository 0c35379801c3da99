package org.sprintchain.store.schema;

import java.util.Arrays;
import java.util.Optional;
import org.sprintchain.store.WriteSet;

/**
 * A typed key space of the state (after Teku's {@code KvStoreColumn}): every entry's key is the
 * column's one-byte id followed by the serialized key, and its value is the serialized value.
 *
 * <p>The id and both encodings are consensus data, hashed into the app hash: never change them and
 * never reuse the id of a retired column (declare columns and variables in one {@link Schema},
 * which rejects duplicate and retired ids). Reads go through a {@link StateView} (a committed
 * version or the working state), writes into the block's {@link WriteSet}.
 */
public final class Column<K, V> {
  private final byte id;
  private final String name;
  private final Serializer<K> keys;
  private final Serializer<V> values;

  private Column(byte id, String name, Serializer<K> keys, Serializer<V> values) {
    this.id = id;
    this.name = name;
    this.keys = keys;
    this.values = values;
  }

  /**
   * @param id 0..255, stable forever
   * @param name for messages only; not stored
   */
  public static <K, V> Column<K, V> create(
      int id, String name, Serializer<K> keys, Serializer<V> values) {
    return new Column<>(Schema.checkId(id), name, keys, values);
  }

  public int id() {
    return Byte.toUnsignedInt(id);
  }

  public String name() {
    return name;
  }

  /** The state key of an entry, for example to ask the store for its proof. */
  public byte[] storageKey(K key) {
    byte[] k = keys.toBytes(key);
    byte[] out = new byte[1 + k.length];
    out[0] = id;
    System.arraycopy(k, 0, out, 1, k.length);
    return out;
  }

  public Optional<V> get(StateView view, K key) {
    return view.get(storageKey(key)).map(values::fromBytes);
  }

  public void put(WriteSet writes, K key, V value) {
    writes.put(storageKey(key), values.toBytes(value));
  }

  public void delete(WriteSet writes, K key) {
    writes.delete(storageKey(key));
  }

  /** Every entry of the column, in unsigned order of the serialized keys. */
  public void iterate(StateView view, EntryVisitor<K, V> visitor) {
    iterate(view, new byte[0], visitor);
  }

  /**
   * The entries whose serialized key starts with {@code keyPrefix} (for example the first fields of
   * a composite key), in unsigned order of the serialized keys, until the visitor stops.
   */
  public void iterate(StateView view, byte[] keyPrefix, EntryVisitor<K, V> visitor) {
    byte[] prefix = new byte[1 + keyPrefix.length];
    prefix[0] = id;
    System.arraycopy(keyPrefix, 0, prefix, 1, keyPrefix.length);
    view.iterate(
        prefix,
        (k, v) ->
            visitor.visit(keys.fromBytes(Arrays.copyOfRange(k, 1, k.length)), values.fromBytes(v)));
  }

  @Override
  public String toString() {
    return "Column{" + id() + " " + name + "}";
  }

  /** Receives a column's entries in key order; returning false stops the iteration. */
  @FunctionalInterface
  public interface EntryVisitor<K, V> {
    boolean visit(K key, V value);
  }
}
