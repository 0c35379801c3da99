package org.sprintchain.chain;

import java.util.List;
import org.sprintchain.chain.crypto.Address;

/**
 * The part of ABCI FinalizeBlock the app uses.
 *
 * @param height the block height
 * @param proposer the proposer's validator address, which is also its account address
 * @param txs the raw txs in block order
 */
public record BlockRequest(long height, Address proposer, List<byte[]> txs) {
  public BlockRequest {
    txs = List.copyOf(txs);
  }
}
