package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.sprintchain.store.merkle.MerkleHashing;
import org.sprintchain.store.merkle.Subtree;
import org.sprintchain.store.merkle.TreeUpdater;

/**
 * Builds the tree of a version from each key's newest entry in the value history: on open (the tree
 * lives only in memory) and for a proof at a retained version that is no longer in memory. Costs
 * one scan of the value history and two SHA-256 per live entry plus one per inner node, hashed on
 * all cores in fixed-size groups; the result does not depend on thread timing.
 */
final class TreeRebuild {
  private static final int GROUP = 8192;

  private TreeRebuild() {}

  /**
   * @param tombstoneKeyHashes receives the key hash of every key whose newest entry is a delete
   */
  static Subtree at(ValueHistory values, long version, Consumer<byte[]> tombstoneKeyHashes) {
    List<Subtree.Leaf> leaves = new ArrayList<>();
    List<byte[][]> group = new ArrayList<>(GROUP);
    long[] versions = new long[GROUP];
    values.scanNewest(
        version,
        (key, entryVersion, value) -> {
          if (value == null) {
            tombstoneKeyHashes.accept(MerkleHashing.keyHash(key));
            return true;
          }
          versions[group.size()] = entryVersion;
          group.add(new byte[][] {key, value});
          if (group.size() == GROUP) {
            hashInto(group, versions, leaves);
            group.clear();
          }
          return true;
        });
    hashInto(group, versions, leaves);
    return TreeUpdater.build(leaves);
  }

  private static void hashInto(List<byte[][]> group, long[] versions, List<Subtree.Leaf> out) {
    out.addAll(
        IntStream.range(0, group.size())
            .parallel()
            .mapToObj(
                i ->
                    new Subtree.Leaf(
                        MerkleHashing.keyHash(group.get(i)[0]),
                        MerkleHashing.valueHash(group.get(i)[1]),
                        versions[i]))
            .toList());
  }
}
