package org.sprintchain.store;

import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Staged writes for one version, ordered by unsigned key bytes so that applying them is
 * deterministic. A {@code null} value marks a delete.
 */
public final class WriteSet {
  private final TreeMap<ByteKey, byte[]> writes = new TreeMap<>();

  public void put(byte[] key, byte[] value) {
    if (value == null) {
      throw new IllegalArgumentException("value must not be null; use delete");
    }
    writes.put(ByteKey.of(key), value.clone());
  }

  public void delete(byte[] key) {
    writes.put(ByteKey.of(key), null);
  }

  /**
   * What this write set says about {@code key}: empty when it does not touch the key, an empty
   * inner optional when it deletes it.
   */
  public Optional<Optional<byte[]>> lookup(byte[] key) {
    ByteKey k = ByteKey.of(key);
    if (!writes.containsKey(k)) {
      return Optional.empty();
    }
    byte[] v = writes.get(k);
    return Optional.of(v == null ? Optional.empty() : Optional.of(v.clone()));
  }

  /** The writes in key order; a null value is a delete. */
  public SortedMap<ByteKey, byte[]> entries() {
    return Collections.unmodifiableSortedMap(writes);
  }

  public int size() {
    return writes.size();
  }

  public boolean isEmpty() {
    return writes.isEmpty();
  }

  @Override
  public String toString() {
    return "WriteSet" + Arrays.toString(writes.keySet().toArray());
  }
}
