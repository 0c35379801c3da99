package org.sprintchain.store.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies a sorted batch of key updates to the tree of one version and produces the next version.
 *
 * <p>The tree is canonical: a subtree with no entries is empty, one with a single entry is a leaf,
 * and one with two or more is an inner node. So the root depends on the contents only, never on the
 * order or history of writes. The batch is first applied to an in-memory "pending" binary tree
 * (leaves may still move up or down while later keys are merged) and only then hashed and grouped
 * into stored four-level nodes, so each touched path costs one node read and write per four levels.
 * Leaves live inside their parent node, so moving one costs no read.
 */
public final class TreeUpdater {
  /** Depth (a stored node boundary) below which new subtrees are persisted in parallel. */
  static final int SPLIT_DEPTH = 8;

  /** Batches smaller than this are persisted on the calling thread; splitting costs more. */
  static final int PARALLEL_MIN_UPDATES = 512;

  private final NodeLoader loader;
  private final long version;
  private final List<NodeKey> stale = new ArrayList<>();
  private final List<TreeUpdate.Applied> applied = new ArrayList<>();

  private TreeUpdater(NodeLoader loader, long version) {
    this.loader = loader;
    this.version = version;
  }

  /**
   * @param updates sorted by key hash (unsigned), at most one per key hash
   */
  public static TreeUpdate apply(
      NodeLoader loader, Subtree root, long newVersion, List<KeyUpdate> updates) {
    TreeUpdater updater = new TreeUpdater(loader, newVersion);
    byte[] rootPath = new byte[MerkleHashing.HASH_BYTES];
    Pending result = updater.update(root, 0, rootPath, updates);
    List<TreeUpdate.NodeWrite> writes = new ArrayList<>();
    Subtree newRoot =
        persistAll(result, newVersion, updates.size() >= PARALLEL_MIN_UPDATES, writes);
    return new TreeUpdate(newRoot, writes, updater.stale, updater.applied);
  }

  /**
   * Hashes and encodes the pending tree. For large batches the new subtrees below {@link
   * #SPLIT_DEPTH} are independent, so they are persisted in parallel; the results are put together
   * in tree order, so the outcome (root, nodes, their order) does not depend on thread timing.
   */
  private static Subtree persistAll(
      Pending root, long version, boolean parallel, List<TreeUpdate.NodeWrite> writes) {
    byte[] rootPath = new byte[MerkleHashing.HASH_BYTES];
    if (!parallel) {
      Persister persister = new Persister(version, null);
      Subtree out = persister.persist(root, 0, rootPath);
      writes.addAll(persister.writes);
      return out;
    }
    List<Split> splits = new ArrayList<>();
    gatherSplits(root, 0, rootPath, splits);
    List<Persister> done =
        splits.parallelStream()
            .map(
                split -> {
                  Persister p = new Persister(version, null);
                  p.result = p.persist(split.pending, SPLIT_DEPTH, split.path);
                  return p;
                })
            .toList();
    List<Subtree> results = new ArrayList<>(done.size());
    for (Persister p : done) {
      results.add(p.result);
      writes.addAll(p.writes);
    }
    Persister top = new Persister(version, results);
    Subtree out = top.persist(root, 0, rootPath);
    writes.addAll(top.writes);
    return out;
  }

  /**
   * The new subtrees at {@link #SPLIT_DEPTH}, in the order {@link Persister#persist} meets them.
   */
  private static void gatherSplits(Pending pending, int depth, byte[] path, List<Split> out) {
    if (pending instanceof NewInner i) {
      if (depth == SPLIT_DEPTH) {
        out.add(new Split(i, path));
        return;
      }
      gatherSplits(i.left, depth + 1, childPath(path, depth, false), out);
      gatherSplits(i.right, depth + 1, childPath(path, depth, true), out);
    }
  }

  private record Split(NewInner pending, byte[] path) {}

  /** Hashes a pending tree, grouping new inner nodes into stored four-level nodes. */
  private static final class Persister {
    private final long version;
    private final List<Subtree> splitResults;
    private final List<TreeUpdate.NodeWrite> writes = new ArrayList<>();
    private int nextSplit;
    private Subtree result;

    /**
     * With {@code splitResults}, the subtrees at the split depth are taken from there, in order.
     */
    Persister(long version, List<Subtree> splitResults) {
      this.version = version;
      this.splitResults = splitResults;
    }

    Subtree persist(Pending pending, int depth, byte[] path) {
      return switch (pending) {
        case Stored s -> {
          if (s.tree instanceof Subtree.Inner && NodeCodec.isNodeDepth(depth)) {
            throw new IllegalStateException("unstored inner node at depth " + depth);
          }
          yield s.tree;
        }
        case NewInner i -> {
          if (splitResults != null && depth == SPLIT_DEPTH) {
            yield splitResults.get(nextSplit++);
          }
          Subtree.Inner node =
              new Subtree.Inner(
                  persist(i.left, depth + 1, childPath(path, depth, false)),
                  persist(i.right, depth + 1, childPath(path, depth, true)));
          if (!NodeCodec.isNodeDepth(depth)) {
            yield node;
          }
          byte[] hash = node.hashUnsafe();
          writes.add(
              new TreeUpdate.NodeWrite(
                  NodeKey.of(version, path, depth), node, NodeCodec.encodeNode(node)));
          yield new Subtree.NodeRef(version, hash);
        }
      };
    }
  }

