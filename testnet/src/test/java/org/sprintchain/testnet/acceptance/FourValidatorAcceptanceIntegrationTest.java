package org.sprintchain.testnet.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sprintchain.testnet.acceptance.dsl.Conditions.allNodesAgreeOnEveryHeight;
import static org.sprintchain.testnet.acceptance.dsl.Conditions.catchesUp;
import static org.sprintchain.testnet.acceptance.dsl.Conditions.chainCommits;
import static org.sprintchain.testnet.acceptance.dsl.Conditions.everyAcknowledgedTxCommitted;
import static org.sprintchain.testnet.acceptance.dsl.Conditions.stillCommitted;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.client.TxResult;
import org.sprintchain.testnet.acceptance.dsl.Cluster;
import org.sprintchain.testnet.acceptance.dsl.Node;
import org.sprintchain.testnet.acceptance.dsl.Transactions;
import org.sprintchain.testnet.acceptance.dsl.Transactions.CommitSenders;
import org.sprintchain.testnet.acceptance.dsl.Transactions.Load;

/**
 * Acceptance on one real 4-validator testnet (4 app JVMs + 4 CometBFTs, equal power), shared by the
 * methods in order: agreement, one validator killed under load, one paused for 30 s, every node
 * killed under load, and agreement again at the end. Each fault leaves the cluster whole (all nodes
 * running and caught up) for the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FourValidatorAcceptanceIntegrationTest {
  private static final int VALIDATORS = 4;
  private static final int TPS = 60;
  private static final int CLIENTS = 4;
  private static final Duration COMMITTING = Duration.ofSeconds(30);
  private static final Duration CATCH_UP = Duration.ofSeconds(90);

  private Cluster cluster;

  @BeforeAll
  void startCluster(@TempDir Path dir) {
    cluster = Cluster.start(dir, VALIDATORS);
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void allFourNodesAgreeOnTheAppHashAtEveryHeightUnderLoad() {
    try (Load load = Transactions.transfers(cluster, TPS, CLIENTS, "agree")) {
      cluster.verify(chainCommits(10, COMMITTING));
      cluster.verify(everyAcknowledgedTxCommitted(load.stop()));
    }
    cluster.verify(allNodesAgreeOnEveryHeight(10));
  }

  @Test
  @Order(2)
  void killingOneOfFourValidatorsUnderLoadKeepsTheChainCommittingAndItCatchesUp() {
    Node victim = cluster.node(1);
    try (Load load = Transactions.transfers(cluster, TPS, CLIENTS, "kill1")) {
      cluster.verify(chainCommits(3, COMMITTING));

      victim.kill();
      cluster.verify(chainCommits(8, COMMITTING)); // 30 of 40 power > 2/3

      victim.restart();
      cluster.verify(catchesUp(victim, CATCH_UP));
      cluster.verify(everyAcknowledgedTxCommitted(load.stop()));
    }
  }

  @Test
  @Order(3)
  void pausingOneNodeFor30SecondsUnderLoadLosesNothing() throws InterruptedException {
    Node frozen = cluster.node(3);
    try (Load load = Transactions.transfers(cluster, TPS, CLIENTS, "pause")) {
      cluster.verify(chainCommits(3, COMMITTING));

      frozen.pause();
      assertTrue(frozen.isPaused(), "node3 should be stopped by SIGSTOP");
      long pausedAt = System.nanoTime();
      cluster.verify(chainCommits(5, COMMITTING));
      TimeUnit.NANOSECONDS.sleep(
          Math.max(0, Duration.ofSeconds(30).toNanos() - (System.nanoTime() - pausedAt)));
      frozen.resume();

      cluster.verify(catchesUp(frozen, CATCH_UP));
      cluster.verify(everyAcknowledgedTxCommitted(load.stop()));
    }
  }

  @Test
  @Order(4)
  void killNineOfEveryNodeUnderLoadLosesNoTxThatBroadcastTxCommitAcknowledged() {
    List<TxResult> beforeKill;
    CommitSenders senders = Transactions.commitConfirmed(cluster);
    try (Load load = Transactions.transfers(cluster, TPS, CLIENTS, "killall")) {
      cluster.verify(chainCommits(6, COMMITTING));

      cluster.killAll();
      beforeKill = senders.committed();
      System.out.println(
          "killed every node with " + beforeKill.size() + " txs confirmed by broadcast_tx_commit");

      cluster.startAll();
      cluster.verify(chainCommits(3, COMMITTING));
      load.stop(); // the mempools died with the nodes; what was committed must survive
    } finally {
      senders.close();
    }
    cluster.verify(stillCommitted(beforeKill));
    cluster.verify(stillCommitted(senders.committed()));
  }

  @Test
  @Order(5)
  void afterAllFaultsTheNodesStillAgreeOnEveryHeight() {
    for (Node n : cluster.nodes()) {
      cluster.verify(catchesUp(n, CATCH_UP));
    }
    cluster.verify(allNodesAgreeOnEveryHeight(30));
  }
}
