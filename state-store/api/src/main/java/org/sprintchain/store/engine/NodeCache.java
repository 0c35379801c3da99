package org.sprintchain.store.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sprintchain.store.merkle.NodeKey;
import org.sprintchain.store.merkle.Subtree;

/**
 * Decoded stored nodes of the top of the tree, which every update and proof walks through. A node
 * is written once under its key and never changed, so a cached node is never out of date; pruned
 * ones simply age out. Bounded by entry count, least recently used first out; the deep levels, each
 * touched about once per block, are not cached.
 */
final class NodeCache {
  /** Depth 12 and above: 1 + 16 + 256 + 4096 nodes per version. */
  static final int MAX_DEPTH = 12;

  static final int MAX_ENTRIES = 8192;

  private final LinkedHashMap<NodeKey, Subtree.Inner> nodes =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeKey, Subtree.Inner> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  static boolean cacheable(NodeKey key) {
    return key.depth() <= MAX_DEPTH;
  }

  synchronized Subtree.Inner get(NodeKey key) {
    Subtree.Inner node = nodes.remove(key);
    if (node != null) {
      nodes.put(key, node); // move to the young end
    }
    return node;
  }

  synchronized void put(NodeKey key, Subtree.Inner node) {
    if (cacheable(key)) {
      nodes.put(key, node);
    }
  }

  synchronized void clear() {
    nodes.clear();
  }
}
