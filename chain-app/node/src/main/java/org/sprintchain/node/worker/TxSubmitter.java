package org.sprintchain.node.worker;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.client.BroadcastResult;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.TxBody;

/**
 * Signs the worker's messages with the node's key and hands them to the node's mempool. It keeps
 * its own next sequence so several txs can wait in the mempool at once, and falls back to the
 * committed sequence when the mempool says it is off (a tx was evicted, or the node restarted).
 */
final class TxSubmitter {
  private static final Logger LOG = LoggerFactory.getLogger(TxSubmitter.class);

  private final CometRpcClient rpc;
  private final ChainView view;
  private final Ed25519.KeyPair key;
  private final String chainId;
  private final long fee;
  private long nextSequence;

  TxSubmitter(CometRpcClient rpc, ChainView view, Ed25519.KeyPair key, String chainId, long fee) {
    this.rpc = rpc;
    this.view = view;
    this.key = key;
    this.chainId = chainId;
    this.fee = fee;
  }

  /** Broadcasts one message; returns the tx hash when the mempool took it. */
  synchronized Optional<String> send(String what, Msg msg) {
    for (int attempt = 0; attempt < 2; attempt++) {
      long committed = view.sequence(key.address());
      long sequence = attempt == 0 ? Math.max(committed, nextSequence) : committed;
      TxBody body =
          TxBody.newBuilder()
              .setChainId(chainId)
              .setSequence(sequence)
              .setFee(fee)
              .addMsgs(msg)
              .build();
      BroadcastResult result = rpc.broadcastTxSync(TxSigner.sign(key, body));
      if (result.accepted()) {
        nextSequence = sequence + 1;
        LOG.debug("Sent {} (sequence {}, tx {})", what, sequence, result.hash());
        return Optional.of(result.hash());
      }
      boolean sequenceOff =
          result.code() == RejectReason.FUTURE_SEQUENCE.code()
              || result.code() == RejectReason.STALE_SEQUENCE.code();
      if (!sequenceOff) {
        LOG.warn("The node refused {}: code {} {}", what, result.code(), result.log());
        return Optional.empty();
      }
      nextSequence = committed;
    }
    LOG.warn("The node refused {} twice for its sequence; will retry", what);
    return Optional.empty();
  }
}
