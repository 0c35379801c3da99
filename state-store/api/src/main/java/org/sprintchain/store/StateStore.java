package org.sprintchain.store;

import java.util.Optional;

/**
 * An authenticated, versioned key-value store. Version {@code v} is the state after block {@code v}
 * has been committed; version 0 is the empty store.
 *
 * <p>Writes never touch the committed state directly: the caller stages a {@link WriteSet}, asks
 * for the root it would produce with {@link #prepare(WriteSet)} (FinalizeBlock needs the app hash
 * before Commit), and persists it atomically with {@link #commit(PreparedCommit)}. A crash at any
 * point leaves the last committed version whole.
 */
public interface StateStore extends AutoCloseable {

  /** The latest committed version, 0 when nothing was ever committed. */
  long latestVersion();

  /** Root hash (32 bytes) of the latest committed version. */
  byte[] rootHash();

  /** Root hash of a retained committed version. */
  byte[] rootHash(long version);

  /** Value of {@code key} at the latest committed version. */
  Optional<byte[]> get(byte[] key);

  /**
   * Value of {@code key} at a retained committed version.
   *
   * @throws VersionNotAvailableException when the version is pruned or not yet committed
   */
  Optional<byte[]> get(byte[] key, long version);

  /** Entries whose key starts with {@code prefix}, in unsigned lexicographic key order. */
  void iterate(byte[] prefix, long version, EntryVisitor visitor);

  /**
   * A Merkle proof of the value of {@code key} at a retained version (membership when the key is
   * present, non-membership otherwise), checkable with {@link ProofVerifier} against {@link
   * #rootHash(long)}.
   *
   * @throws VersionNotAvailableException when the version is pruned or not yet committed
   */
  Proof prove(byte[] key, long version);

  /**
   * Computes the root that committing {@code writes} as version {@code latestVersion()+1} gives.
   */
  PreparedCommit prepare(WriteSet writes);

  /**
   * Atomically persists a prepared write set as the next version.
   *
   * @throws IllegalStateException when {@code prepared} is not based on the latest version
   */
  void commit(PreparedCommit prepared);

  @Override
  void close();

  /** Receives entries in key order; returning false stops the iteration. */
  @FunctionalInterface
  interface EntryVisitor {
    boolean visit(byte[] key, byte[] value);
  }
}
