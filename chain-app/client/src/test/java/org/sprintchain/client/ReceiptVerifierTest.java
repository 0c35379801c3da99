package org.sprintchain.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job run to completion on the real core; its receipt checked through a CometBFT-shaped stub,
 * then every field tampered with in turn must fail its check.
 */
class ReceiptVerifierTest {
  private InferenceTestNode node;
  private CometRpcClient rpc;
  private InferenceReceipt receipt;
  private final byte[] input = "hello sprint".getBytes(StandardCharsets.UTF_8);

  @BeforeEach
  void settledJob() throws Exception {
    node = new InferenceTestNode();
    rpc = new CometRpcClient(node.rpc.url(), Duration.ofSeconds(5));
    byte[] request =
        InferenceTxs.signRequest(
            InferenceTestNode.PAYER,
            InferenceTestNode.CHAIN_ID,
            0,
            1,
            InferenceTestNode.MODEL,
            input,
            500);
    assertEquals(0, node.block(request).txResults().get(0).code());
    node.block(); // assigns the executor
    InferenceClient inference = new InferenceClient(rpc);
    long id = Long.parseLong(requestId(request));
    InferenceJob assigned = inference.job(id);
    assertEquals("ASSIGNED", assigned.status());
    byte[] result = node.honestResult(assigned);
    assertEquals(0, node.block(result).txResults().get(0).code());
    node.block(); // not sampled: settles
    node.block(); // the header after the result height exists
    InferenceJob done = inference.job(id);
    assertEquals("DONE", done.status());
    receipt =
        InferenceReceipt.of(done, InferenceTestNode.hash(request), InferenceTestNode.hash(result));
  }

  private String requestId(byte[] request) {
    return rpc.tx(InferenceTestNode.hash(request)).orElseThrow().events().stream()
        .filter(e -> e.type().equals("inference_request"))
        .findFirst()
        .orElseThrow()
        .attribute("id")
        .orElseThrow();
  }

  @AfterEach
  void close() {
    rpc.close();
    node.close();
  }

  private ReceiptVerifier.Report verify(InferenceReceipt r) {
    return new ReceiptVerifier(rpc, Duration.ofSeconds(2)).verify(r);
  }

  @Test
  void honestReceiptVerifies() {
    ReceiptVerifier.Report report = verify(receipt);
    assertTrue(report.valid(), report.checks().toString());
    assertEquals(
        List.of(
            "proof",
            "payer",
            "executor",
            "model",
            "request_height",
            "result_height",
            "units",
            "fee",
            "max_fee",
            "output_digest",
            "output",
            "request_tx"),
        report.checks().stream().map(ReceiptVerifier.Check::name).toList());
    assertArrayEquals(InferenceTestNode.synthetic(input), report.output().orElseThrow());
    assertEquals("SUBMITTED", report.proven().orElseThrow().value().status());
    assertEquals(input.length * 2L, receipt.fee());
    assertEquals(500 - receipt.fee(), receipt.refund());
  }

  @Test
  void outputIsFoundInTheResultBlockWithoutATxIndex() {
    InferenceJob done = new InferenceClient(rpc).job(receipt.requestId());
    InferenceClient.ResultOutput out = new InferenceClient(rpc).result(done).orElseThrow();
    assertEquals(receipt.resultTx(), out.txHash());
    assertArrayEquals(InferenceTestNode.synthetic(input), out.output());
  }

  @Test
  void receiptSurvivesItsJson() {
    assertEquals(receipt, InferenceReceipt.fromJson(receipt.toJson()));
  }

  @Test
  void eachTamperedFieldFailsItsCheck() {
    assertFailed(verify(withFee(receipt, receipt.fee() - 1)), "fee");
    assertFailed(
        verify(with(receipt, receipt.executor(), receipt.payer(), receipt.outputDigest())),
        "executor");
    assertFailed(
        verify(with(receipt, receipt.payer(), receipt.executor(), "00".repeat(32))),
        "output_digest");
  }

  @Test
  void someoneElsesTxsFail() {
    InferenceReceipt swapped =
        new InferenceReceipt(
            receipt.requestId(),
            receipt.model(),
            receipt.resultTx(),
            receipt.requestHeight(),
            receipt.requestTx(),
            receipt.resultHeight(),
            receipt.payer(),
            receipt.executor(),
            receipt.units(),
            receipt.fee(),
            receipt.maxFee(),
            receipt.refund(),
            receipt.outputDigest(),
            receipt.sampled(),
            receipt.status(),
            receipt.verdicts());
    ReceiptVerifier.Report report = verify(swapped);
    assertFailed(report, "result_tx");
    assertFailed(report, "request_tx");
  }

  @Test
  void aNodeThatLiesAboutTheJobFailsTheProof() {
    node.answerTamper = json -> json.replace("\"fee\":" + receipt.fee(), "\"fee\":1");
    ReceiptVerifier.Report report = verify(withFee(receipt, 1));
    assertFailed(report, "proof");
    assertEquals(1, report.checks().size(), "nothing is checked against an unproven record");
  }

  @Test
  void aJobThatDoesNotExistFailsTheProof() {
    InferenceReceipt other = withFee(receipt, receipt.fee());
    other =
        new InferenceReceipt(
            99,
            other.model(),
            other.requestTx(),
            other.requestHeight(),
            other.resultTx(),
            other.resultHeight(),
            other.payer(),
            other.executor(),
            other.units(),
            other.fee(),
            other.maxFee(),
            other.refund(),
            other.outputDigest(),
            other.sampled(),
            other.status(),
            other.verdicts());
    assertFailed(verify(other), "proof");
  }

  private static void assertFailed(ReceiptVerifier.Report report, String check) {
    assertFalse(report.valid());
    assertTrue(
        report.checks().stream().anyMatch(c -> c.name().equals(check) && !c.ok()),
        check + " should fail: " + report.checks());
  }

  private static InferenceReceipt withFee(InferenceReceipt r, long fee) {
    return new InferenceReceipt(
        r.requestId(),
        r.model(),
        r.requestTx(),
        r.requestHeight(),
        r.resultTx(),
        r.resultHeight(),
        r.payer(),
        r.executor(),
        r.units(),
        fee,
        r.maxFee(),
        r.refund(),
        r.outputDigest(),
        r.sampled(),
        r.status(),
        r.verdicts());
  }

  private static InferenceReceipt with(
      InferenceReceipt r, String payer, String executor, String digest) {
    return new InferenceReceipt(
        r.requestId(),
        r.model(),
        r.requestTx(),
        r.requestHeight(),
        r.resultTx(),
        r.resultHeight(),
        payer,
        executor,
        r.units(),
        r.fee(),
        r.maxFee(),
        r.refund(),
        digest,
        r.sampled(),
        r.status(),
        r.verdicts());
  }
}
