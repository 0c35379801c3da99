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
  STALE(4);

  // id 5 is retired: keys that may have a delete tombstone (format 3; now in memory)

  private final byte id;

  StoreColumn(int id) {
    this.id = (byte) id;
  }

  public byte id() {
    return id;
  }
}
