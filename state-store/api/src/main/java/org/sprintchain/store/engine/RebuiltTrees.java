package org.sprintchain.store.engine;

import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongFunction;
import org.sprintchain.store.merkle.Subtree;

/**
 * The trees rebuilt for proofs at retained versions that are no longer in memory: the last {@link
 * #CACHED} versions asked for. One rebuild per version serves every caller that asks while it runs,
 * so a burst of queries at one old height costs one scan, not one each.
 */
final class RebuiltTrees {
  static final int CACHED = 2;

  private final TreeMap<Long, CompletableFuture<Subtree>> trees = new TreeMap<>();

  /** The tree of {@code version}: cached, being rebuilt by another caller, or rebuilt now. */
  Subtree get(long version, LongFunction<Subtree> rebuild) {
    CompletableFuture<Subtree> mine = null;
    CompletableFuture<Subtree> tree;
    synchronized (this) {
      tree = trees.get(version);
      if (tree == null) {
        mine = new CompletableFuture<>();
        tree = mine;
        trees.put(version, mine);
        while (trees.size() > CACHED) { // evict another version than this one, lowest first
          trees.remove(version == trees.firstKey() ? trees.lastKey() : trees.firstKey());
        }
      }
    }
    if (mine != null) {
      try {
        mine.complete(rebuild.apply(version));
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          trees.remove(version, mine);
        }
        mine.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return tree.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
