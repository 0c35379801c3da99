package org.sprintchain.chain;

import java.util.List;
import org.sprintchain.chain.crypto.Address;

/**
 * The part of ABCI FinalizeBlock the app uses.
 *
 * @param height the block height
 * @param proposer the proposer's validator address, which is also its account address
 * @param txs the raw txs in block order
 * @param hash the block's hash ({@code RequestFinalizeBlock.hash}); sprint seeds come from it
 */
public record BlockRequest(long height, Address proposer, List<byte[]> txs, byte[] hash) {
  public BlockRequest {
    txs = List.copyOf(txs);
    hash = hash.clone();
  }

  /** A block whose hash the app does not need (no sprints): all zeros. */
  public BlockRequest(long height, Address proposer, List<byte[]> txs) {
    this(height, proposer, txs, new byte[32]);
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }
}
