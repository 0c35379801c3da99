package org.sprintchain.client;

import com.google.protobuf.ByteString;
import java.util.Optional;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.tx.Transaction;
import org.sprintchain.chain.tx.TxDecoder;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgInferenceRequest;
import org.sprintchain.proto.tx.v1.MsgInferenceResult;
import org.sprintchain.proto.tx.v1.TxBody;

/** Building inference requests and reading results out of tx bytes. */
public final class InferenceTxs {
  /** Large enough for any tx a node accepts; the chain applies its own {@code max_tx_bytes}. */
  private static final TxDecoder DECODER = new TxDecoder(64 << 20);

  private InferenceTxs() {}

  /** A result message found in a tx, with the tx's (signature-checked) signer. */
  public record ResultMsg(String signer, long units, byte[] output, byte[] outputDigest) {
    public ResultMsg {
      output = output.clone();
      outputDigest = outputDigest.clone();
    }

    @Override
    public byte[] output() {
      return output.clone();
    }

    @Override
    public byte[] outputDigest() {
      return outputDigest.clone();
    }
  }

  /** Encodes and signs a one-message MsgInferenceRequest transaction. */
  public static byte[] signRequest(
      Ed25519.KeyPair from,
      String chainId,
      long sequence,
      long fee,
      String modelId,
      byte[] input,
      long maxFee) {
    if (maxFee <= 0) {
      throw new IllegalArgumentException("max fee must be positive, got " + maxFee);
    }
    TxBody body =
        TxBody.newBuilder()
            .setChainId(chainId)
            .setSequence(sequence)
            .setFee(fee)
            .addMsgs(
                Msg.newBuilder()
                    .setInferenceRequest(
                        MsgInferenceRequest.newBuilder()
                            .setModelId(modelId)
                            .setInput(ByteString.copyFrom(input))
                            .setMaxFee(maxFee)))
            .build();
    return TxSigner.sign(from, body);
  }

  /**
   * The {@code MsgInferenceResult} for {@code requestId} in {@code tx}, if the tx decodes, its
   * signature holds and it carries one.
   */
  public static Optional<ResultMsg> resultIn(byte[] tx, long requestId) {
    Transaction decoded;
    try {
      decoded = DECODER.decode(tx);
    } catch (TxRejectedException e) {
      return Optional.empty();
    }
    for (Msg msg : decoded.body().getMsgsList()) {
      if (msg.hasInferenceResult() && msg.getInferenceResult().getRequestId() == requestId) {
        MsgInferenceResult r = msg.getInferenceResult();
        return Optional.of(
            new ResultMsg(
                decoded.signer().toString(),
                r.getUnits(),
                r.getOutput().toByteArray(),
                r.getOutputDigest().toByteArray()));
      }
    }
    return Optional.empty();
  }
}
