package org.sprintchain.testnet.load;

import java.util.List;
import java.util.function.Consumer;
import org.sprintchain.client.CometRpcClient;

/**
 * Where a {@link LoadGenerator} gets its transactions. A source prepares one {@link TxStream} per
 * client thread, so a stateful source (accounts with sequences) never shares an account between
 * threads. The same generator drives the Sprintchain app ({@link TransferTxSource}) and CometBFT's
 * built-in kvstore ({@link KvStoreTxSource}), which is what makes the two figures comparable.
 */
public interface TxSource {
  /** A short name for reports, e.g. {@code "sprint-transfers"}. */
  String name();

  /**
   * Does any setup the streams need (creating and funding accounts, for example), bounded in time,
   * and returns one stream per client.
   *
   * @param rpc a node of the chain under load
   * @param clients how many client threads will send
   * @param progress receives one-line progress messages
   */
  List<TxStream> open(CometRpcClient rpc, int clients, Consumer<String> progress);
}
