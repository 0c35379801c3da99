package org.sprintchain.chain.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sprintchain.chain.inference.InferenceChain.FEE;
import static org.sprintchain.chain.inference.InferenceChain.PAYER;
import static org.sprintchain.chain.inference.InferenceChain.PRICE;
import static org.sprintchain.chain.inference.InferenceChain.assertAllOk;
import static org.sprintchain.chain.inference.InferenceChain.honestDigest;
import static org.sprintchain.chain.inference.InferenceChain.honestResult;
import static org.sprintchain.chain.inference.InferenceChain.request;
import static org.sprintchain.chain.inference.InferenceChain.text;
import static org.sprintchain.chain.inference.InferenceChain.verdict;
import static org.sprintchain.chain.inference.InferenceChain.wrongResult;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.exec.Event;

/** The market end to end: request, assignment, result, audit, dispute, timeout. */
class InferenceMarketTest {
  private static final byte[] INPUT = text("hello inference");
  private static final long UNITS = INPUT.length;

  @Test
  void aJobIsEscrowedAssignedAnsweredAndPaid() {
    InferenceChain chain = InferenceChain.start(3, p -> {});
    long before = InferenceChain.BALANCE;
    BlockResult r1 = chain.block(chain.tx(PAYER, request(INPUT, 1000)));
    assertAllOk(r1);
    assertEquals("inference_request", r1.txResults().get(0).events().get(1).type());
    assertEquals("PENDING", chain.status(0));
    assertEquals(before - 1000 - FEE, chain.balance(PAYER.address()));
    assertEquals(1000, chain.query("/inference/ledger").get("escrowed").asLong());
    chain.assertConserved();

    BlockResult r2 = chain.block();
    assertTrue(hasEvent(r2, "inference_assigned"));
    JsonNode job = chain.job(0);
    assertEquals("ASSIGNED", job.get("status").asText());
    assertEquals(2, job.get("assigned_height").asLong());
    assertEquals(6, job.get("deadline").asLong());
    Ed25519.KeyPair executor = chain.executorOf(0);
    JsonNode assigned = chain.query("/inference/assigned/" + executor.address());
    assertEquals(0, assigned.get("jobs").get(0).get("id").asLong());
    assertEquals(
        Base64.getEncoder().encodeToString(INPUT),
        assigned.get("jobs").get(0).get("input").asText());
    chain.assertConserved();

    long executorBefore = chain.balance(executor.address());
    assertAllOk(chain.block(chain.tx(executor, honestResult(0, INPUT))));
    long fee = UNITS * PRICE;
    assertEquals("SUBMITTED", chain.status(0));
    assertEquals(fee, chain.job(0).get("fee").asLong());
    assertEquals(before - fee - FEE, chain.balance(PAYER.address()), "unused escrow refunded");
    chain.assertConserved();

    BlockResult r4 = chain.block();
    assertTrue(hasEvent(r4, "inference_audit"));
    assertEquals("DONE", chain.status(0));
    assertEquals(executorBefore - FEE + fee, chain.balance(executor.address()));
    assertEquals(1, chain.query("/inference/executor/" + executor.address()).get("done").asLong());
    assertEquals(0, chain.query("/inference/ledger").get("escrowed").asLong());
    chain.assertConserved();
  }

  @Test
  void theFeeIsCappedAtMaxFee() {
    InferenceChain chain = InferenceChain.start(3, p -> {});
    chain.block(chain.tx(PAYER, request(INPUT, 7)));
    chain.block();
    assertAllOk(chain.block(chain.tx(chain.executorOf(0), honestResult(0, INPUT))));
    assertEquals(7, chain.job(0).get("fee").asLong());
    chain.block();
    assertEquals("DONE", chain.status(0));
    chain.assertConserved();
  }

