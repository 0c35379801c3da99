package org.sprintchain.client;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgSend;
import org.sprintchain.proto.tx.v1.TxBody;

/**
 * Builds, signs and submits transfers, then waits for their block by polling {@code /tx?hash=}. The
 * chain id comes from the node's {@code /status} and the sequence from {@code /account}.
 */
public final class TxSender {
  public static final Duration DEFAULT_INCLUSION_TIMEOUT = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 100;

  private final CometRpcClient rpc;
  private final ChainQueries queries;
  private final Duration inclusionTimeout;
  private String chainId;

  public TxSender(CometRpcClient rpc) {
    this(rpc, DEFAULT_INCLUSION_TIMEOUT);
  }

  public TxSender(CometRpcClient rpc, Duration inclusionTimeout) {
    this.rpc = rpc;
    this.queries = new ChainQueries(rpc);
    this.inclusionTimeout = inclusionTimeout;
  }

  /** The chain id the node reports (cached after the first call). */
  public synchronized String chainId() {
    if (chainId == null) {
      chainId = rpc.status().network();
    }
    return chainId;
  }

  /**
   * Sends {@code amount} from {@code from} to {@code to} with the account's current sequence, and
   * waits for inclusion. A tx the mempool refuses comes back with {@code included == false}.
   *
   * @throws RpcException when the node cannot be reached or the tx is not included in time
   */
  public TxOutcome send(Ed25519.KeyPair from, Address to, long amount, long fee) {
    long sequence = queries.account(from.address()).sequence();
    return submit(signSend(from, chainId(), sequence, to, amount, fee));
  }

  /** Broadcasts already signed tx bytes and waits for inclusion. */
  public TxOutcome submit(byte[] signedTx) {
    BroadcastResult check = rpc.broadcastTxSync(signedTx);
    if (!check.accepted()) {
      return TxOutcome.refused(check);
    }
    return TxOutcome.included(awaitInclusion(check.hash(), inclusionTimeout));
  }

  /**
   * Polls {@code /tx?hash=} until the tx is in a block.
   *
   * @throws RpcException when it is not included within {@code timeout}
   */
  public TxResult awaitInclusion(String hash, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<TxResult> result = rpc.tx(hash);
      if (result.isPresent()) {
        return result.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new RpcException(
            "tx "
                + hash
                + " was accepted into the mempool of "
                + rpc.url()
                + " but is not in a block after "
                + timeout.toSeconds()
                + " s");
      }
      try {
        TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RpcException("interrupted while waiting for tx " + hash, e);
      }
    }
  }

  /** Encodes and signs a one-message MsgSend transaction. */
  public static byte[] signSend(
      Ed25519.KeyPair from, String chainId, long sequence, Address to, long amount, long fee) {
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be positive, got " + amount);
    }
    if (fee < 0) {
      throw new IllegalArgumentException("fee must not be negative, got " + fee);
    }
    TxBody body =
        TxBody.newBuilder()
            .setChainId(chainId)
            .setSequence(sequence)
            .setFee(fee)
            .addMsgs(
                Msg.newBuilder()
                    .setSend(
                        MsgSend.newBuilder()
                            .setTo(ByteString.copyFrom(to.toBytes()))
                            .setAmount(amount)))
            .build();
    return TxSigner.sign(from, body);
  }
}
