package org.sprintchain.testnet.load;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgInferenceRequest;
import org.sprintchain.proto.tx.v1.TxBody;
import org.sprintchain.testnet.InferenceSetup;

/** The paid inference requests a load run sends: the synthetic model, a short distinct input. */
final class InferenceLoad {
  private InferenceLoad() {}

  static byte[] request(Ed25519.KeyPair payer, String chainId, long sequence, long fee, long n) {
    byte[] input =
        ("load request " + n + " from " + payer.address()).getBytes(StandardCharsets.UTF_8);
    return TxSigner.sign(
        payer,
        TxBody.newBuilder()
            .setChainId(chainId)
            .setSequence(sequence)
            .setFee(fee)
            .addMsgs(
                Msg.newBuilder()
                    .setInferenceRequest(
                        MsgInferenceRequest.newBuilder()
                            .setModelId(InferenceSetup.SYNTHETIC)
                            .setInput(ByteString.copyFrom(input))
                            .setMaxFee(TransferTxSource.INFERENCE_MAX_FEE)))
            .build());
  }
}
