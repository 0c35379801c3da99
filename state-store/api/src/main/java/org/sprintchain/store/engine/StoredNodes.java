package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.merkle.NodeCodec;
import org.sprintchain.store.merkle.NodeKey;
import org.sprintchain.store.merkle.Subtree;
import org.sprintchain.store.merkle.TreeUpdate;

/**
 * Loads stored tree nodes ({@link StoreColumn#NODES}) through the {@link NodeCache}: one at a time
 * for proofs, a whole tree level per storage call for an update ({@link
 * org.sprintchain.store.merkle.NodePreloader}), and past the cache for a snapshot import, which
 * rewrites nodes in place.
 */
final class StoredNodes {
  /** Tree levels with at least this many nodes to load are decoded in parallel. */
  private static final int PARALLEL_MIN_NODES = 256;

  private final KvStorage storage;
  private final NodeCache cache = new NodeCache();

  StoredNodes(KvStorage storage) {
    this.storage = storage;
  }

  Subtree.Inner load(NodeKey key) {
    Subtree.Inner cached = NodeCache.cacheable(key) ? cache.get(key) : null;
    if (cached != null) {
      return cached;
    }
    Subtree.Inner node = loadUncached(key);
    cache.put(key, node);
    return node;
  }

  /**
   * Loads one tree level of stored nodes: cached ones from the cache, the rest in one storage call,
   * decoded in parallel when there are many.
   */
  List<Subtree.Inner> loadLevel(List<NodeKey> keys) {
    List<Subtree.Inner> out = new ArrayList<>(keys.size());
    List<Integer> missing = new ArrayList<>();
    List<byte[]> missingKeys = new ArrayList<>();
    for (NodeKey key : keys) {
      Subtree.Inner cached = NodeCache.cacheable(key) ? cache.get(key) : null;
      if (cached == null) {
        missing.add(out.size());
        missingKeys.add(key.encode());
      }
      out.add(cached);
    }
    if (missing.isEmpty()) {
      return out;
    }
    List<Optional<byte[]>> stored = storage.getAll(StoreColumn.NODES, missingKeys);
    List<Subtree.Inner> decoded =
        (missing.size() >= PARALLEL_MIN_NODES ? stored.parallelStream() : stored.stream())
            .map(b -> b.map(NodeCodec::decodeNode).orElse(null))
            .toList();
    for (int i = 0; i < missing.size(); i++) {
      NodeKey key = keys.get(missing.get(i));
      Subtree.Inner node = decoded.get(i);
      if (node == null) {
        throw new StoreCorruptedException("tree node " + key + " is missing");
      }
      cache.put(key, node);
      out.set(missing.get(i), node);
    }
    return out;
  }

  /** Loads a node bypassing the cache: an import rewrites nodes in place. */
  Subtree.Inner loadUncached(NodeKey key) {
    return storage
        .get(StoreColumn.NODES, key.encode())
        .map(NodeCodec::decodeNode)
        .orElseThrow(() -> new StoreCorruptedException("tree node " + key + " is missing"));
  }

  /** Caches the nodes of a commit once its batch is written. */
  void cacheWritten(List<TreeUpdate.NodeWrite> written) {
    for (TreeUpdate.NodeWrite w : written) {
      cache.put(w.key(), w.node());
    }
  }

  /** Forgets every cached node: an import rewrote nodes in place, or removed them. */
  void clearCache() {
    cache.clear();
  }
}
