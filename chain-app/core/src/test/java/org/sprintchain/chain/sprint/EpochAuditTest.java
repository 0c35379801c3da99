package org.sprintchain.chain.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.sprintchain.chain.sprint.SprintChain.TARGET;
import static org.sprintchain.chain.sprint.SprintChain.assertAllOk;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditorAssignment;

/**
 * The auditor plan an {@link EpochAudit} memoises per audit seed: with a worker proposing the audit
 * seed block, the epoch has two seeds, and every worker's auditors (one instance per query) and
 * every auditor's workers (one instance building the reverse index over both seeds) must be what
 * {@link AuditorAssignment} gives for that worker's own seed.
 */
class EpochAuditTest {
  @Test
  void eachWorkerIsAuditedUnderItsOwnSeedAndAuditedByIsTheReverse() {
    List<SimulatedWorker> workers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      workers.add(new SimulatedWorker(i, 24));
    }
    SprintChain chain = SprintChain.withWorkers(workers, p -> p.put("min_workers", 2));
    SimulatedWorker seedProposer = workers.get(0);
    chain.runTo(chain.epochStart(0));
    byte[] seed = chain.seed(0);
    workers.forEach(w -> w.honest(seed, TARGET));
    chain.runUntilNext(chain.commitHeight(0));
    assertAllOk(chain.block(chain.commits(0, workers)));
    chain.runUntilNext(chain.auditSeedHeight(0));
    chain.proposer = seedProposer.address();
    chain.block();
    chain.proposer = SprintChain.PROPOSER.address();
    chain.block(); // the alternative seed: the seed proposer's sample and auditors are known now

    byte[] auditSeed = SprintChain.blockHash(chain.auditSeedHeight(0));
    byte[] altSeed = SprintChain.blockHash(chain.auditSeedHeight(0) + 1);
    List<AuditorAssignment.Candidate> candidates = new ArrayList<>();
    workers.forEach(w -> candidates.add(new AuditorAssignment.Candidate(idOf(w.address()), 0)));
    AuditorAssignment main = new AuditorAssignment(auditSeed, candidates);
    AuditorAssignment alt = new AuditorAssignment(altSeed, candidates);

    for (SimulatedWorker w : workers) {
      AuditorAssignment own = w == seedProposer ? alt : main;
      assertEquals(auditors(own, w.address()), chain.auditorsOf(0, w.address()), w.toString());
    }
    assertNotEquals(
        auditors(main, seedProposer.address()),
        chain.auditorsOf(0, seedProposer.address()),
        "the scenario tells the two seeds apart");

    for (SimulatedWorker v : workers) {
      List<String> expected = new ArrayList<>();
      for (Address w : sorted(workers)) {
        if (chain.auditorsOf(0, w).contains(v.address())) {
          expected.add(w.toString());
        }
      }
      List<String> actual = new ArrayList<>();
      chain
          .query("/sprint/0/audits/" + v.address())
          .get("assignments")
          .forEach(a -> actual.add(a.get("worker").asText()));
      assertEquals(expected, actual, "the workers " + v + " audits, in address order");
    }
  }

  private static List<Address> auditors(AuditorAssignment assignment, Address worker) {
    List<Address> out = new ArrayList<>();
    for (WorkerId id : assignment.auditorsOf(idOf(worker), 2)) {
      out.add(Address.fromBytes(id.bytes()));
    }
    return out;
  }

  private static List<Address> sorted(List<SimulatedWorker> workers) {
    return workers.stream().map(SimulatedWorker::address).sorted().toList();
  }

  private static WorkerId idOf(Address a) {
    return WorkerId.of(a.toBytes());
  }
}
