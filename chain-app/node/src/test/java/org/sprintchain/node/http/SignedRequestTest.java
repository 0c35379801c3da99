package org.sprintchain.node.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.client.TxSender;
import org.sprintchain.proto.tx.v1.SignedTx;
import org.sprintchain.proto.tx.v1.TxBody;

class SignedRequestTest {
  private static EmbeddingRequest body(String model, String input, byte[] tx) {
    return EmbeddingRequest.parse(
        ("{\"model\":\""
                + model
                + "\",\"input\":\""
                + input
                + "\",\"sprint_signed_tx\":\""
                + Base64.getEncoder().encodeToString(tx)
                + "\"}")
            .getBytes(StandardCharsets.UTF_8));
  }

  private static ApiError refused(EmbeddingRequest r) {
    return assertThrows(ApiError.Failure.class, () -> SignedRequest.match(r, 1 << 20)).error();
  }

  @Test
  void matchingTxGivesThePayerAndMaxFee() {
    byte[] tx = InferenceHttpServerTest.request("synth", "héllo");
    SignedRequest s = SignedRequest.match(body("synth", "héllo", tx), 1 << 20);
    assertEquals(InferenceHttpServerTest.PAYER.address(), s.payer());
    assertEquals(100, s.maxFee());
    assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), s.input());
    assertEquals(InferenceHttpServerTest.hash(tx), s.txHash());
  }

  @Test
  void otherModelOrInputIsAMismatch() {
    byte[] tx = InferenceHttpServerTest.request("synth", "hello");
    assertEquals("tx_mismatch", refused(body("other", "hello", tx)).code());
    assertEquals("tx_mismatch", refused(body("synth", "hello!", tx)).code());
  }

  @Test
  void transferOrTwoMessagesIsAMismatch() throws Exception {
    byte[] send =
        TxSender.signSend(
            InferenceHttpServerTest.PAYER,
            "test",
            0,
            InferenceHttpServerTest.EXECUTOR.address(),
            5,
            1);
    assertEquals("tx_mismatch", refused(body("synth", "hello", send)).code());
    TxBody one =
        TxBody.parseFrom(
            SignedTx.parseFrom(InferenceHttpServerTest.request("synth", "hello")).getBody());
    byte[] two =
        TxSigner.sign(
            InferenceHttpServerTest.PAYER, one.toBuilder().addMsgs(one.getMsgs(0)).build());
    assertEquals("tx_mismatch", refused(body("synth", "hello", two)).code());
  }

  @Test
  void forgedSignatureOrGarbageIsInvalid() throws Exception {
    SignedTx signed = SignedTx.parseFrom(InferenceHttpServerTest.request("synth", "hello"));
    byte[] sig = signed.getSignature().toByteArray();
    sig[0] ^= 1;
    byte[] forged =
        signed.toBuilder()
            .setSignature(com.google.protobuf.ByteString.copyFrom(sig))
            .build()
            .toByteArray();
    ApiError e = refused(body("synth", "hello", forged));
    assertEquals(400, e.status());
    assertEquals("invalid_signed_tx", e.code());
    assertEquals("invalid_signed_tx", refused(body("synth", "hello", new byte[] {1, 2, 3})).code());
  }

  @Test
  void bodyShapeErrorsAre400() {
    for (String bad :
        new String[] {
          "[]",
          "{\"input\":\"x\",\"sprint_signed_tx\":\"AA==\"}",
          "{\"model\":\"m\",\"input\":[\"a\",\"b\"],\"sprint_signed_tx\":\"AA==\"}",
          "{\"model\":\"m\",\"input\":\"x\"}",
          "{\"model\":\"m\",\"input\":\"x\",\"sprint_signed_tx\":\"%%%\"}",
          "{\"model\":\"m\",\"input\":\"x\",\"sprint_signed_tx\":\"AA==\",\"extra\":1}",
          "{\"model\":\"m\",\"input\":\"x\",\"sprint_signed_tx\":\"AA==\",\"encoding_format\":\"x\"}"
        }) {
      ApiError e =
          assertThrows(
                  ApiError.Failure.class,
                  () -> EmbeddingRequest.parse(bad.getBytes(StandardCharsets.UTF_8)),
                  bad)
              .error();
      assertEquals(400, e.status(), bad);
    }
    EmbeddingRequest one =
        EmbeddingRequest.parse(
            "{\"model\":\"m\",\"input\":[\"x\"],\"sprint_signed_tx\":\"AA==\",\"encoding_format\":\"base64\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertEquals("x", one.input());
    assertTrue(one.base64());
  }
}