  @Test
  void aJobWithoutAResultTimesOutRefundedInFull() {
    InferenceChain chain = InferenceChain.start(3, p -> {});
    long before = InferenceChain.BALANCE;
    chain.block(chain.tx(PAYER, request(INPUT, 500)));
    chain.block();
    Ed25519.KeyPair executor = chain.executorOf(0);
    long deadline = chain.job(0).get("deadline").asLong();
    while (chain.height() < deadline - 1) {
      chain.block();
      assertEquals("ASSIGNED", chain.status(0));
    }
    BlockResult last = chain.block();
    assertTrue(hasEvent(last, "inference_refund"));
    assertEquals("TIMED_OUT", chain.status(0));
    assertEquals(before - FEE, chain.balance(PAYER.address()), "refunded in full");
    assertEquals(1000 - 50, chain.deposit(executor.address()), "liveness penalty");
    assertEquals(50, chain.burned());
    JsonNode stats = chain.query("/inference/executor/" + executor.address());
    assertEquals(1, stats.get("timeouts").asLong());
    assertTrue(stats.get("bad_history").asBoolean());
    chain.assertConserved();
  }

  @Test
  void aWrongOutputIsCaughtByAuditTheExecutorSlashedAndThePayerRefunded() {
    InferenceChain chain = InferenceChain.start(4, p -> p.put("audit_rate_bps", 10_000));
    long before = InferenceChain.BALANCE;
    chain.block(chain.tx(PAYER, request(INPUT, 1000)));
    chain.block();
    Ed25519.KeyPair cheat = chain.executorOf(0);
    assertAllOk(chain.block(chain.tx(cheat, wrongResult(0, INPUT))));
    BlockResult sampled = chain.block();
    assertTrue(hasEvent(sampled, "inference_audit"));
    assertEquals("AUDITING", chain.status(0));
    List<Ed25519.KeyPair> auditors = chain.auditorsOf(0);
    assertEquals(2, auditors.size());
    auditors.forEach(a -> assertNotEquals(cheat.address(), a.address()));
    JsonNode todo = chain.query("/inference/audits/" + auditors.get(0).address());
    assertEquals(0, todo.get("jobs").get(0).get("id").asLong());
    long[] auditorBefore = {
      chain.balance(auditors.get(0).address()), chain.balance(auditors.get(1).address())
    };
    chain.assertConserved();

    BlockResult disputed =
        chain.block(
            chain.tx(auditors.get(0), verdict(0, honestDigest(INPUT))),
            chain.tx(auditors.get(1), verdict(0, honestDigest(INPUT))));
    assertAllOk(disputed);
    assertTrue(hasEvent(disputed, "inference_dispute"));
    assertEquals("FRAUD", chain.status(0));
    assertEquals(before - FEE, chain.balance(PAYER.address()), "payer refunded the whole fee");
    assertEquals(500, chain.deposit(cheat.address()), "fraud_slash_bps of the deposit");
    assertTrue(chain.query("/worker/" + cheat.address()).get("jailed_through").asLong() >= 1);
    // fee 75, executor share 80% = 60, auditors' pool 15, 7 each, paid out of the slash.
    assertEquals(auditorBefore[0] - FEE + 7, chain.balance(auditors.get(0).address()));
    assertEquals(auditorBefore[1] - FEE + 7, chain.balance(auditors.get(1).address()));
    assertEquals(500 - 14, chain.burned());
    assertEquals(1, chain.query("/inference/executor/" + cheat.address()).get("frauds").asLong());
    chain.assertConserved();
  }

  @Test
  void aLyingAuditorIsSlashedAndItsShareBurned() {
    InferenceChain chain = InferenceChain.start(4, p -> p.put("audit_rate_bps", 10_000));
    chain.block(chain.tx(PAYER, request(INPUT, 1000)));
    chain.block();
    Ed25519.KeyPair executor = chain.executorOf(0);
    assertAllOk(chain.block(chain.tx(executor, honestResult(0, INPUT))));
    chain.block();
    List<Ed25519.KeyPair> auditors = chain.auditorsOf(0);
    Ed25519.KeyPair liar = auditors.get(0);
    Ed25519.KeyPair honest = auditors.get(1);
    long executorBefore = chain.balance(executor.address());
    long honestBefore = chain.balance(honest.address());
    BlockResult r =
        chain.block(
            chain.tx(liar, verdict(0, Hashes.sha256(text("made up")))),
            chain.tx(honest, verdict(0, honestDigest(INPUT))));
    assertAllOk(r);
    assertEquals("DONE", chain.status(0));
    assertEquals(500, chain.deposit(liar.address()));
    assertEquals(1000, chain.deposit(executor.address()));
    assertEquals(honestBefore - FEE + 7, chain.balance(honest.address()));
    assertEquals(executorBefore + 75 - 7 - 7, chain.balance(executor.address()));
    assertEquals(500 + 7, chain.burned(), "the liar's slash and its share");
    assertEquals(
        1, chain.query("/inference/executor/" + liar.address()).get("false_verdicts").asLong());
    chain.assertConserved();
  }

