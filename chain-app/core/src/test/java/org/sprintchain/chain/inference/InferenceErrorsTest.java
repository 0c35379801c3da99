package org.sprintchain.chain.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sprintchain.chain.inference.InferenceChain.FEE;
import static org.sprintchain.chain.inference.InferenceChain.PAYER;
import static org.sprintchain.chain.inference.InferenceChain.POOR;
import static org.sprintchain.chain.inference.InferenceChain.assertAllOk;
import static org.sprintchain.chain.inference.InferenceChain.honestDigest;
import static org.sprintchain.chain.inference.InferenceChain.honestResult;
import static org.sprintchain.chain.inference.InferenceChain.request;
import static org.sprintchain.chain.inference.InferenceChain.result;
import static org.sprintchain.chain.inference.InferenceChain.text;
import static org.sprintchain.chain.inference.InferenceChain.verdict;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.exec.TxResult;
import org.sprintchain.chain.query.QueryError;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.proto.tx.v1.Msg;

/**
 * Every refusal of every inference message. A refused message in a block costs its signer the fee
 * and the sequence and nothing else: the app hash equals that of the same block with a no-op tx of
 * the same fee and sequence in its place. CheckTx refuses it with the same code.
 */
class InferenceErrorsTest {
  private static final byte[] INPUT = text("some input");
  private InferenceChain chain;

  private void assertRefused(RejectReason reason, Ed25519.KeyPair signer, Msg bad) {
    long seq = chain.nextSequence(signer.address());
    byte[] tx = InferenceChain.sign(signer, seq, FEE, List.of(bad));
    TxResult checked = chain.app.checkTx(tx);
    BlockResult refused = chain.tryBlock(List.of(tx));
    TxResult r = refused.txResults().get(0);
    assertEquals(reason.code(), r.code(), r.log());
    Msg noop = InferenceChain.noop(signer.address());
    BlockResult control =
        chain.tryBlock(List.of(InferenceChain.sign(signer, seq, FEE, List.of(noop))));
    assertEquals(0, control.txResults().get(0).code());
    assertArrayEquals(control.appHash(), refused.appHash(), reason + ": only fee and sequence");
    assertEquals(reason.code(), checked.code(), "CheckTx: " + checked.log());
  }

  @Test
  void codesAreDistinctAndFromFifty() {
    assertEquals(50, RejectReason.INFERENCE_DISABLED.code());
    assertEquals(
        RejectReason.values().length,
        java.util.Arrays.stream(RejectReason.values())
            .mapToInt(RejectReason::code)
            .distinct()
            .count());
  }

  @Test
  void inferenceMessagesAreRefusedOnAChainWithoutInference() {
    ChainApplication app = ChainTestData.startedChain(1000);
    byte[] tx =
        TxSigner.sign(
            ChainTestData.key(0), ChainTestData.body(0, 1).addMsgs(request(INPUT, 10)).build());
    BlockResult r = ChainTestData.commitBlock(app, 0, tx);
    assertEquals(RejectReason.INFERENCE_DISABLED.code(), r.txResults().get(0).code());
  }

