package org.sprintchain.chain;

import java.util.List;
import org.sprintchain.chain.exec.TxResult;

/** The result of FinalizeBlock: one result per tx, in block order, and the app hash it yields. */
public record BlockResult(List<TxResult> txResults, byte[] appHash) {
  public BlockResult {
    txResults = List.copyOf(txResults);
    appHash = appHash.clone();
  }

  @Override
  public byte[] appHash() {
    return appHash.clone();
  }
}
