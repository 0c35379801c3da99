package org.sprintchain.store.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies a sorted batch of key updates to the tree of one version and produces the next version,
 * sharing every subtree the batch does not touch; and builds a tree from sorted leaves.
 *
 * <p>The tree is canonical: a subtree with no entries is empty, one with a single entry is a leaf,
 * and one with two or more is an inner node. So the root depends on the contents only, never on the
 * order or history of writes. The batch is first applied to a "pending" tree (leaves may still move
 * up or down while later keys are merged) and only then turned into immutable nodes and hashed.
 */
public final class TreeUpdater {
  /** Depth below which the new subtrees of a large batch are hashed in parallel. */
  static final int SPLIT_DEPTH = 8;

  /** Batches smaller than this are hashed on the calling thread; splitting costs more. */
  static final int PARALLEL_MIN_UPDATES = 512;

  private final long version;
  private final List<TreeUpdate.Applied> applied = new ArrayList<>();

  private TreeUpdater(long version) {
    this.version = version;
  }

  /**
   * @param updates sorted by key hash (unsigned), at most one per key hash
   */
  public static TreeUpdate apply(Subtree root, long newVersion, List<KeyUpdate> updates) {
    TreeUpdater updater = new TreeUpdater(newVersion);
    Pending result = updater.update(root, 0, updates);
    return new TreeUpdate(seal(result, updates.size() >= PARALLEL_MIN_UPDATES), updater.applied);
  }

  /**
   * The canonical tree of the given leaves, hashed.
   *
   * @param leaves in any order, with distinct key hashes
   */
  public static Subtree build(List<Subtree.Leaf> leaves) {
    List<Subtree.Leaf> sorted = new ArrayList<>(leaves);
    sorted.sort((a, b) -> Arrays.compareUnsigned(a.keyHashUnsafe(), b.keyHashUnsafe()));
    for (int i = 1; i < sorted.size(); i++) {
      if (Arrays.equals(sorted.get(i - 1).keyHashUnsafe(), sorted.get(i).keyHashUnsafe())) {
        throw new IllegalArgumentException("two leaves with the same key hash");
      }
    }
    return seal(build(0, sorted), sorted.size() >= PARALLEL_MIN_UPDATES);
  }

  /**
   * Turns the pending tree into immutable nodes and hashes them. For large batches the new subtrees
   * at {@link #SPLIT_DEPTH} are independent, so they are hashed in parallel; hashes are pure
   * functions of the contents, so the outcome does not depend on thread timing.
   */
  private static Subtree seal(Pending root, boolean parallel) {
    if (parallel) {
      List<NewInner> splits = new ArrayList<>();
      gatherSplits(root, 0, splits);
      List<Subtree> sealed =
          splits.parallelStream()
              .map(
                  split -> {
                    Subtree s = seal(split);
                    s.hashUnsafe();
                    return s;
                  })
              .toList();
      for (int i = 0; i < splits.size(); i++) {
        splits.get(i).sealed = sealed.get(i);
      }
    }
    Subtree out = seal(root);
    out.hashUnsafe();
    return out;
  }

  private static Subtree seal(Pending pending) {
    return switch (pending) {
      case Stored s -> s.tree;
      case NewInner i -> {
        if (i.sealed == null) {
          i.sealed = new Subtree.Inner(seal(i.left), seal(i.right));
        }
        yield i.sealed;
      }
    };
  }

  /** The new subtrees at {@link #SPLIT_DEPTH}. */
  private static void gatherSplits(Pending pending, int depth, List<NewInner> out) {
    if (pending instanceof NewInner i) {
      if (depth == SPLIT_DEPTH) {
        out.add(i);
        return;
      }
      gatherSplits(i.left, depth + 1, out);
      gatherSplits(i.right, depth + 1, out);
    }
  }

  private Pending update(Subtree tree, int depth, List<KeyUpdate> updates) {
    if (updates.isEmpty()) {
      return new Stored(tree);
    }
    return switch (tree) {
      case Subtree.Empty e -> build(depth, merge(null, updates));
      case Subtree.Leaf leaf -> {
        List<Subtree.Leaf> merged = merge(leaf, updates);
        yield merged.size() == 1 && merged.get(0) == leaf ? new Stored(leaf) : build(depth, merged);
      }
      case Subtree.Inner node -> updateInner(node, depth, updates);
    };
  }

  private Pending updateInner(Subtree.Inner node, int depth, List<KeyUpdate> updates) {
    int split = firstRight(updates, depth);
    Pending left = update(node.left(), depth + 1, updates.subList(0, split));
    Pending right = update(node.right(), depth + 1, updates.subList(split, updates.size()));
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
    int lo = 0;
    int hi = leaves.size();
    while (lo < hi) { // leaves share their first depth bits and are sorted: bit depth is 0..01..1
      int mid = (lo + hi) >>> 1;
      if (MerkleHashing.bit(leaves.get(mid).keyHashUnsafe(), depth)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return new NewInner(
        build(depth + 1, leaves.subList(0, lo)),
        build(depth + 1, leaves.subList(lo, leaves.size())));
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

  /** A subtree during the update: unchanged (or an existing leaf moved), or new and not sealed. */
  private sealed interface Pending permits Stored, NewInner {
    default boolean isEmpty() {
      return this instanceof Stored s && s.tree.isEmpty();
    }

    default boolean isLeaf() {
      return this instanceof Stored s && s.tree instanceof Subtree.Leaf;
    }
  }

  private record Stored(Subtree tree) implements Pending {}

  /** A new inner node; {@code sealed} is its immutable form once made. */
  private static final class NewInner implements Pending {
    private final Pending left;
    private final Pending right;
    private Subtree sealed;

    NewInner(Pending left, Pending right) {
      this.left = left;
      this.right = right;
    }
  }
}
