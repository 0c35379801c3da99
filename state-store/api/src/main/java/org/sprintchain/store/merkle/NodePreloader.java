package org.sprintchain.store.merkle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the stored nodes that an update of a sorted batch of keys descends into and loads them one
 * tree level at a time, each level in one batch: a RocksDB multi-get costs far less than the
 * per-node gets of the depth-first update, and a level's nodes can be decoded in parallel. The
 * update then runs from the preloaded nodes without touching storage.
 */
public final class NodePreloader {
  private NodePreloader() {}

  /**
   * @param updates sorted by key hash (unsigned), at most one per key hash
   * @param loadLevel loads the nodes under the given keys, in the same order
   * @return every stored node the update will load, by key
   */
  public static Map<NodeKey, Subtree.Inner> preload(
      Subtree root,
      List<KeyUpdate> updates,
      Function<List<NodeKey>, List<Subtree.Inner>> loadLevel) {
    Map<NodeKey, Subtree.Inner> loaded = new LinkedHashMap<>();
    List<Descent> level = new ArrayList<>();
    if (!updates.isEmpty()) {
      collect(root, 0, updates, level);
    }
    while (!level.isEmpty()) {
      List<NodeKey> keys = new ArrayList<>(level.size());
      level.forEach(d -> keys.add(d.key));
      List<Subtree.Inner> nodes = loadLevel.apply(keys);
      List<Descent> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i++) {
        Descent d = level.get(i);
        loaded.put(d.key, nodes.get(i));
        collect(nodes.get(i), d.depth, d.updates, next);
      }
      level = next;
    }
    return loaded;
  }

  /**
   * Walks the binary subtree inside one stored node; a reference below it is for the next level.
   */
  private static void collect(Subtree tree, int depth, List<KeyUpdate> updates, List<Descent> out) {
    switch (tree) {
      case Subtree.Empty e -> {}
      case Subtree.Leaf l -> {}
      case Subtree.NodeRef ref ->
          out.add(
              new Descent(
                  NodeKey.of(ref.version(), updates.get(0).keyHash(), depth), depth, updates));
      case Subtree.Inner node -> {
        int split = TreeUpdater.firstRight(updates, depth);
        if (split > 0) {
          collect(node.left(), depth + 1, updates.subList(0, split), out);
        }
        if (split < updates.size()) {
          collect(node.right(), depth + 1, updates.subList(split, updates.size()), out);
        }
      }
    }
  }

  /** A stored node to load, with the updates below it. */
  private record Descent(NodeKey key, int depth, List<KeyUpdate> updates) {}
}
