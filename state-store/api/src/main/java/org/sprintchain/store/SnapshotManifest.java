package org.sprintchain.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sprintchain.store.merkle.MerkleHashing;

/**
 * What a state-sync snapshot holds: the version, the root hash it rebuilds, and the SHA-256 of each
 * chunk in order. Its encoding is CometBFT's {@code Snapshot.metadata}, its {@link #hash()} the
 * {@code Snapshot.hash}, {@link #FORMAT} the {@code Snapshot.format} and {@link #chunkCount()} the
 * {@code Snapshot.chunks}.
 *
 * <pre>
 * version 8 bytes big-endian | root 32 | chunk count 4 big-endian | chunk hash 32 per chunk
 * </pre>
 */
public record SnapshotManifest(long version, byte[] rootHash, List<byte[]> chunkHashes) {
  /** The snapshot format: chunk encoding and manifest layout. */
  public static final int FORMAT = 1;

  private static final int HASH = MerkleHashing.HASH_BYTES;

  public SnapshotManifest {
    if (version < 1) {
      throw new IllegalArgumentException("a snapshot is of a committed version >= 1");
    }
    if (rootHash == null || rootHash.length != HASH) {
      throw new IllegalArgumentException("root hash must be 32 bytes");
    }
    if (chunkHashes.isEmpty()) {
      throw new IllegalArgumentException("a snapshot has at least one chunk");
    }
    rootHash = rootHash.clone();
    List<byte[]> copy = new ArrayList<>(chunkHashes.size());
    for (byte[] h : chunkHashes) {
      if (h == null || h.length != HASH) {
        throw new IllegalArgumentException("chunk hashes must be 32 bytes");
      }
      copy.add(h.clone());
    }
    chunkHashes = List.copyOf(copy);
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The expected SHA-256 of chunk {@code index}. */
  public byte[] chunkHash(int index) {
    return chunkHashes.get(index).clone();
  }

  public int chunkCount() {
    return chunkHashes.size();
  }

  public byte[] encode() {
    ByteBuffer buf = ByteBuffer.allocate(8 + HASH + 4 + HASH * chunkHashes.size());
    buf.putLong(version).put(rootHash).putInt(chunkHashes.size());
    chunkHashes.forEach(buf::put);
    return buf.array();
  }

  /** SHA-256 of the encoding: identifies the snapshot. */
  public byte[] hash() {
    return MerkleHashing.valueHash(encode());
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a manifest encoding
   */
  public static SnapshotManifest decode(byte[] bytes) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      long version = buf.getLong();
      byte[] root = new byte[HASH];
      buf.get(root);
      int count = buf.getInt();
      if (count < 1 || count != buf.remaining() / HASH || buf.remaining() % HASH != 0) {
        throw new IllegalArgumentException("chunk count does not match the manifest length");
      }
      List<byte[]> hashes = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        byte[] h = new byte[HASH];
        buf.get(h);
        hashes.add(h);
      }
      return new SnapshotManifest(version, root, hashes);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated snapshot manifest", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnapshotManifest m && Arrays.equals(encode(), m.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "SnapshotManifest{version=" + version + ", chunks=" + chunkHashes.size() + "}";
  }
}
