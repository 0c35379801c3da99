package org.sprintchain.store.merkle;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Where a node is stored: the version that wrote it and its path from the root (depth plus the
 * first {@code depth} bits of any key hash below it). A node is written once under its key and
 * never changed, so old versions stay readable until pruning deletes their nodes.
 *
 * <p>Encoding: version (8 bytes, big-endian) || depth (2 bytes, big-endian) || path bits packed
 * most significant bit first into ceil(depth/8) bytes, unused low bits zero.
 */
public final class NodeKey {
  private final long version;
  private final int depth;
  private final byte[] path;

  private NodeKey(long version, int depth, byte[] path) {
    this.version = version;
    this.depth = depth;
    this.path = path;
  }

  /** The key of the node at {@code depth} on the path of {@code keyHash}, written at version. */
  public static NodeKey of(long version, byte[] keyHash, int depth) {
    if (depth < 0 || depth > MerkleHashing.KEY_BITS) {
      throw new IllegalArgumentException("depth out of range: " + depth);
    }
    byte[] path = Arrays.copyOf(keyHash, (depth + 7) >>> 3);
    if ((depth & 7) != 0) {
      path[path.length - 1] &= (byte) (0xFF << (8 - (depth & 7)));
    }
    return new NodeKey(version, depth, path);
  }

  public long version() {
    return version;
  }

  public int depth() {
    return depth;
  }

  public byte[] encode() {
    return ByteBuffer.allocate(10 + path.length)
        .putLong(version)
        .putShort((short) depth)
        .put(path)
        .array();
  }

  /** The version stored in an encoded node key, without decoding the rest. */
  public static long versionOf(byte[] encoded) {
    return ByteBuffer.wrap(encoded).getLong();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeKey other
        && version == other.version
        && depth == other.depth
        && Arrays.equals(path, other.path);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(version) * 31 + depth * 17 + Arrays.hashCode(path);
  }

  @Override
  public String toString() {
    return "NodeKey{v=" + version + ", depth=" + depth + "}";
  }
}
