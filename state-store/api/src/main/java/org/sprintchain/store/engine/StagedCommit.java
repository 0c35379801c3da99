package org.sprintchain.store.engine;

import java.util.List;
import org.sprintchain.store.PreparedCommit;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.merkle.TreeUpdate;

/**
 * A prepared commit of {@link MerkleStateStore}: it carries the hashed tree nodes and the value
 * changes so that commit only writes. It is valid for the store and base version it was made on.
 */
final class StagedCommit implements PreparedCommit {
  /** A value write that changes something; previousVersion is -1 when the key had no entry. */
  record ValueChange(byte[] key, byte[] keyHash, byte[] valueOrNull, long previousVersion) {}

  private final MerkleStateStore owner;
  private final long baseVersion;
  private final WriteSet writes;
  private final TreeUpdate tree;
  private final List<ValueChange> values;

  StagedCommit(
      MerkleStateStore owner,
      long baseVersion,
      WriteSet writes,
      TreeUpdate tree,
      List<ValueChange> values) {
    this.owner = owner;
    this.baseVersion = baseVersion;
    this.writes = writes;
    this.tree = tree;
    this.values = List.copyOf(values);
  }

  @Override
  public long version() {
    return baseVersion + 1;
  }

  @Override
  public byte[] rootHash() {
    return tree.root().hash();
  }

  @Override
  public WriteSet writes() {
    return writes;
  }

  MerkleStateStore owner() {
    return owner;
  }

  long baseVersion() {
    return baseVersion;
  }

  TreeUpdate tree() {
    return tree;
  }

  List<ValueChange> values() {
    return values;
  }

  @Override
  public String toString() {
    return "PreparedCommit{version=" + version() + ", writes=" + writes.size() + "}";
  }
}
