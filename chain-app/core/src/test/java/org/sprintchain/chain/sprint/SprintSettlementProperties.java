package org.sprintchain.chain.sprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sprintchain.chain.sprint.SprintChain.TARGET;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.pocw.commit.WinnerLeaf;
import org.sprintchain.pocw.commit.WinnerTree;

/** Settlement invariants over random work and fees, and independence of registration order. */
class SprintSettlementProperties {
  private static final long EMISSION = 1_000_000;

  private static List<SimulatedWorker> workers() {
    List<SimulatedWorker> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      out.add(new SimulatedWorker(i, 24));
    }
    return out;
  }

  /**
   * Each worker commits a prefix of its winners (so its verified work varies) and every phase's txs
   * pay a random fee: the rewards paid are exactly emission plus fees, and supply is conserved.
   */
  @Property(tries = 8)
  void payoutsSumToEmissionPlusFees(
      @ForAll @Size(4) List<@IntRange(min = 1, max = 20) Integer> counts,
      @ForAll @Size(4) List<@LongRange(min = 1, max = 5_000) Long> fees) {
    List<SimulatedWorker> workers = workers();
    SprintChain chain = SprintChain.withWorkers(workers, p -> p.put("min_workers", 2));
    chain.runTo(chain.epochStart(0));
    byte[] seed = chain.seed(0);
    for (int i = 0; i < 4; i++) {
      List<WinnerLeaf> winners = workers.get(i).winners(seed, TARGET);
      workers.get(i).tree =
          WinnerTree.of(winners.subList(0, Math.min(counts.get(i), winners.size())));
    }
    chain.runUntilNext(chain.commitHeight(0));
    chain.fee = fees.get(0);
    SprintChain.assertAllOk(chain.block(chain.commits(0, workers)));
    chain.runUntilNext(chain.auditSeedHeight(0) + 1);
    chain.fee = fees.get(1);
    SprintChain.assertAllOk(chain.block(chain.reveals(0, workers)));
    chain.runUntilNext(chain.auditHeight(0));
    chain.fee = fees.get(2);
    SprintChain.assertAllOk(chain.block(chain.audits(0, workers)));
    chain.runUntilNext(chain.settleStart(0));
    chain.fee = fees.get(3);
    SprintChain.assertAllOk(chain.block(chain.digests(0, workers)));
    chain.runTo(chain.settleHeight(0));

    long pot = chain.epoch(0).get("fee_pot").asLong();
    long paid = 0;
    for (SimulatedWorker w : workers) {
      assertEquals("PASSED", chain.outcome(0, w.address()));
      paid += chain.result(0, w.address()).get("reward").asLong();
    }
    assertEquals(EMISSION + pot, paid);
    assertEquals(EMISSION + pot, chain.epoch(0).get("paid").asLong());
    assertEquals(
        chain.genesisSupply + chain.minted(), chain.holdings(workers) + chain.unpaidPots());
  }

  /**
   * Genesis lists the workers in any order, and the newcomers' registrations come in any order in
   * one block: a whole honest epoch ends in the same app hash.
   */
  @Property(tries = 6)
  void registrationOrderDoesNotMatter(
      @ForAll @Size(2) List<@IntRange(min = 0, max = 3) Integer> rotations) {
    byte[] reference = honestEpochHash(0, 0);
    assertArrayEquals(reference, honestEpochHash(rotations.get(0), rotations.get(1) % 2));
  }

  private static byte[] honestEpochHash(int genesisRotation, int registrationRotation) {
    List<SimulatedWorker> workers = workers();
    List<SimulatedWorker> genesis = new ArrayList<>(workers.subList(0, 2));
    List<SimulatedWorker> late = new ArrayList<>(workers.subList(2, 4));
    java.util.Collections.rotate(genesis, genesisRotation);
    java.util.Collections.rotate(late, registrationRotation);
    SprintChain chain =
        SprintChain.start(
            SprintChain.appState(SprintChain.params(), rotated(workers, genesisRotation), genesis));
    chain.block();
    List<byte[]> registrations = new ArrayList<>();
    late.forEach(w -> registrations.add(chain.tx(w.key, SprintMsgs.register(w.pubKey()))));
    SprintChain.assertAllOk(chain.block(registrations));
    byte[] seed = chain.seed(0);
    workers.forEach(w -> w.honest(seed, TARGET));
    chain.runThroughDigests(0, workers);
    BlockResult settle = chain.runTo(chain.settleHeight(0));
    assertEquals(5, settle.validatorUpdates().size());
    return settle.appHash();
  }

  private static List<SimulatedWorker> rotated(List<SimulatedWorker> list, int by) {
    List<SimulatedWorker> out = new ArrayList<>(list);
    java.util.Collections.rotate(out, by);
    return out;
  }
}