  @Test
  void agreeingVerdictsSettleTheAuditAtOnce() {
    InferenceChain chain = InferenceChain.start(4, p -> p.put("audit_rate_bps", 10_000));
    chain.block(chain.tx(PAYER, request(INPUT, 1000)));
    chain.block();
    Ed25519.KeyPair executor = chain.executorOf(0);
    chain.block(chain.tx(executor, honestResult(0, INPUT)));
    chain.block();
    List<Ed25519.KeyPair> auditors = chain.auditorsOf(0);
    assertAllOk(chain.block(chain.tx(auditors.get(0), verdict(0, honestDigest(INPUT)))));
    assertEquals("AUDITING", chain.status(0));
    long executorBefore = chain.balance(executor.address());
    assertAllOk(chain.block(chain.tx(auditors.get(1), verdict(0, honestDigest(INPUT)))));
    assertEquals("DONE", chain.status(0));
    assertEquals(executorBefore + 75 - 14, chain.balance(executor.address()));
    chain.assertConserved();
  }

  @Test
  void aSilentAuditorForfeitsItsShareToTheExecutorAtTheAuditDeadline() {
    InferenceChain chain = InferenceChain.start(4, p -> p.put("audit_rate_bps", 10_000));
    chain.block(chain.tx(PAYER, request(INPUT, 1000)));
    chain.block();
    Ed25519.KeyPair executor = chain.executorOf(0);
    chain.block(chain.tx(executor, honestResult(0, INPUT)));
    chain.block();
    List<Ed25519.KeyPair> auditors = chain.auditorsOf(0);
    long executorBefore = chain.balance(executor.address());
    chain.block(chain.tx(auditors.get(0), verdict(0, honestDigest(INPUT))));
    long until = chain.job(0).get("audit_deadline").asLong();
    while (chain.height() < until) {
      chain.block();
    }
    assertEquals("DONE", chain.status(0));
    assertEquals(executorBefore + 75 - 7, chain.balance(executor.address()));
    chain.assertConserved();
  }

  @Test
  void theSameBlocksGiveTheSameExecutorsAndAppHash() {
    byte[][] hashes = new byte[2][];
    String[] executors = new String[2];
    for (int run = 0; run < 2; run++) {
      InferenceChain chain = InferenceChain.start(5, p -> {});
      chain.block(chain.tx(PAYER, request(INPUT, 100), request(text("second"), 100)));
      hashes[run] = chain.block().appHash();
      executors[run] = chain.job(0).get("executor").asText() + chain.job(1).get("executor");
    }
    assertArrayEquals(hashes[0], hashes[1]);
    assertEquals(executors[0], executors[1]);
  }

  @Test
  void withoutEligibleWorkersAJobIsRefunded() {
    InferenceChain chain = InferenceChain.start(0, p -> {});
    long before = InferenceChain.BALANCE;
    chain.block(chain.tx(PAYER, request(INPUT, 100)));
    BlockResult r = chain.block();
    assertTrue(hasEvent(r, "inference_refund"));
    assertEquals("UNSERVED", chain.status(0));
    assertEquals(before - FEE, chain.balance(PAYER.address()));
    chain.assertConserved();
  }

  static boolean hasEvent(BlockResult r, String type) {
    for (Event e : r.events()) {
      if (e.type().equals(type)) {
        return true;
      }
    }
    return r.txResults().stream()
        .anyMatch(t -> t.events().stream().anyMatch(e -> e.type().equals(type)));
  }
}
