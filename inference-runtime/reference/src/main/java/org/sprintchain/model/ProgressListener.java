package org.sprintchain.model;

/**
 * Told after every batch of a {@link SprintModel#score} stream. The model counts; the caller owns
 * the clock (the deterministic core has none), so it turns counts into nonces per second.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /** {@code done} of {@code total} nonces of the range have been scored. */
  void onProgress(long done, long total);
}
