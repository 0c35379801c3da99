package org.sprintchain.model;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns "score a batch of nonces" into the lazy {@link SprintModel#score} stream. Backends supply
 * the batch computation; inputs are derived here so that every backend sees the same tokens.
 */
public abstract class BatchScoringModel implements SprintModel {
  private final ModelParams params;
  private final byte[] seed;
  private final int batchSize;

  protected BatchScoringModel(ModelParams params, byte[] seed, int batchSize) {
    if (seed.length != 32) {
      throw new IllegalArgumentException("seed must be 32 bytes, got " + seed.length);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize);
    }
    this.params = params;
    this.seed = seed.clone();
    this.batchSize = batchSize;
  }

  @Override
  public final ModelParams params() {
    return params;
  }

  /** The sprint seed (a copy). */
  protected final byte[] seed() {
    return seed.clone();
  }

  /** Digests of the nonces whose tokens are {@code tokens} (at most the batch size). */
  protected abstract List<byte[]> digests(int[][] tokens);

  /** Digest and layer hashes of one nonce. */
  protected abstract ModelTrace trace(int[] tokens);

  @Override
  public final ModelTrace recompute(byte[] pubkey, long nonce) {
    return trace(InputTokens.of(params, seed, pubkey, nonce));
  }

  @Override
  public final Stream<NonceDigest> score(
      byte[] pubkey, NonceRange range, ProgressListener progress) {
    byte[] key = pubkey.clone();
    Spliterator<NonceDigest> batches =
        new Spliterators.AbstractSpliterator<>(
            range.count(), Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED) {
          private final ArrayDeque<NonceDigest> ready = new ArrayDeque<>();
          private long next = range.first();

          @Override
          public boolean tryAdvance(Consumer<? super NonceDigest> action) {
            if (ready.isEmpty() && next < range.end()) {
              int n = (int) Math.min(batchSize, range.end() - next);
              int[][] tokens = new int[n][];
              for (int i = 0; i < n; i++) {
                tokens[i] = InputTokens.of(params, seed, key, next + i);
              }
              List<byte[]> out = digests(tokens);
              for (int i = 0; i < n; i++) {
                ready.add(new NonceDigest(next + i, out.get(i)));
              }
              next += n;
              progress.onProgress(next - range.first(), range.count());
            }
            NonceDigest head = ready.poll();
            if (head == null) {
              return false;
            }
            action.accept(head);
            return true;
          }
        };
    return StreamSupport.stream(batches, false);
  }
}
