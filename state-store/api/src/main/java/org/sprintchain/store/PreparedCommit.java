package org.sprintchain.store;

/**
 * A write set together with the version it produces and the root it yields. Obtained from {@link
 * StateStore#prepare(WriteSet)}; implementations may attach the nodes they computed so that commit
 * does not hash twice.
 */
public interface PreparedCommit {
  /** The version this commit creates. */
  long version();

  /** The root hash of {@link #version()} once committed. */
  byte[] rootHash();

  /** The staged writes. */
  WriteSet writes();
}
