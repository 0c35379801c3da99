package org.sprintchain.pocw.commit;

import java.util.Arrays;
import java.util.HexFormat;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.Sha256;

/**
 * What MsgSprintCommit puts on chain: the number of winners and the root. The root binds the count:
 *
 * <pre>root = SHA-256(0x02 ‖ u64be(count) ‖ top)</pre>
 *
 * where {@code top} is the hash of the tree's top node ({@link WinnerTree}). The count fixes the
 * tree's shape (which levels promote), and without this binding a proof for a tree of 5 leaves
 * would also verify under a claimed count of 6, where the paths happen to have the same shape.
 *
 * @param count winners committed, at least 1
 * @param root the 32-byte root
 */
public record WinnerCommitment(long count, byte[] root) {
  /** Copies and checks. */
  public WinnerCommitment {
    if (count < 1) {
      throw new IllegalArgumentException("count " + count + " < 1");
    }
    if (root.length != Sha256.LENGTH) {
      throw new IllegalArgumentException("root: " + root.length + " bytes, not 32");
    }
    root = root.clone();
  }

  /** Domain byte of the root. */
  public static final byte ROOT_PREFIX = 0x02;

  /** The commitment of a tree with {@code count} leaves and top node hash {@code top}. */
  public static WinnerCommitment of(long count, byte[] top) {
    return new WinnerCommitment(count, rootOf(count, top));
  }

  /** {@code SHA-256(0x02 ‖ u64be(count) ‖ top)}. */
  public static byte[] rootOf(long count, byte[] top) {
    return Sha256.of(new byte[] {ROOT_PREFIX}, BigEndian.u64(count), top);
  }

  /** A copy of the root. */
  @Override
  public byte[] root() {
    return root.clone();
  }

  /** The root in lower-case hex. */
  public String rootHex() {
    return HexFormat.of().formatHex(root);
  }

  boolean hasTop(byte[] top) {
    return Arrays.equals(root, rootOf(count, top));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WinnerCommitment other
        && count == other.count
        && Arrays.equals(root, other.root);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Arrays.hashCode(root);
  }

  @Override
  public String toString() {
    return "WinnerCommitment[" + count + ", " + rootHex() + "]";
  }
}
