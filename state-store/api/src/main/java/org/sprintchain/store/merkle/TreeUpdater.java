package org.sprintchain.store.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Applies a sorted batch of key updates to the tree of one version and produces the next version,
 * sharing every subtree the batch does not touch; and builds a tree from sorted leaves.
 *
 * <p>The tree is canonical: a subtree with no entries is empty, one with a single entry is a leaf,
 * and one with two or more is an inner node. So the root depends on the contents only, never on the
 * order or history of writes. The batch is first applied to a "pending" tree (leaves may still move
 * up or down while later keys are merged) and only then turned into immutable nodes, which hash
 * themselves when made.
 */
public final class TreeUpdater {
  /** Depth below which the subtrees of a large batch are updated and hashed in parallel. */
  static final int SPLIT_DEPTH = 8;

  /** Batches (and rebuilds) smaller than this stay on the calling thread; splitting costs more. */
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
    if (updates.size() >= PARALLEL_MIN_UPDATES) {
      ParallelUpdate.Result result =
          ForkJoinPool.commonPool()
              .invoke(new ParallelUpdate(root, 0, updates, 0, updates.size(), newVersion));
      return new TreeUpdate(result.tree(), result.applied());
    }
    TreeUpdater updater = new TreeUpdater(newVersion);
    Object result = updater.update(root, 0, updates, 0, updates.size());
    return new TreeUpdate(seal(result), updater.applied);
  }

  /**
   * A large batch, split by key-hash bit down to {@link #SPLIT_DEPTH}: below it the subtrees are
   * independent, so each is updated, sealed and hashed as its own task. Results are joined in tree
   * order and each is a pure function of its part of the tree and batch, so the outcome (root,
   * applied list in key-hash order) does not depend on thread timing. An empty subtree is split as
   * an inner node with two empty children, which gives the same canonical tree.
   */
  private static final class ParallelUpdate extends RecursiveTask<ParallelUpdate.Result> {
    record Result(Subtree tree, List<TreeUpdate.Applied> applied) {}

    private final Subtree tree;
    private final int depth;
    private final List<KeyUpdate> updates;
    private final int from;
    private final int to;
    private final long version;

    ParallelUpdate(
        Subtree tree, int depth, List<KeyUpdate> updates, int from, int to, long version) {
      this.tree = tree;
      this.depth = depth;
      this.updates = updates;
      this.from = from;
      this.to = to;
      this.version = version;
    }

    @Override
    protected Result compute() {
      boolean splittable = tree instanceof Subtree.Inner || tree instanceof Subtree.Empty;
      if (depth == SPLIT_DEPTH || !splittable || to - from < 2) {
        TreeUpdater updater = new TreeUpdater(version);
        return new Result(seal(updater.update(tree, depth, updates, from, to)), updater.applied);
      }
      Subtree left = tree instanceof Subtree.Inner node ? node.left() : Subtree.EMPTY;
      Subtree right = tree instanceof Subtree.Inner node ? node.right() : Subtree.EMPTY;
      int split = firstRight(updates, from, to, depth);
      ParallelUpdate leftTask = new ParallelUpdate(left, depth + 1, updates, from, split, version);
      ParallelUpdate rightTask = new ParallelUpdate(right, depth + 1, updates, split, to, version);
      leftTask.fork();
      Result r = rightTask.compute();
      Result l = leftTask.join();
      List<TreeUpdate.Applied> applied = new ArrayList<>(l.applied.size() + r.applied.size());
      applied.addAll(l.applied);
      applied.addAll(r.applied);
      Subtree joined =
          l.tree == left && r.tree == right ? tree : seal(joinCanonical(l.tree, r.tree));
      return new Result(joined, applied);
    }
  }

  /**
   * The canonical tree of the given leaves, hashed.
   *
   * @param leaves in any order, with distinct key hashes
   */
  public static Subtree build(List<Subtree.Leaf> leaves) {
    List<Subtree.Leaf> sorted = new ArrayList<>(leaves);
    sorted.sort(Subtree.Leaf::compareKeyHash);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).compareKeyHash(sorted.get(i)) == 0) {
        throw new IllegalArgumentException("two leaves with the same key hash");
      }
    }
    return sorted.size() >= PARALLEL_MIN_UPDATES
        ? ForkJoinPool.commonPool().invoke(new ParallelBuild(sorted, 0, 0, sorted.size()))
        : seal(build(0, sorted, 0, sorted.size()));
  }

  /**
   * {@link #build(List)} for many leaves, split by key-hash bit down to {@link #SPLIT_DEPTH} like
   * {@link ParallelUpdate}: each subtree there is built and hashed as its own task.
   */
  private static final class ParallelBuild extends RecursiveTask<Subtree> {
    private final List<Subtree.Leaf> leaves;
    private final int depth;
    private final int from;
    private final int to;

    ParallelBuild(List<Subtree.Leaf> leaves, int depth, int from, int to) {
      this.leaves = leaves;
      this.depth = depth;
      this.from = from;
      this.to = to;
    }

    @Override
    protected Subtree compute() {
      if (depth == SPLIT_DEPTH || to - from < 2) {
        return seal(build(depth, leaves, from, to));
      }
      int split = firstRightLeaf(leaves, from, to, depth);
      ParallelBuild left = new ParallelBuild(leaves, depth + 1, from, split);
      left.fork();
      Subtree right = new ParallelBuild(leaves, depth + 1, split, to).compute();
      // two or more leaves: the canonical join of the two sides is this subtree
      return seal(joinCanonical(left.join(), right));
    }
  }

  /*
   * A pending subtree during an update is an Object: either a Subtree (unchanged, or an existing
   * leaf that moved) or a NewInner (new, not yet sealed into an immutable node). Not wrapping the
   * unchanged ones saves an allocation per sibling on every touched path.
   */

  private static Object build(int depth, List<Subtree.Leaf> leaves) {
    return build(depth, leaves, 0, leaves.size());
  }

  /** Turns a pending subtree into immutable nodes, which hash themselves (children first). */
  private static Subtree seal(Object pending) {
    return pending instanceof NewInner i
        ? new Subtree.Inner(seal(i.left), seal(i.right))
        : (Subtree) pending;
  }

  /** Applies {@code updates[from, to)} to {@code tree} at {@code depth}. */
  private Object update(Subtree tree, int depth, List<KeyUpdate> updates, int from, int to) {
    if (from == to) {
      return tree;
    }
    return switch (tree) {
      case Subtree.Empty e -> build(depth, merge(null, updates, from, to));
      case Subtree.Leaf leaf -> {
        List<Subtree.Leaf> merged = merge(leaf, updates, from, to);
        yield merged.size() == 1 && merged.get(0) == leaf ? leaf : build(depth, merged);
      }
      case Subtree.Inner node -> {
        int split = firstRight(updates, from, to, depth);
        Object left = update(node.left(), depth + 1, updates, from, split);
        Object right = update(node.right(), depth + 1, updates, split, to);
        yield left == node.left() && right == node.right() ? node : joinCanonical(left, right);
      }
    };
  }

  /** Keeps the tree canonical: an inner node left with at most one entry collapses upwards. */
  private static Object joinCanonical(Object left, Object right) {
    if (left instanceof NewInner || right instanceof NewInner) {
      return new NewInner(left, right); // a new inner side holds two entries: nothing collapses
    }
    boolean leftEmpty = left instanceof Subtree.Empty;
    boolean rightEmpty = right instanceof Subtree.Empty;
    if (leftEmpty && rightEmpty) {
      return Subtree.EMPTY;
    }
    if (leftEmpty && right instanceof Subtree.Leaf) {
      return right;
    }
    if (rightEmpty && left instanceof Subtree.Leaf) {
      return left;
    }
    return new NewInner(left, right);
  }

  /**
   * The entries of a subtree after {@code updates[from, to)}: the existing leaf (if kept) plus the
   * puts. A put of the value a key already has keeps the existing leaf, so it changes nothing.
   */
  private List<Subtree.Leaf> merge(
      Subtree.Leaf existing, List<KeyUpdate> updates, int from, int to) {
    List<Subtree.Leaf> out = new ArrayList<>(to - from + 1);
    boolean existingPlaced = existing == null;
    for (int n = from; n < to; n++) {
      KeyUpdate u = updates.get(n);
      Subtree.Leaf previous = null;
      if (!existingPlaced) {
        int cmp = existing.compareKeyHash(u.keyHash());
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
      } else if (previous != null && previous.sameValue(u.valueHash())) {
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

  /**
   * Builds the canonical subtree of sorted {@code leaves[from, to)}, which share their first {@code
   * depth} bits.
   */
  private static Object build(int depth, List<Subtree.Leaf> leaves, int from, int to) {
    if (from == to) {
      return Subtree.EMPTY;
    }
    if (to - from == 1) {
      return leaves.get(from);
    }
    if (depth >= MerkleHashing.KEY_BITS) {
      throw new IllegalStateException("two leaves with the same key hash");
    }
    int split = firstRightLeaf(leaves, from, to, depth);
    return new NewInner(build(depth + 1, leaves, from, split), build(depth + 1, leaves, split, to));
  }

  /** {@link #firstRight} over sorted leaves. */
  private static int firstRightLeaf(List<Subtree.Leaf> leaves, int from, int to, int depth) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (leaves.get(mid).keyBit(depth)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * The index of the first update in {@code [from, to)} whose key hash has bit {@code depth} set.
   * The updates share their first {@code depth} bits and are sorted, so that bit runs 0...0 1...1:
   * binary search.
   */
  static int firstRight(List<KeyUpdate> updates, int from, int to, int depth) {
    int lo = from;
    int hi = to;
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

  /** A new inner node, not yet sealed. */
  private static final class NewInner {
    private final Object left;
    private final Object right;

    NewInner(Object left, Object right) {
      this.left = left;
      this.right = right;
    }
  }
}
