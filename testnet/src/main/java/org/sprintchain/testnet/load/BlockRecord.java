package org.sprintchain.testnet.load;

import java.time.Instant;
import java.util.List;

/**
 * One block as the {@link BlockWatcher} saw it.
 *
 * @param height the block height
 * @param time the header time (CometBFT's BFT time)
 * @param appHash the header's app hash (the state after the previous block), upper-case hex
 * @param proposer the header's proposer address, upper-case hex
 * @param txHashes SHA-256 of each tx, upper-case hex, in block order
 * @param codes each tx's result code from {@code /block_results}, in block order
 * @param seenNanos {@link System#nanoTime()} when the watcher first saw the block
 */
public record BlockRecord(
    long height,
    Instant time,
    String appHash,
    String proposer,
    List<String> txHashes,
    List<Integer> codes,
    long seenNanos) {
  public BlockRecord {
    txHashes = List.copyOf(txHashes);
    codes = List.copyOf(codes);
  }

  public int txCount() {
    return txHashes.size();
  }
}
