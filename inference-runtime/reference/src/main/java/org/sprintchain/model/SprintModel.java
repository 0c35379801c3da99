package org.sprintchain.model;

import java.util.stream.Stream;

/**
 * A sprint model loaded for one seed: what the sprint worker and auditors call. Every backend gives
 * identical bytes; they differ only in speed. Weights stay resident until {@link #close()}.
 */
public interface SprintModel extends AutoCloseable {
  /** The model shape. */
  ModelParams params();

  /** The backend's name: scalar, vector or cuda. */
  String backend();

  /**
   * Scores every nonce of {@code range} for the worker key {@code pubkey}, in nonce order. The
   * stream is lazy and sequential: it computes a batch when the consumer reaches it, so a worker
   * can stop at the commit deadline by no longer pulling.
   */
  Stream<NonceDigest> score(byte[] pubkey, NonceRange range, ProgressListener progress);

  /** {@link #score(byte[], NonceRange, ProgressListener)} without progress reports. */
  default Stream<NonceDigest> score(byte[] pubkey, NonceRange range) {
    return score(pubkey, range, ProgressListener.NONE);
  }

  /** Recomputes one nonce with its per-layer activation hashes (audits and disputes). */
  ModelTrace recompute(byte[] pubkey, long nonce);

  /** Releases the weights (GPU memory for the CUDA backend). */
  @Override
  void close();
}
