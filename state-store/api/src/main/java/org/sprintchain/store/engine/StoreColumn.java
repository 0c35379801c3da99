package org.sprintchain.store.engine;

/**
 * The key spaces of the store. Each id is stable and never reused: it names the RocksDB column
 * family on disk. Add new columns with new ids; retire old ones by leaving their id unused.
 */
public enum StoreColumn {
  /** Singletons: on-disk format version, latest committed version. */
  META(0),
  // id 1 is retired: tree nodes (formats 1-3; the tree now lives in memory)
  /** Value history: escaped key || terminator || ~version. */
  VALUES(2),
  /** Root hash of every retained version, by version. */
  ROOTS(3),
  /** Stale index for pruning: staleSince version -> the value entries it superseded. */
  STALE(4),
  /**
   * Keys whose newest value entry may be a delete tombstone, by user key (no value): lets a commit
   * skip the value-history seek for a key new to the tree that was never deleted.
   */
  DELETED(5);

  private final byte id;

  StoreColumn(int id) {
    this.id = (byte) id;
  }

  public byte id() {
    return id;
  }
}
