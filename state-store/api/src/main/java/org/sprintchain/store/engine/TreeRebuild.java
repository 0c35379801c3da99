package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.sprintchain.store.merkle.MerkleHashing;
import org.sprintchain.store.merkle.Subtree;
import org.sprintchain.store.merkle.TreeUpdater;

/**
 * Builds the tree of a version from its live entries in the value history: on open (the tree lives
 * only in memory) and for a proof at a retained version that is no longer in memory. Costs one scan
 * of the value history and three SHA-256 per live entry (key, value, leaf) plus one per inner node,
 * hashed on all cores in fixed-size groups; the result does not depend on thread timing.
 */
final class TreeRebuild {
  private static final int GROUP = 8192;

  private final List<Subtree.Leaf> leaves = new ArrayList<>();
  private final List<byte[][]> group = new ArrayList<>(GROUP);
  private final long[] versions = new long[GROUP];

  private TreeRebuild() {}

  /**
   * The tree of {@code version}, with each leaf's value version; run on open, before anything else
   * uses the store.
   *
   * @param tombstoneKeyHashes receives the key hash of every key whose newest entry is a delete
   */
  static Subtree onOpen(ValueHistory values, long version, Consumer<byte[]> tombstoneKeyHashes) {
    TreeRebuild rebuild = new TreeRebuild();
    values.scanNewest(
        version,
        (key, entryVersion, value) -> {
          if (value == null) {
            tombstoneKeyHashes.accept(MerkleHashing.keyHash(key));
          } else {
            rebuild.add(key, entryVersion, value);
          }
          return true;
        });
    return rebuild.finish();
  }

  /**
   * The tree of a pinned version, read in pieces without the store's lock ({@link
   * SnapshotPinning#scanFrom}), so commits go on meanwhile. For proofs only: leaves carry no value
   * version.
   */
  static Subtree pinned(SnapshotPinning pinning, long version) {
    TreeRebuild rebuild = new TreeRebuild();
    pinning.scanFrom(
        new byte[0],
        version,
        (key, value) -> {
          rebuild.add(key, 0, value);
          return true;
        });
    return rebuild.finish();
  }

  private void add(byte[] key, long entryVersion, byte[] value) {
    versions[group.size()] = entryVersion;
    group.add(new byte[][] {key, value});
    if (group.size() == GROUP) {
      hashGroup();
    }
  }

  private Subtree finish() {
    hashGroup();
    return TreeUpdater.build(leaves);
  }

  private void hashGroup() {
    leaves.addAll(
        IntStream.range(0, group.size())
            .parallel()
            .mapToObj(
                i ->
                    new Subtree.Leaf(
                        MerkleHashing.keyHash(group.get(i)[0]),
                        MerkleHashing.valueHash(group.get(i)[1]),
                        versions[i]))
            .toList());
    group.clear();
  }
}
