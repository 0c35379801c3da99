package org.sprintchain.store.merkle;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.sprintchain.store.StoreCorruptedException;

/**
 * Byte encoding of stored nodes and root pointers. The format is part of the on-disk format
 * version; change it only together with that version.
 *
 * <p>A stored node is the binary subtree below an inner node at a depth {@code d} that is a
 * multiple of 4, cut at depth {@code d + 4}: its two children, each written in pre-order as an
 * entry.
 *
 * <pre>
 * entry at relative depth r (1..4):
 *   0x00                                          empty subtree
 *   0x01 keyHash(32) valueHash(32) valueVersion(8) leaf (embedded; any r)
 *   0x02 [hash(32) if r &lt;= 2] entry(r+1) entry(r+1) binary inner node (r &lt; 4 only)
 *   0x03 version(8) hash(32)                       stored node of the next group (r = 4 only)
 * root pointer: one entry of kind 0x00, 0x01 or 0x03
 * </pre>
 *
 * The hashes of the inner nodes at relative depths 1 and 2 are stored so that an update or a proof
 * through one quarter of a node does not rehash the other three; deeper ones are cheap to rebuild.
 * Decoding is strict: an inner entry must hold at least two leaves below it (the tree is canonical,
 * so a lone leaf is never wrapped in inner nodes), and nothing may trail.
 */
public final class NodeCodec {
  /** Binary levels grouped in one stored node. */
  public static final int LEVELS = 4;

  private static final byte EMPTY = 0x00;
  private static final byte LEAF = 0x01;
  private static final byte INNER = 0x02;
  private static final byte REF = 0x03;
  private static final int LEAF_BYTES = 1 + 32 + 32 + 8;
  private static final int REF_BYTES = 1 + 8 + 32;
  private static final int HASHED_INNER_DEPTH = 2;

  private NodeCodec() {}

  /** Whether a stored node starts at {@code depth}. */
  public static boolean isNodeDepth(int depth) {
    return depth % LEVELS == 0;
  }

  public static byte[] encodeNode(Subtree.Inner node) {
    ByteBuffer buf = ByteBuffer.allocate(size(node.left(), 1) + size(node.right(), 1));
    put(buf, node.left(), 1);
    put(buf, node.right(), 1);
    return buf.array();
  }

  public static Subtree.Inner decodeNode(byte[] bytes) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      Subtree.Inner node = inner(get(buf, 1), get(buf, 1));
      requireConsumed(buf);
      return node;
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new StoreCorruptedException("malformed tree node", e);
    }
  }

  public static byte[] encodeRoot(Subtree root) {
    if (root instanceof Subtree.Inner) {
      throw new IllegalArgumentException("a root pointer is empty, a leaf or a stored node");
    }
    ByteBuffer buf = ByteBuffer.allocate(size(root, LEVELS));
    put(buf, root, LEVELS);
    return buf.array();
  }

  public static Subtree decodeRoot(byte[] bytes) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      Subtree root = get(buf, LEVELS);
      requireConsumed(buf);
      return root;
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new StoreCorruptedException("malformed root pointer", e);
    }
  }

  private static int size(Subtree s, int rel) {
    return switch (s) {
      case Subtree.Empty e -> 1;
      case Subtree.Leaf l -> LEAF_BYTES;
      case Subtree.NodeRef r -> REF_BYTES;
      case Subtree.Inner i ->
          1
              + (rel <= HASHED_INNER_DEPTH ? MerkleHashing.HASH_BYTES : 0)
              + size(i.left(), rel + 1)
              + size(i.right(), rel + 1);
    };
  }

  private static void put(ByteBuffer buf, Subtree s, int rel) {
    switch (s) {
      case Subtree.Empty e -> buf.put(EMPTY);
      case Subtree.Leaf l ->
          buf.put(LEAF).put(l.keyHashUnsafe()).put(l.valueHashUnsafe()).putLong(l.valueVersion());
      case Subtree.NodeRef r -> {
        if (rel != LEVELS) {
          throw new IllegalStateException("stored node referenced at relative depth " + rel);
        }
        buf.put(REF).putLong(r.version()).put(r.hashUnsafe());
      }
      case Subtree.Inner i -> {
        if (rel >= LEVELS) {
          throw new IllegalStateException("inner node at relative depth " + rel);
        }
        buf.put(INNER);
        if (rel <= HASHED_INNER_DEPTH) {
          buf.put(i.hashUnsafe());
        }
        put(buf, i.left(), rel + 1);
        put(buf, i.right(), rel + 1);
      }
    }
  }

  private static Subtree get(ByteBuffer buf, int rel) {
    byte tag = buf.get();
    return switch (tag) {
      case EMPTY -> Subtree.EMPTY;
      case LEAF -> new Subtree.Leaf(take(buf), take(buf), buf.getLong());
      case REF -> {
        if (rel != LEVELS) {
          throw new IllegalArgumentException("stored node referenced at relative depth " + rel);
        }
        yield new Subtree.NodeRef(buf.getLong(), take(buf));
      }
      case INNER -> {
        if (rel >= LEVELS) {
          throw new IllegalArgumentException("inner node at relative depth " + rel);
        }
        byte[] hash = rel <= HASHED_INNER_DEPTH ? take(buf) : null;
        Subtree.Inner inner = inner(get(buf, rel + 1), get(buf, rel + 1));
        yield hash == null ? inner : inner.withKnownHash(hash);
      }
      default -> throw new IllegalArgumentException("unknown entry tag " + tag);
    };
  }

  /** An inner node must hold two or more leaves; fewer would have collapsed. */
  private static Subtree.Inner inner(Subtree left, Subtree right) {
    boolean leftSparse = left.isEmpty() || left instanceof Subtree.Leaf;
    boolean rightSparse = right.isEmpty() || right instanceof Subtree.Leaf;
    if (leftSparse && rightSparse && (left.isEmpty() || right.isEmpty())) {
      throw new IllegalArgumentException("inner node with fewer than two leaves");
    }
    return new Subtree.Inner(left, right);
  }

  private static byte[] take(ByteBuffer buf) {
    byte[] out = new byte[MerkleHashing.HASH_BYTES];
    buf.get(out);
    return out;
  }

  private static void requireConsumed(ByteBuffer buf) {
    if (buf.hasRemaining()) {
      throw new IllegalArgumentException("trailing bytes after tree node");
    }
  }
}
