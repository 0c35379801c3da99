package org.sprintchain.store.schema;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.StateStore;

/** A committed state held in a sorted map, for tests of code that reads through a view. */
final class MapStateView implements StateView {
  final TreeMap<ByteKey, byte[]> entries = new TreeMap<>();

  MapStateView with(byte[] key, byte[] value) {
    entries.put(ByteKey.of(key), value.clone());
    return this;
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    return Optional.ofNullable(entries.get(ByteKey.of(key))).map(byte[]::clone);
  }

  @Override
  public void iterate(byte[] prefix, StateStore.EntryVisitor visitor) {
    for (Map.Entry<ByteKey, byte[]> e : entries.tailMap(ByteKey.of(prefix)).entrySet()) {
      if (!e.getKey().startsWith(prefix)
          || !visitor.visit(e.getKey().toByteArray(), e.getValue().clone())) {
        return;
      }
    }
  }
}
