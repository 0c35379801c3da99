package org.sprintchain.chain.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.pocw.commit.WinnerCommitment;

/**
 * CheckTx runs sprint messages in full, so the mempool refuses one that cannot apply with its own
 * code; and a refused tx leaves the check state untouched, so the signer's corrected resubmission
 * with the same sequence is admitted.
 */
class SprintCheckTxTest {
  @Test
  void aRefusedSprintTxDoesNotUseUpItsSequenceInTheMempool() {
    List<SimulatedWorker> workers =
        List.of(new SimulatedWorker(0, 24), new SimulatedWorker(1, 24), new SimulatedWorker(2, 24));
    SprintChain chain = SprintChain.withWorkers(workers, p -> p.put("min_workers", 2));
    chain.block();
    SimulatedWorker w0 = workers.get(0);
    long sequence = chain.sequence(w0.key.address());
    WinnerCommitment early = new WinnerCommitment(3, new byte[32]);

    byte[] commitTooEarly =
        SprintChain.sign(w0.key, sequence, chain.fee, List.of(SprintMsgs.commit(0, early)));
    assertEquals(RejectReason.WRONG_PHASE.code(), chain.app.checkTx(commitTooEarly).code());

    byte[] transfer =
        SprintChain.sign(
            w0.key,
            sequence,
            chain.fee,
            List.of(ChainTestData.sendMsg(SprintChain.USER.address(), 1)));
    assertEquals(0, chain.app.checkTx(transfer).code(), "same sequence admitted after a refusal");
  }
}
