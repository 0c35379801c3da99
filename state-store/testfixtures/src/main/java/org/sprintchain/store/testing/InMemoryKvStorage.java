package org.sprintchain.store.testing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.engine.KvBatch;
import org.sprintchain.store.engine.KvStorage;
import org.sprintchain.store.engine.StoreColumn;

/**
 * A {@link KvStorage} in sorted maps. It outlives the stores opened on it, so a test can "reopen" a
 * store the way a node restarts on the same data directory.
 */
public final class InMemoryKvStorage implements KvStorage {
  private final EnumMap<StoreColumn, TreeMap<ByteKey, byte[]>> columns =
      new EnumMap<>(StoreColumn.class);

  public InMemoryKvStorage() {
    for (StoreColumn c : StoreColumn.values()) {
      columns.put(c, new TreeMap<>());
    }
  }

  @Override
  public synchronized Optional<byte[]> get(StoreColumn column, byte[] key) {
    return Optional.ofNullable(columns.get(column).get(ByteKey.of(key))).map(byte[]::clone);
  }

  @Override
  public synchronized void scan(StoreColumn column, byte[] from, EntryVisitor visitor) {
    for (Map.Entry<ByteKey, byte[]> e : columns.get(column).tailMap(ByteKey.of(from)).entrySet()) {
      if (!visitor.visit(e.getKey().toByteArray(), e.getValue().clone())) {
        return;
      }
    }
  }

  @Override
  public synchronized void write(KvBatch batch) {
    for (KvBatch.Op op : batch.ops()) {
      TreeMap<ByteKey, byte[]> column = columns.get(op.column());
      if (op.isDelete()) {
        column.remove(ByteKey.of(op.key()));
      } else {
        column.put(ByteKey.of(op.key()), op.value().clone());
      }
    }
  }

  /** Number of entries in a column, for tests that check pruning really deletes. */
  public synchronized int size(StoreColumn column) {
    return columns.get(column).size();
  }

  @Override
  public String location() {
    return "memory";
  }

  /** Keeps the data: closing a store must not lose what a reopened store reads. */
  @Override
  public void close() {}
}
