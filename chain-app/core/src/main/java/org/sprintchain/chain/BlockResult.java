package org.sprintchain.chain;

import java.util.List;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.exec.TxResult;

/**
 * The result of FinalizeBlock: one result per tx, in block order, the app hash it yields, the
 * validator updates (a settled sprint) and the block-level events.
 */
public record BlockResult(
    List<TxResult> txResults,
    byte[] appHash,
    List<ValidatorUpdate> validatorUpdates,
    List<Event> events) {
  public BlockResult {
    txResults = List.copyOf(txResults);
    appHash = appHash.clone();
    validatorUpdates = List.copyOf(validatorUpdates);
    events = List.copyOf(events);
  }

  public BlockResult(List<TxResult> txResults, byte[] appHash) {
    this(txResults, appHash, List.of(), List.of());
  }

  @Override
  public byte[] appHash() {
    return appHash.clone();
  }
}
