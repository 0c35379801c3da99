package org.sprintchain.store.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies a sorted batch of key updates to the tree of one version and produces the next version.
 *
 * <p>The tree is canonical: a subtree with no entries is empty, one with a single entry is a leaf,
 * and one with two or more is an internal node. So the root depends on the contents only, never on
 * the order or history of writes. The batch is first applied to an in-memory "pending" tree (leaves
 * may still move up or down while later keys are merged) and only then assigned storage keys and
 * hashed, so each touched path costs O(depth) node reads and writes.
 */
public final class TreeUpdater {
  private final TreeReader reader;
  private final long version;
  private final List<NodeKey> stale = new ArrayList<>();
  private final List<TreeUpdate.NodeWrite> writes = new ArrayList<>();

  private TreeUpdater(TreeReader reader, long version) {
    this.reader = reader;
    this.version = version;
  }

  /**
   * @param updates sorted by key hash (unsigned), at most one per key hash
   */
  public static TreeUpdate apply(
      TreeReader reader, ChildRef root, long newVersion, List<KeyUpdate> updates) {
    TreeUpdater updater = new TreeUpdater(reader, newVersion);
    byte[] rootPath = new byte[MerkleHashing.HASH_BYTES];
    Pending result = updater.update(root, 0, rootPath, updates);
    ChildRef newRoot = updater.persist(result, 0, rootPath);
    return new TreeUpdate(newRoot, updater.writes, updater.stale);
  }

  private Pending update(ChildRef ref, int depth, byte[] path, List<KeyUpdate> updates) {
    if (updates.isEmpty()) {
      return new Stored(ref);
    }
    return switch (ref.type()) {
      case EMPTY -> build(depth, merge(null, updates));
      case LEAF -> updateLeaf(ref, depth, path, updates);
      case INTERNAL -> updateInternal(ref, depth, path, updates);
    };
  }

  private Pending updateLeaf(ChildRef ref, int depth, byte[] path, List<KeyUpdate> updates) {
    LeafNode leaf = loadLeaf(ref, depth, path);
    List<LeafNode> merged = merge(leaf, updates);
    if (merged.size() == 1 && merged.get(0).sameContent(leaf)) {
      return new Stored(ref);
    }
    stale.add(NodeKey.of(ref.version(), path, depth));
    return build(depth, merged);
  }

  private Pending updateInternal(ChildRef ref, int depth, byte[] path, List<KeyUpdate> updates) {
    InternalNode node = (InternalNode) load(ref, depth, path);
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
        && l.ref == node.left()
        && right instanceof Stored r
        && r.ref == node.right()) {
      return new Stored(ref);
    }
    stale.add(NodeKey.of(ref.version(), path, depth));
    return join(left, right, depth, path);
  }

  /** Keeps the tree canonical: an inner node left with at most one entry collapses upwards. */
  private Pending join(Pending left, Pending right, int depth, byte[] path) {
    boolean leftEmpty = left.isEmpty();
    boolean rightEmpty = right.isEmpty();
    if (leftEmpty && rightEmpty) {
      return new Stored(ChildRef.EMPTY);
    }
    if (leftEmpty && right.isLeaf()) {
      return lift(right, depth + 1, childPath(path, depth, true));
    }
    if (rightEmpty && left.isLeaf()) {
      return lift(left, depth + 1, childPath(path, depth, false));
    }
    return new NewInternal(left, right);
  }

  /** A leaf moving to a shallower depth gets a new storage key, so a stored one is rewritten. */
  private Pending lift(Pending leaf, int depth, byte[] path) {
    if (leaf instanceof Stored stored) {
      LeafNode node = loadLeaf(stored.ref, depth, path);
      stale.add(NodeKey.of(stored.ref.version(), path, depth));
      return new NewLeaf(node);
    }
    return leaf;
  }

  /** The entries of a subtree after the updates: the existing leaf (if kept) plus the puts. */
  private static List<LeafNode> merge(LeafNode existing, List<KeyUpdate> updates) {
    List<LeafNode> out = new ArrayList<>(updates.size() + 1);
    boolean existingPlaced = existing == null;
    for (KeyUpdate u : updates) {
      if (!existingPlaced) {
        int cmp = Arrays.compareUnsigned(existing.keyHashUnsafe(), u.keyHash());
        if (cmp < 0) {
          out.add(existing);
          existingPlaced = true;
        } else if (cmp == 0) {
          existingPlaced = true; // replaced or deleted by this update
        }
      }
      if (!u.isDelete()) {
        out.add(new LeafNode(u.keyHash(), u.valueHash()));
      }
    }
    if (!existingPlaced) {
      out.add(existing);
    }
    return out;
  }

  /** Builds the canonical subtree of sorted leaves that share the first {@code depth} bits. */
  private static Pending build(int depth, List<LeafNode> leaves) {
    if (leaves.isEmpty()) {
      return new Stored(ChildRef.EMPTY);
    }
    if (leaves.size() == 1) {
      return new NewLeaf(leaves.get(0));
    }
    if (depth >= MerkleHashing.KEY_BITS) {
      throw new IllegalStateException("two leaves with the same key hash");
    }
    int split = 0;
    while (split < leaves.size() && !MerkleHashing.bit(leaves.get(split).keyHashUnsafe(), depth)) {
      split++;
    }
    return new NewInternal(
        build(depth + 1, leaves.subList(0, split)),
        build(depth + 1, leaves.subList(split, leaves.size())));
  }

  private ChildRef persist(Pending pending, int depth, byte[] path) {
    return switch (pending) {
      case Stored s -> s.ref;
      case NewLeaf l -> write(NodeType.LEAF, l.node, depth, l.node.keyHashUnsafe());
      case NewInternal i -> {
        ChildRef left = persist(i.left, depth + 1, childPath(path, depth, false));
        ChildRef right = persist(i.right, depth + 1, childPath(path, depth, true));
        yield write(NodeType.INTERNAL, new InternalNode(left, right), depth, path);
      }
    };
  }

  private ChildRef write(NodeType type, TreeNode node, int depth, byte[] path) {
    writes.add(new TreeUpdate.NodeWrite(NodeKey.of(version, path, depth), node));
    return ChildRef.of(type, version, node.hash());
  }

  private TreeNode load(ChildRef ref, int depth, byte[] path) {
    return TreeWalk.load(reader, ref, depth, path);
  }

  private LeafNode loadLeaf(ChildRef ref, int depth, byte[] path) {
    return (LeafNode) load(ref, depth, path);
  }

  private static int firstRight(List<KeyUpdate> updates, int depth) {
    int i = 0;
    while (i < updates.size() && !MerkleHashing.bit(updates.get(i).keyHash(), depth)) {
      i++;
    }
    return i;
  }

  static byte[] childPath(byte[] path, int depth, boolean right) {
    byte[] child = path.clone();
    if (right) {
      child[depth >>> 3] |= (byte) (0x80 >>> (depth & 7));
    }
    return child;
  }

  /** A subtree during the update: unchanged and stored, or new and not yet hashed. */
  private sealed interface Pending permits Stored, NewLeaf, NewInternal {
    default boolean isEmpty() {
      return this instanceof Stored s && s.ref.isEmpty();
    }

    default boolean isLeaf() {
      return this instanceof NewLeaf || (this instanceof Stored s && s.ref.type() == NodeType.LEAF);
    }
  }

  private record Stored(ChildRef ref) implements Pending {}

  private record NewLeaf(LeafNode node) implements Pending {}

  private record NewInternal(Pending left, Pending right) implements Pending {}
}
