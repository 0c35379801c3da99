package org.sprintchain.store.merkle;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.sprintchain.store.StoreCorruptedException;

/**
 * Byte encoding of stored nodes and child pointers. The format is part of the on-disk format
 * version; change it only together with that version.
 *
 * <ul>
 *   <li>leaf: 0x00 || keyHash(32) || valueHash(32)
 *   <li>internal: 0x01 || child(left) || child(right)
 *   <li>child: type(1: 0 empty, 1 leaf, 2 internal) then, unless empty, version(8, big-endian) ||
 *       hash(32)
 * </ul>
 */
public final class NodeCodec {
  private static final byte LEAF = 0x00;
  private static final byte INTERNAL = 0x01;

  private NodeCodec() {}

  public static byte[] encode(TreeNode node) {
    return switch (node) {
      case LeafNode leaf ->
          ByteBuffer.allocate(65).put(LEAF).put(leaf.keyHashUnsafe()).put(leaf.valueHash()).array();
      case InternalNode internal -> {
        ByteBuffer buf =
            ByteBuffer.allocate(1 + childSize(internal.left()) + childSize(internal.right()));
        buf.put(INTERNAL);
        putChild(buf, internal.left());
        putChild(buf, internal.right());
        yield buf.array();
      }
    };
  }

  public static TreeNode decode(byte[] bytes) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      TreeNode node =
          switch (buf.get()) {
            case LEAF -> new LeafNode(take(buf), take(buf));
            case INTERNAL -> new InternalNode(getChild(buf), getChild(buf));
            default -> throw new StoreCorruptedException("unknown node tag " + bytes[0]);
          };
      requireConsumed(buf);
      return node;
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new StoreCorruptedException("malformed tree node", e);
    }
  }

  public static byte[] encodeChild(ChildRef ref) {
    ByteBuffer buf = ByteBuffer.allocate(childSize(ref));
    putChild(buf, ref);
    return buf.array();
  }

  public static ChildRef decodeChild(byte[] bytes) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      ChildRef ref = getChild(buf);
      requireConsumed(buf);
      return ref;
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new StoreCorruptedException("malformed child pointer", e);
    }
  }

  private static int childSize(ChildRef ref) {
    return ref.isEmpty() ? 1 : 41;
  }

  private static void putChild(ByteBuffer buf, ChildRef ref) {
    buf.put((byte) ref.type().code());
    if (!ref.isEmpty()) {
      buf.putLong(ref.version()).put(ref.hashUnsafe());
    }
  }

  private static ChildRef getChild(ByteBuffer buf) {
    NodeType type = NodeType.ofCode(buf.get());
    if (type == NodeType.EMPTY) {
      return ChildRef.EMPTY;
    }
    long version = buf.getLong();
    return ChildRef.of(type, version, take(buf));
  }

  private static byte[] take(ByteBuffer buf) {
    byte[] out = new byte[MerkleHashing.HASH_BYTES];
    buf.get(out);
    return out;
  }

  private static void requireConsumed(ByteBuffer buf) {
    if (buf.hasRemaining()) {
      throw new StoreCorruptedException("trailing bytes after tree node");
    }
  }
}
