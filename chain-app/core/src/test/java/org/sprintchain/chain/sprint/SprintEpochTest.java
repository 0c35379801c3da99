package org.sprintchain.chain.sprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sprintchain.chain.sprint.SprintChain.FEE;
import static org.sprintchain.chain.sprint.SprintChain.TARGET;
import static org.sprintchain.chain.sprint.SprintChain.assertAllOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.ValidatorUpdate;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditSampler;
import org.sprintchain.pocw.commit.WinnerLeaf;
import org.sprintchain.pocw.commit.WinnerTree;
import org.sprintchain.pocw.power.VerifiedWork;
import org.sprintchain.pocw.power.VotingPowerPolicy;
import org.sprintchain.pocw.reward.RewardSplitter;

/** Whole epochs through ChainApplication: honest, and with each way a worker can fail. */
class SprintEpochTest {
  private static final long EMISSION = 1_000_000;
  private static final long DEPOSIT = 1000;
  private static final long TOTAL_POWER = VotingPowerPolicy.DEFAULT_TOTAL_POWER;

  private static List<SimulatedWorker> workers(int... nonces) {
    List<SimulatedWorker> out = new ArrayList<>();
    for (int i = 0; i < nonces.length; i++) {
      out.add(new SimulatedWorker(i, nonces[i]));
    }
    return out;
  }

  @Test
  void anHonestEpochTurnsVerifiedWorkIntoPowerAndRewards() {
    List<SimulatedWorker> workers = workers(64, 24, 28, 32);
    SimulatedWorker newcomer = workers.get(3);
    SprintChain chain =
        SprintChain.start(
            SprintChain.appState(SprintChain.params(), workers, workers.subList(0, 3)));
    chain.block();
    byte[] seed = chain.seed(0);
    assertEquals(
        HexFormat.of().formatHex(SprintChain.blockHash(1)), HexFormat.of().formatHex(seed));
    assertAllOk(chain.block(chain.tx(newcomer.key, SprintMsgs.register(newcomer.pubKey()))));
    assertEquals(DEPOSIT, chain.deposit(newcomer.address()));
    workers.forEach(w -> w.honest(seed, TARGET));

    chain.runThroughDigests(0, workers);
    BlockResult settle = chain.runTo(chain.settleHeight(0));

    SortedMap<WorkerId, Long> work = new TreeMap<>();
    SortedMap<WorkerId, Long> workByKey = new TreeMap<>();
    for (SimulatedWorker w : workers) {
      JsonNode r = chain.result(0, w.address());
      assertEquals("PASSED", r.get("outcome").asText(), w + ": " + r);
      long count = w.tree.size();
      long expected = VerifiedWork.estimate(count, TARGET);
      assertEquals(4 * count, expected, "1 in 4: each winner stands for four nonces");
      assertEquals(expected, r.get("work").asLong());
      work.put(WorkerId.of(w.address().toBytes()), expected);
      workByKey.put(WorkerId.of(w.pubKey()), expected);
    }

    // Voting power: capped water-fill of the work, replacing the genesis validator.
    SortedMap<WorkerId, Long> powers = new VotingPowerPolicy(3000).powers(workByKey);
    SortedMap<String, Long> expectedUpdates = new TreeMap<>();
    powers.forEach((k, p) -> expectedUpdates.put(k.hex(), p));
    expectedUpdates.put(HexFormat.of().formatHex(SprintChain.PROPOSER.publicKey()), 0L);
    assertEquals(expectedUpdates, updates(settle));
    long cap = TOTAL_POWER / 10_000 * 3000;
    long totalWork = work.values().stream().mapToLong(Long::longValue).sum();
    long heaviest = workByKey.get(WorkerId.of(workers.get(0).pubKey()));
    assertTrue(heaviest * 10_000 > 3000 * totalWork, "worker 0 did the most: over the cap");
    assertEquals(cap, powers.get(WorkerId.of(workers.get(0).pubKey())));
    assertEquals(TOTAL_POWER, powers.values().stream().mapToLong(Long::longValue).sum());
    long rest = TOTAL_POWER;
    long restWork = totalWork;
    for (var e : workByKey.entrySet()) {
      long p = powers.get(e.getKey());
      assertTrue(p <= cap, "no power above the cap");
      if (p == cap) {
        rest -= cap;
        restWork -= e.getValue();
      }
    }
    for (var e : workByKey.entrySet()) {
      long p = powers.get(e.getKey());
      if (p < cap) {
        assertTrue(
            Math.abs(p - rest * e.getValue() / restWork) <= 1,
            "uncapped power " + p + " proportional to work " + e.getValue() + " of " + restWork);
      }
    }
    assertEquals(
        "true", attribute(settle, "sprint_settle", "replaced"), "the sprint replaced the set");
    assertEquals(TOTAL_POWER, chain.query("/validators").get("total_power").asLong(), "stored set");

    // Rewards: emission plus every fee of the epoch, split by (uncapped) work.
    long txs = 0;
    for (SimulatedWorker w : workers) {
      txs += chain.sequence(w.address());
    }
    long fees = chain.epoch(0).get("fee_pot").asLong();
    assertEquals(FEE * txs, fees, "every fee of the epoch went to its pot");
    SortedMap<WorkerId, Long> payouts = RewardSplitter.split(EMISSION, fees, work).payouts();
    long paid = 0;
    for (SimulatedWorker w : workers) {
      long reward = chain.result(0, w.address()).get("reward").asLong();
      assertEquals(payouts.get(WorkerId.of(w.address().toBytes())), reward, w + " reward");
      paid += reward;
      long spentFees = FEE * chain.sequence(w.address());
      assertEquals(
          SprintChain.BALANCE - DEPOSIT - spentFees + reward,
          chain.balance(w.address()),
          w + " balance");
    }
    assertEquals(EMISSION + fees, paid, "rewards paid = emission + fees");
    JsonNode epoch = chain.epoch(0);
    assertEquals("SETTLED", epoch.get("status").asText());
    assertEquals(4, epoch.get("passed").asInt());
    assertEquals(EMISSION, epoch.get("emission").asLong());
    assertEquals(EMISSION + fees, epoch.get("paid").asLong());
    assertEquals(0, chain.balance(SprintChain.PROPOSER.address()), "fees skip the proposer");

    // Supply: nothing created but the emission, nothing lost.
    assertEquals(
        chain.genesisSupply + chain.minted(), chain.holdings(workers) + chain.unpaidPots());
  }