  @Test
  void everyRefusal() {
    chain = InferenceChain.start(4, p -> p.put("audit_rate_bps", 10_000));
    // requests
    assertRefused(RejectReason.UNKNOWN_MODEL, PAYER, request("nope", INPUT, 10));
    assertRefused(RejectReason.UNKNOWN_MODEL, PAYER, request("NOT VALID", INPUT, 10));
    assertRefused(RejectReason.BAD_INFERENCE_INPUT, PAYER, request(new byte[0], 10));
    assertRefused(RejectReason.BAD_INFERENCE_INPUT, PAYER, request(new byte[65], 10));
    assertRefused(RejectReason.BAD_MAX_FEE, PAYER, request(INPUT, 0));
    assertRefused(RejectReason.INSUFFICIENT_FUNDS, POOR, request(INPUT, 8));
    assertRefused(RejectReason.INSUFFICIENT_FUNDS, PAYER, request(INPUT, -1));
    assertRefused(RejectReason.NO_SUCH_JOB, PAYER, honestResult(0, INPUT));

    // jobs 0 (synth) and 1 (pricey), assigned in block 2
    assertAllOk(
        chain.block(
            chain.tx(PAYER, request(INPUT, 1000)),
            chain.tx(PAYER, request(InferenceChain.PRICEY, text("abc"), 1000))));
    chain.block();
    Ed25519.KeyPair executor = chain.executorOf(0);
    Ed25519.KeyPair other =
        chain.workers.stream().filter(w -> !w.equals(executor)).findFirst().orElseThrow();
    byte[] out = SyntheticModel.run(InferenceChain.SEED, INPUT);
    assertRefused(RejectReason.NOT_EXECUTOR, other, honestResult(0, INPUT));
    assertRefused(
        RejectReason.BAD_OUTPUT_DIGEST, executor, result(0, out, Hashes.sha256(INPUT), 10));
    assertRefused(RejectReason.BAD_OUTPUT_DIGEST, executor, result(0, out, new byte[31], 10));
    assertRefused(RejectReason.BAD_UNITS, executor, result(0, out, Hashes.sha256(out), 0));
    assertRefused(RejectReason.BAD_UNITS, executor, result(0, out, Hashes.sha256(out), 11));
    Ed25519.KeyPair priceyExecutor = chain.executorOf(1);
    byte[] pOut = SyntheticModel.run(InferenceChain.SEED, text("abc"));
    assertRefused(RejectReason.BAD_UNITS, priceyExecutor, result(1, pOut, Hashes.sha256(pOut), 3));
    // verdicts before any audit
    assertRefused(RejectReason.AUDIT_CLOSED, other, verdict(0, honestDigest(INPUT)));

    // job 0 answered in block 3, sampled in block 4
    assertAllOk(chain.block(chain.tx(executor, honestResult(0, INPUT))));
    assertRefused(RejectReason.JOB_NOT_ASSIGNED, executor, honestResult(0, INPUT));
    chain.block();
    List<Ed25519.KeyPair> auditors = chain.auditorsOf(0);
    Ed25519.KeyPair outsider =
        chain.workers.stream()
            .filter(w -> !w.equals(executor) && !auditors.contains(w))
            .findFirst()
            .orElseThrow();
    assertRefused(RejectReason.NOT_JOB_AUDITOR, outsider, verdict(0, honestDigest(INPUT)));
    assertRefused(RejectReason.NOT_JOB_AUDITOR, executor, verdict(0, honestDigest(INPUT)));
    assertRefused(RejectReason.BAD_OUTPUT_DIGEST, auditors.get(0), verdict(0, new byte[5]));
    assertRefused(RejectReason.NO_SUCH_JOB, auditors.get(0), verdict(7, honestDigest(INPUT)));
    assertAllOk(chain.block(chain.tx(auditors.get(0), verdict(0, honestDigest(INPUT)))));
    assertRefused(RejectReason.DUPLICATE_VERDICT, auditors.get(0), verdict(0, honestDigest(INPUT)));

    // job 1 times out at its deadline; a result in the deadline block is too late
    long deadline = chain.job(1).get("deadline").asLong();
    while (chain.height() < deadline - 1) {
      chain.block();
    }
    assertRefused(
        RejectReason.DEADLINE_PASSED, priceyExecutor, result(1, pOut, Hashes.sha256(pOut), 3));
    chain.block();
    assertEquals("TIMED_OUT", chain.status(1));
    // the audit of job 0 closes at its deadline too
    long auditDeadline = chain.job(0).get("audit_deadline").asLong();
    while (chain.height() < auditDeadline - 1) {
      chain.block();
    }
    assertRefused(RejectReason.AUDIT_CLOSED, auditors.get(1), verdict(0, honestDigest(INPUT)));
    chain.block();
    assertEquals("DONE", chain.status(0));
    chain.assertConserved();
  }

  @Test
  void checkTxChainsEscrowsOfOneSigner() {
    chain = InferenceChain.start(3, p -> {});
    chain.block();
    long balance = chain.balance(POOR.address()); // 10
    assertEquals(10, balance);
    byte[] first = InferenceChain.sign(POOR, 0, 1, List.of(request(INPUT, 5)));
    byte[] second = InferenceChain.sign(POOR, 1, 1, List.of(request(INPUT, 5)));
    assertEquals(0, chain.app.checkTx(first).code());
    assertEquals(RejectReason.INSUFFICIENT_FUNDS.code(), chain.app.checkTx(second).code());
  }

  @Test
  void badQueryArguments() {
    chain = InferenceChain.start(3, p -> {});
    chain.block();
    assertEquals(QueryError.BAD_ARGUMENT.code(), chain.app.query("/inference/job/x", 0).code());
    assertEquals(QueryError.BAD_ARGUMENT.code(), chain.app.query("/inference/job/9", 0).code());
    assertEquals(
        QueryError.BAD_ARGUMENT.code(), chain.app.query("/inference/assigned/spr1bad", 0).code());
    assertEquals(2, chain.query("/inference/models").get("models").size());
    assertEquals(4, chain.query("/inference/params").get("timeout_blocks").asLong());
    ChainApplication plain = ChainTestData.startedChain(1000);
    ChainTestData.commitBlock(plain, 0);
    assertEquals(QueryError.BAD_ARGUMENT.code(), plain.query("/inference/params", 0).code());
  }
}
