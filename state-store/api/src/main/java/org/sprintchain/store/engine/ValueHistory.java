package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreCorruptedException;

/**
 * Reads of the value history column. Each write of a key at version v adds an entry; a delete adds
 * a tombstone, so a read at an older version still sees the value that was live then.
 *
 * <p>Stored value: {@code 0x01 || value} for a put, {@code 0x00} for a tombstone.
 */
final class ValueHistory {
  private static final byte TOMBSTONE = 0x00;
  private static final byte PRESENT = 0x01;

  private final KvStorage storage;

  ValueHistory(KvStorage storage) {
    this.storage = storage;
  }

  /** The newest entry of a key at or below a version; value is null for a tombstone. */
  record Entry(long version, byte[] value) {}

  Optional<Entry> find(byte[] key, long version) {
    byte[] keyPart = ValueKeys.keyPart(key);
    Entry[] found = new Entry[1];
    storage.scan(
        StoreColumn.VALUES,
        ValueKeys.withVersion(keyPart, version),
        (k, v) -> {
          if (ValueKeys.hasKeyPart(k, keyPart)) {
            found[0] = new Entry(ValueKeys.versionOf(k), decode(v));
          }
          return false;
        });
    return Optional.ofNullable(found[0]);
  }

  /** {@link #find} for many keys at once; keys must be in ascending unsigned order. */
  List<Optional<Entry>> findAll(List<byte[]> ascendingKeys, long version) {
    List<byte[]> keyParts = new ArrayList<>(ascendingKeys.size());
    List<byte[]> targets = new ArrayList<>(ascendingKeys.size());
    for (byte[] key : ascendingKeys) {
      byte[] keyPart = ValueKeys.keyPart(key);
      keyParts.add(keyPart);
      targets.add(ValueKeys.withVersion(keyPart, version));
    }
    List<byte[][]> found = storage.seekEach(StoreColumn.VALUES, targets);
    List<Optional<Entry>> out = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      byte[][] kv = found.get(i);
      boolean sameKey = kv != null && ValueKeys.hasKeyPart(kv[0], keyParts.get(i));
      out.add(
          sameKey
              ? Optional.of(new Entry(ValueKeys.versionOf(kv[0]), decode(kv[1])))
              : Optional.empty());
    }
    return out;
  }

  Optional<byte[]> get(byte[] key, long version) {
    return find(key, version).map(Entry::value);
  }

  /** Live entries under a prefix at a version, in key order. */
  void iterate(byte[] prefix, long version, StateStore.EntryVisitor visitor) {
    byte[] from = ValueKeys.escapedPrefix(prefix);
    scanLive(from, from, version, (key, entryVersion, value) -> visitor.visit(key, value));
  }

  /** Live entries with key >= {@code fromKey} at a version, in key order. */
  void iterateFrom(byte[] fromKey, long version, StateStore.EntryVisitor visitor) {
    scanLive(
        ValueKeys.keyPart(fromKey),
        new byte[0],
        version,
        (key, entryVersion, value) -> visitor.visit(key, value));
  }

  /**
   * Each key's newest entry at a version, in key order, with the version that wrote it; the value
   * is null for a delete tombstone.
   */
  void scanNewest(long version, LiveEntryVisitor visitor) {
    scan(new byte[0], new byte[0], version, true, visitor);
  }

  /** Receives a key's entry and the version of its value-history entry. */
  @FunctionalInterface
  interface LiveEntryVisitor {
    boolean visit(byte[] key, long entryVersion, byte[] value);
  }

  private void scanLive(byte[] from, byte[] prefix, long version, LiveEntryVisitor visitor) {
    scan(from, prefix, version, false, visitor);
  }

  private void scan(
      byte[] from, byte[] prefix, long version, boolean tombstones, LiveEntryVisitor visitor) {
    byte[][] doneKey = {null};
    storage.scan(
        StoreColumn.VALUES,
        from,
        (k, v) -> {
          if (!Arrays.equals(k, 0, Math.min(prefix.length, k.length), prefix, 0, prefix.length)) {
            return false;
          }
          // Entries of one key run newest first; the first one at or below version decides.
          if (doneKey[0] != null && ValueKeys.hasKeyPart(k, doneKey[0])) {
            return true;
          }
          long entryVersion = ValueKeys.versionOf(k);
          if (entryVersion > version) {
            return true;
          }
          doneKey[0] = ValueKeys.keyPartOf(k);
          byte[] value = decode(v);
          return value == null && !tombstones
              || visitor.visit(ValueKeys.userKeyOf(k), entryVersion, value);
        });
  }

  static byte[] encode(byte[] valueOrNull) {
    if (valueOrNull == null) {
      return new byte[] {TOMBSTONE};
    }
    byte[] out = new byte[valueOrNull.length + 1];
    out[0] = PRESENT;
    System.arraycopy(valueOrNull, 0, out, 1, valueOrNull.length);
    return out;
  }

  private static byte[] decode(byte[] stored) {
    if (stored.length == 1 && stored[0] == TOMBSTONE) {
      return null;
    }
    if (stored.length == 0 || stored[0] != PRESENT) {
      throw new StoreCorruptedException("malformed value entry");
    }
    return Arrays.copyOfRange(stored, 1, stored.length);
  }
}