  @Test
  void failingWorkersAreJudgedAndTooFewPassingKeepsTheSet() {
    List<SimulatedWorker> workers = workers(24, 24, 24, 24);
    SprintChain chain = SprintChain.withWorkers(workers, p -> {});
    SimulatedWorker nonWinner = workers.get(2);
    SimulatedWorker silent = workers.get(3);
    chain.runTo(chain.epochStart(0));
    byte[] seed = chain.seed(0);
    workers.forEach(w -> w.honest(seed, TARGET));
    // Two real winners and a loser: three leaves, all sampled (k = 4).
    List<WinnerLeaf> three = new ArrayList<>(nonWinner.winners(seed, TARGET).subList(0, 2));
    var loser = nonWinner.firstLoser(seed, TARGET);
    three.add(new WinnerLeaf(loser.nonce(), loser.digest()));
    nonWinner.tree = WinnerTree.of(three);
    silent.reveals = false;
    chain.runUntilNext(chain.commitHeight(0));
    assertAllOk(chain.block(chain.commits(0, workers)));
    chain.runUntilNext(chain.auditSeedHeight(0) + 1);
    assertAllOk(chain.block(chain.reveals(0, workers)));
    // Of workers 0 and 1, one with openings to audit skips its audits.
    SimulatedWorker lazyAuditor =
        chain.auditMsgs(0, seed, workers.get(0)).isEmpty() ? workers.get(1) : workers.get(0);
    SimulatedWorker honest = lazyAuditor == workers.get(0) ? workers.get(1) : workers.get(0);
    assertFalse(chain.auditMsgs(0, seed, lazyAuditor).isEmpty());
    lazyAuditor.audits = false;
    chain.runUntilNext(chain.auditHeight(0));
    assertAllOk(chain.block(chain.audits(0, workers)));
    chain.runUntilNext(chain.settleStart(0));
    assertAllOk(chain.block(chain.digests(0, workers)));
    BlockResult settle = chain.runTo(chain.settleHeight(0));

    assertEquals("PASSED", chain.outcome(0, honest.address()));
    assertEquals(
        "MISSED_AUDIT",
        chain.outcome(0, lazyAuditor.address()),
        chain.query("/sprint/0/audits/" + lazyAuditor.address()).toString());
    JsonNode lazy = chain.result(0, lazyAuditor.address());
    assertEquals(0, lazy.get("reward").asLong());
    assertEquals(0, lazy.get("slashed").asLong(), "a missed audit costs only the epoch");
    assertFalse(chain.worker(lazyAuditor.address()).get("jailed").asBoolean());

    JsonNode cheat = chain.result(0, nonWinner.address());
    assertEquals("NON_WINNING_LEAF", cheat.get("outcome").asText());
    assertEquals(DEPOSIT / 2, cheat.get("slashed").asLong(), "fraud_slash_bps 5000");
    assertEquals(1, cheat.get("jailed_through").asLong(), "epoch 0 + jail_epochs 1");
    assertEquals(DEPOSIT / 2, chain.deposit(nonWinner.address()));

    JsonNode mute = chain.result(0, silent.address());
    assertEquals("MISSING_REVEAL", mute.get("outcome").asText());
    assertEquals(DEPOSIT / 10, mute.get("slashed").asLong(), "missed_reveal_slash_bps 1000");
    assertEquals(1, chain.worker(silent.address()).get("jailed_through").asLong());

    assertTrue(settle.validatorUpdates().isEmpty(), "1 passed < min_workers 3: set kept");
    assertEquals("FAILED", chain.epoch(0).get("status").asText());
    assertEquals(
        SprintChain.GENESIS_VALIDATOR_POWER,
        chain.query("/validators").get("total_power").asLong());
    long fees = chain.epoch(0).get("fee_pot").asLong();
    assertEquals(
        EMISSION + fees,
        chain.result(0, honest.address()).get("reward").asLong(),
        "the one passing worker takes the pot");
    long burned = DEPOSIT / 2 + DEPOSIT / 10;
    assertEquals(
        chain.genesisSupply + chain.minted() - burned,
        chain.holdings(workers) + chain.unpaidPots());
  }

