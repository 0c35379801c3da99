package org.sprintchain.node.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.tx.Transaction;
import org.sprintchain.chain.tx.TxDecoder;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgInferenceRequest;

/**
 * A request tx that pays for exactly the job the body asks for. The endpoint holds no keys: the
 * developer's signature over this tx is the authorisation, and the match below ensures the body
 * cannot ask for something else than what was signed (another model or input on someone's fee).
 */
record SignedRequest(Address payer, String modelId, byte[] input, long maxFee, String txHash) {
  SignedRequest {
    input = input.clone();
  }

  @Override
  public byte[] input() {
    return input.clone();
  }

  /**
   * Decodes and checks {@code request.signedTx()}: canonical, signature valid, exactly one message,
   * a MsgInferenceRequest whose model id and input (the UTF-8 of the body's input) are the body's.
   *
   * @param maxTxBytes the largest tx considered
   * @throws ApiError.Failure 400 naming the mismatch
   */
  static SignedRequest match(EmbeddingRequest request, int maxTxBytes) {
    Transaction tx;
    try {
      tx = new TxDecoder(maxTxBytes).decode(request.signedTx());
    } catch (TxRejectedException e) {
      throw ApiError.badRequest(
              "invalid_signed_tx", "'sprint_signed_tx' is not a valid signed tx: " + e.getMessage())
          .failure();
    }
    if (tx.body().getMsgsCount() != 1
        || tx.body().getMsgs(0).getSumCase() != Msg.SumCase.INFERENCE_REQUEST) {
      throw mismatch("the signed tx must hold exactly one MsgInferenceRequest");
    }
    MsgInferenceRequest msg = tx.body().getMsgs(0).getInferenceRequest();
    if (!msg.getModelId().equals(request.model())) {
      throw mismatch(
          "the signed tx requests model '"
              + msg.getModelId()
              + "', the body '"
              + request.model()
              + "'");
    }
    byte[] input = request.input().getBytes(StandardCharsets.UTF_8);
    if (!Arrays.equals(msg.getInput().toByteArray(), input)) {
      throw mismatch(
          "the signed tx's input ("
              + msg.getInput().size()
              + " bytes) is not the UTF-8 of the body's input ("
              + input.length
              + " bytes)");
    }
    return new SignedRequest(tx.signer(), msg.getModelId(), input, msg.getMaxFee(), tx.hashHex());
  }

  private static ApiError.Failure mismatch(String message) {
    return ApiError.badRequest("tx_mismatch", message).failure();
  }
}
