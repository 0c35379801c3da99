package org.sprintchain.store.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash rules of the state tree. Every node hash is SHA-256 over a one-byte domain tag followed
 * by fixed-size fields, so a leaf can never be passed off as an inner node or the other way round.
 *
 * <ul>
 *   <li>key hash = SHA-256(key), the 256-bit path of the key in the tree (most significant bit
 *       first);
 *   <li>value hash = SHA-256(value);
 *   <li>leaf = SHA-256(0x00 || keyHash || valueHash);
 *   <li>internal = SHA-256(0x01 || leftHash || rightHash);
 *   <li>empty subtree = 32 zero bytes, which is also the root of the empty store.
 * </ul>
 */
public final class MerkleHashing {
  public static final int HASH_BYTES = 32;
  public static final int KEY_BITS = HASH_BYTES * 8;
  static final byte LEAF_TAG = 0x00;
  static final byte INTERNAL_TAG = 0x01;

  private MerkleHashing() {}

  /** The root hash of a store with no entries (and the hash of any empty subtree). */
  public static byte[] emptyRoot() {
    return new byte[HASH_BYTES];
  }

  public static byte[] keyHash(byte[] key) {
    return sha256().digest(key);
  }

  public static byte[] valueHash(byte[] value) {
    return sha256().digest(value);
  }

  public static byte[] leafHash(byte[] keyHash, byte[] valueHash) {
    return leafHashScratch(keyHash, valueHash).clone();
  }

  public static byte[] internalHash(byte[] leftHash, byte[] rightHash) {
    return taggedHashScratch(INTERNAL_TAG, leftHash, rightHash).clone();
  }

  /** The leaf hash, in the per-thread scratch array (see {@link #internalHashScratch}). */
  static byte[] leafHashScratch(byte[] keyHash, byte[] valueHash) {
    return taggedHashScratch(LEAF_TAG, keyHash, valueHash);
  }

  /**
   * The internal hash of two subtrees, in a per-thread scratch array that the next hash on this
   * thread overwrites: read it at once.
   */
  static byte[] internalHashScratch(Subtree left, Subtree right) {
    byte[] input = input(INTERNAL_TAG);
    left.copyHash(input, 1);
    right.copyHash(input, 1 + HASH_BYTES);
    return digestScratch(input);
  }

  /** SHA-256(tag || a || b) for two 32-byte fields, in the per-thread scratch array. */
  private static byte[] taggedHashScratch(byte tag, byte[] a, byte[] b) {
    byte[] input = input(tag);
    System.arraycopy(a, 0, input, 1, HASH_BYTES);
    System.arraycopy(b, 0, input, 1 + HASH_BYTES, HASH_BYTES);
    return digestScratch(input);
  }

  private static byte[] input(byte tag) {
    byte[] input = SCRATCH.get().input;
    input[0] = tag;
    return input;
  }

  private static byte[] digestScratch(byte[] input) {
    Scratch scratch = SCRATCH.get();
    MessageDigest d = sha256();
    d.update(input, 0, input.length);
    try {
      d.digest(scratch.output, 0, HASH_BYTES);
    } catch (DigestException e) {
      throw new IllegalStateException("a 32-byte buffer holds a SHA-256 digest", e);
    }
    return scratch.output;
  }

  /** Bit {@code index} of a key hash, most significant bit of byte 0 first; true means right. */
  public static boolean bit(byte[] keyHash, int index) {
    return (keyHash[index >>> 3] & (0x80 >>> (index & 7))) != 0;
  }

  /** Whether two key hashes agree on their first {@code bits} bits. */
  public static boolean samePrefix(byte[] a, byte[] b, int bits) {
    for (int i = 0; i < bits; i++) {
      if (bit(a, i) != bit(b, i)) {
        return false;
      }
    }
    return true;
  }

  // A provider lookup per hash costs more than the hash itself; digest() resets for reuse.
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(MerkleHashing::newSha256);

  /** Per-thread buffers of the node hashes: the tagged 65-byte input and the digest. */
  private static final class Scratch {
    final byte[] input = new byte[1 + 2 * HASH_BYTES];
    final byte[] output = new byte[HASH_BYTES];
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static MessageDigest sha256() {
    return SHA256.get();
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