  @Test
  void aJailedWorkerSitsOutThenMustTopUpItsDeposit() {
    List<SimulatedWorker> workers = workers(24, 24, 24);
    SprintChain chain = SprintChain.withWorkers(workers, p -> p.put("min_workers", 2));
    SimulatedWorker silent = workers.get(2);
    chain.runEpoch(
        0,
        workers,
        seed -> {
          workers.forEach(w -> w.honest(seed, TARGET));
          silent.reveals = false;
        });
    assertEquals("MISSING_REVEAL", chain.outcome(0, silent.address()));
    assertTrue(chain.worker(silent.address()).get("jailed").asBoolean());

    chain.runUntilNext(chain.commitHeight(1));
    byte[] root = silent.tree.commitment().root();
    BlockResult jailed = chain.block(chain.tx(silent.key, SprintMsgs.commit(1, 5, root)));
    assertEquals(24, jailed.txResults().get(0).code(), jailed.txResults().get(0).log());

    chain.runUntilNext(chain.commitHeight(2));
    BlockResult low = chain.block(chain.tx(silent.key, SprintMsgs.commit(2, 5, root)));
    assertEquals(27, low.txResults().get(0).code(), low.txResults().get(0).log());
    long before = chain.balance(silent.address());
    BlockResult topUp =
        chain.block(
            chain.tx(silent.key, SprintMsgs.register(silent.pubKey())),
            chain.tx(silent.key, SprintMsgs.commit(2, 5, root)));
    assertAllOk(topUp);
    assertEquals(DEPOSIT, chain.deposit(silent.address()));
    assertEquals(before - DEPOSIT / 10 - 2 * FEE, chain.balance(silent.address()));
  }

  @Test
  void theAuditSeedBlocksProposerIsSampledFromTheNextBlock() {
    List<SimulatedWorker> workers = workers(24, 24, 24);
    SprintChain chain = SprintChain.withWorkers(workers, p -> p.put("min_workers", 2));
    SimulatedWorker proposerWorker = workers.get(0);
    chain.runTo(chain.epochStart(0));
    byte[] seed = chain.seed(0);
    workers.forEach(w -> w.honest(seed, TARGET));
    chain.runUntilNext(chain.commitHeight(0));
    assertAllOk(chain.block(chain.commits(0, workers)));
    chain.runUntilNext(chain.auditSeedHeight(0));
    chain.proposer = proposerWorker.key.address();
    chain.block();
    chain.proposer = SprintChain.PROPOSER.address();
    assertFalse(
        chain.workerInEpoch(0, proposerWorker.address()).get("sample_known").asBoolean(),
        "the proposer of the audit seed block must wait for the next block");
    assertTrue(chain.workerInEpoch(0, workers.get(1).address()).get("sample_known").asBoolean());
    assertAllOk(chain.block(chain.reveals(0, workers.subList(1, 3))));
    JsonNode known = chain.workerInEpoch(0, proposerWorker.address());
    assertTrue(known.get("sample_known").asBoolean(), "known once the next block is");
    assertAllOk(chain.block(chain.reveals(0, List.of(proposerWorker))));
    assertEquals(
        chain.auditSeedHeight(0) + 2, chain.height(), "the proposer revealed in time: REVEAL is 3");
    long count = proposerWorker.tree.size();
    assertArrayEquals(
        AuditSampler.sample(
            SprintChain.blockHash(chain.auditSeedHeight(0) + 1),
            WorkerId.of(proposerWorker.address().toBytes()),
            count,
            4),
        chain.sample(0, proposerWorker.address()),
        "its seed is the hash of the block after the one it proposed");
    SimulatedWorker other = workers.get(1);
    assertArrayEquals(
        AuditSampler.sample(
            SprintChain.blockHash(chain.auditSeedHeight(0)),
            WorkerId.of(other.address().toBytes()),
            other.tree.size(),
            4),
        chain.sample(0, other.address()));
  }

  static SortedMap<String, Long> updates(BlockResult r) {
    SortedMap<String, Long> out = new TreeMap<>();
    for (ValidatorUpdate u : r.validatorUpdates()) {
      out.put(HexFormat.of().formatHex(u.pubKey()), u.power());
    }
    return out;
  }

  static String attribute(BlockResult r, String type, String key) {
    for (Event e : r.events()) {
      if (e.type().equals(type)) {
        for (Event.Attribute a : e.attributes()) {
          if (a.key().equals(key)) {
            return a.value();
          }
        }
      }
    }
    throw new AssertionError("no " + type + "." + key + " in " + r.events());
  }
}