  private Pending update(Subtree tree, int depth, byte[] path, List<KeyUpdate> updates) {
    if (updates.isEmpty()) {
      return new Stored(tree);
    }
    return switch (tree) {
      case Subtree.Empty e -> build(depth, merge(null, updates));
      case Subtree.Leaf leaf -> {
        List<Subtree.Leaf> merged = merge(leaf, updates);
        yield merged.size() == 1 && merged.get(0) == leaf ? new Stored(leaf) : build(depth, merged);
      }
      case Subtree.NodeRef ref -> {
        NodeKey key = NodeKey.of(ref.version(), path, depth);
        Subtree.Inner node = loader.load(key);
        Pending p = updateInner(node, depth, path, updates);
        if (p instanceof Stored s && s.tree == node) {
          yield new Stored(ref);
        }
        stale.add(key);
        yield p;
      }
      case Subtree.Inner node -> updateInner(node, depth, path, updates);
    };
  }

  private Pending updateInner(Subtree.Inner node, int depth, byte[] path, List<KeyUpdate> updates) {
    int split = firstRight(updates, depth);
    Pending left =
        update(node.left(), depth + 1, childPath(path, depth, false), updates.subList(0, split));
    Pending right =
        update(
            node.right(),
            depth + 1,
            childPath(path, depth, true),
            updates.subList(split, updates.size()));
    if (left instanceof Stored l
        && l.tree == node.left()
        && right instanceof Stored r
        && r.tree == node.right()) {
      return new Stored(node);
    }
    return join(left, right);
  }

  /** Keeps the tree canonical: an inner node left with at most one entry collapses upwards. */
  private static Pending join(Pending left, Pending right) {
    boolean leftEmpty = left.isEmpty();
    boolean rightEmpty = right.isEmpty();
    if (leftEmpty && rightEmpty) {
      return new Stored(Subtree.EMPTY);
    }
    if (leftEmpty && right.isLeaf()) {
      return right;
    }
    if (rightEmpty && left.isLeaf()) {
      return left;
    }
    return new NewInner(left, right);
  }

  /**
   * The entries of a subtree after the updates: the existing leaf (if kept) plus the puts. A put of
   * the value a key already has keeps the existing leaf, so it changes nothing.
   */
  private List<Subtree.Leaf> merge(Subtree.Leaf existing, List<KeyUpdate> updates) {
    List<Subtree.Leaf> out = new ArrayList<>(updates.size() + 1);
    boolean existingPlaced = existing == null;
    for (KeyUpdate u : updates) {
      Subtree.Leaf previous = null;
      if (!existingPlaced) {
        int cmp = Arrays.compareUnsigned(existing.keyHashUnsafe(), u.keyHash());
        if (cmp < 0) {
          out.add(existing);
          existingPlaced = true;
        } else if (cmp == 0) {
          existingPlaced = true;
          previous = existing;
        }
      }
      if (u.isDelete()) {
        if (previous != null) {
          applied.add(new TreeUpdate.Applied(u.keyHash(), previous.valueVersion()));
        }
      } else if (previous != null && Arrays.equals(previous.valueHashUnsafe(), u.valueHash())) {
        out.add(previous);
      } else {
        out.add(new Subtree.Leaf(u.keyHash(), u.valueHash(), version));
        applied.add(
            new TreeUpdate.Applied(u.keyHash(), previous == null ? -1 : previous.valueVersion()));
      }
    }
    if (!existingPlaced) {
      out.add(existing);
    }
    return out;
  }

  /** Builds the canonical subtree of sorted leaves that share the first {@code depth} bits. */
  private static Pending build(int depth, List<Subtree.Leaf> leaves) {
    if (leaves.isEmpty()) {
      return new Stored(Subtree.EMPTY);
    }
    if (leaves.size() == 1) {
      return new Stored(leaves.get(0));
    }
    if (depth >= MerkleHashing.KEY_BITS) {
      throw new IllegalStateException("two leaves with the same key hash");
    }
    int split = 0;
    while (split < leaves.size() && !MerkleHashing.bit(leaves.get(split).keyHashUnsafe(), depth)) {
      split++;
    }
    return new NewInner(
        build(depth + 1, leaves.subList(0, split)),
        build(depth + 1, leaves.subList(split, leaves.size())));
  }

  /**
   * The index of the first update whose key hash has bit {@code depth} set. The updates share their
   * first {@code depth} bits and are sorted, so that bit runs 0...0 1...1: binary search.
   */
  static int firstRight(List<KeyUpdate> updates, int depth) {
    int lo = 0;
    int hi = updates.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (MerkleHashing.bit(updates.get(mid).keyHash(), depth)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static byte[] childPath(byte[] path, int depth, boolean right) {
    if (!right) {
      return path; // bits below depth are zero on the left, so the same bytes name the child
    }
    byte[] child = path.clone();
    child[depth >>> 3] |= (byte) (0x80 >>> (depth & 7));
    return child;
  }

  /** A subtree during the update: unchanged (or an existing leaf moved), or new and not hashed. */
  private sealed interface Pending permits Stored, NewInner {
    default boolean isEmpty() {
      return this instanceof Stored s && s.tree.isEmpty();
    }

    default boolean isLeaf() {
      return this instanceof Stored s && s.tree instanceof Subtree.Leaf;
    }
  }

  private record Stored(Subtree tree) implements Pending {}

  private record NewInner(Pending left, Pending right) implements Pending {}
}
