package org.sprintchain.node.worker;

import java.net.URI;
import java.nio.file.Path;

/**
 * The sprint worker's settings.
 *
 * @param rpc this node's CometBFT RPC, where the worker reads state and sends its txs
 * @param keyFile the node's {@code priv_validator_key.json}: the consensus key is both the key the
 *     model inputs are bound to and the operator account that signs the worker's txs
 * @param computeShare the fraction of its speed the worker uses, in (0, 1]
 * @param nonceRate the most nonces per second at share 1 (0: no cap; the share is then a duty
 *     cycle). A cap makes testnet speeds independent of how busy the shared CPU is.
 * @param byzantine a misbehaviour, {@link ByzantineMode#NONE} for an honest worker
 * @param backend the model backend: auto, cpu, vector or cuda
 * @param statusFile where the worker writes its progress as JSON
 */
public record WorkerOptions(
    URI rpc,
    Path keyFile,
    double computeShare,
    long nonceRate,
    ByzantineMode byzantine,
    String backend,
    Path statusFile) {
  public WorkerOptions {
    if (!(computeShare > 0 && computeShare <= 1)) {
      throw new IllegalArgumentException("--compute-share must be in (0, 1], got " + computeShare);
    }
    if (nonceRate < 0) {
      throw new IllegalArgumentException("--nonce-rate must be >= 0, got " + nonceRate);
    }
  }
}
