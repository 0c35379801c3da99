package org.sprintchain.store.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.merkle.MerkleHashing;

/**
 * The root hash computed straight from the contents, with no storage, no versions and no
 * incremental update: the test oracle for the stores' incremental tree. It follows the definition
 * in the README literally: empty subtree = zero hash, a lone entry = its leaf, otherwise an
 * internal node over the two halves split on the next key-hash bit.
 */
public final class ReferenceMerkleRoot {
  private ReferenceMerkleRoot() {}

  public static byte[] of(SortedMap<ByteKey, byte[]> contents) {
    TreeMap<ByteKey, byte[]> leaves = new TreeMap<>();
    for (Map.Entry<ByteKey, byte[]> e : contents.entrySet()) {
      byte[] keyHash = MerkleHashing.keyHash(e.getKey().toByteArray());
      leaves.put(ByteKey.of(keyHash), MerkleHashing.valueHash(e.getValue()));
    }
    List<byte[][]> sorted = new ArrayList<>();
    leaves.forEach((k, v) -> sorted.add(new byte[][] {k.toByteArray(), v}));
    return subtree(sorted, 0);
  }

  private static byte[] subtree(List<byte[][]> leaves, int depth) {
    if (leaves.isEmpty()) {
      return MerkleHashing.emptyRoot();
    }
    if (leaves.size() == 1) {
      return MerkleHashing.leafHash(leaves.get(0)[0], leaves.get(0)[1]);
    }
    int split = 0;
    while (split < leaves.size() && !MerkleHashing.bit(leaves.get(split)[0], depth)) {
      split++;
    }
    return MerkleHashing.internalHash(
        subtree(leaves.subList(0, split), depth + 1),
        subtree(leaves.subList(split, leaves.size()), depth + 1));
  }
}
