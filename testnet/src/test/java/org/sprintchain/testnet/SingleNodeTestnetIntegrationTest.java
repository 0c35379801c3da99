package org.sprintchain.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.client.AccountInfo;
import org.sprintchain.client.AppStatus;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.TxEvent;
import org.sprintchain.client.TxOutcome;
import org.sprintchain.client.TxSender;

/**
 * A real one-validator testnet (CometBFT v0.38 + the Sprintchain app JVM) in a temp folder, driven
 * through the same classes as {@code bin/sprint testnet up} and {@code tx send}. The folder (with
 * the node logs) stays under target/ after the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(90)
class SingleNodeTestnetIntegrationTest {
  private static final long BALANCE = TestnetConfig.DEFAULT_BALANCE;
  private static final long FEE = 1;

  /** Under target/ so that the node logs stay for a look after a failure. */
  private final Path dir =
      Path.of("target", "it-single-node-" + ProcessHandle.current().pid()).toAbsolutePath();

  private LocalTestnet testnet;
  private CometRpcClient rpc;
  private ChainQueries queries;
  private TxSender sender;
  private Ed25519.KeyPair demo;
  private Address validator0;

  @BeforeAll
  @Timeout(90)
  void startTestnet() {
    int base =
        PortAllocator.findFreeBase(1, 21_000 + (int) (ProcessHandle.current().pid() % 50) * 100);
    testnet = LocalTestnet.init(TestnetConfig.of(dir, 1).withBasePort(base));
    Runtime.getRuntime()
        .addShutdownHook(Thread.ofPlatform().unstarted(() -> testnet.stop(Duration.ZERO)));
    testnet.start(Duration.ofSeconds(75));
    rpc = new CometRpcClient(testnet.rpcUrl(0));
    queries = new ChainQueries(rpc);
    sender = new TxSender(rpc, Duration.ofSeconds(20));
    demo = testnet.demoKey();
    validator0 = testnet.keyring().show("validator0").address();
  }

  @AfterAll
  @Timeout(60)
  void stopTestnet() {
    if (rpc != null) {
      rpc.close();
    }
    if (testnet != null) {
      testnet.stop(Duration.ofSeconds(5));
      assertFalse(testnet.isRunning(), "every node process is gone");
    }
  }

  @Test
  @Order(1)
  void startsAndReportsEachNode() {
    List<NodeReport> status = testnet.status();
    assertEquals(1, status.size());
    NodeReport node0 = status.get(0);
    assertEquals(NodeReport.State.RUNNING, node0.state());
    assertTrue(node0.height().orElseThrow() >= 2, node0.toString());
    assertTrue(Files.exists(testnet.node(0).appLog()));
    assertEquals(testnet.chainId(), rpc.status().network());
  }

  @Test
  @Order(2)
  void genesisFundsTheDemoAndValidatorAccounts() {
    assertEquals(new AccountInfo(demo.address(), BALANCE, 0), queries.account(demo.address()));
    assertEquals(BALANCE, queries.account(validator0).balance());
    assertEquals(1, queries.params().minFee());
    AppStatus app = queries.appStatus();
    assertEquals(testnet.chainId(), app.chainId());
    assertTrue(app.height() >= 1, app.toString());
  }

  @Test
  @Order(3)
  void transfersMoveFundsAndBumpTheSequence() {
    Address fresh = Ed25519.KeyPair.fromPrivateKey(new byte[32]).address();
    long sent = 0;
    for (int i = 0; i < 3; i++) {
      long amount = 100 + i;
      TxOutcome outcome = sender.send(demo, fresh, amount, FEE);
      assertTrue(outcome.ok(), outcome.toString());
      assertTrue(outcome.height() > 0);
      sent += amount;
      TxEvent transfer =
          outcome.events().stream()
              .filter(e -> e.type().equals("transfer"))
              .findFirst()
              .orElseThrow();
      assertEquals(fresh.toString(), transfer.attribute("recipient").orElseThrow());
      assertEquals(Long.toString(amount), transfer.attribute("amount").orElseThrow());
    }
    assertEquals(new AccountInfo(fresh, sent, 0), queries.account(fresh));
    assertEquals(
        new AccountInfo(demo.address(), BALANCE - sent - 3 * FEE, 3),
        queries.account(demo.address()));
  }

  @Test
  @Order(4)
  void aStaleSequenceIsRefusedAndChangesNothing() {
    long sequence = queries.account(demo.address()).sequence();
    assertTrue(
        sender
            .submit(TxSender.signSend(demo, testnet.chainId(), sequence, validator0, 5, FEE))
            .ok());
    AccountInfo before = queries.account(demo.address());

    TxOutcome replay =
        sender.submit(TxSender.signSend(demo, testnet.chainId(), sequence, validator0, 6, FEE));

    assertFalse(replay.included(), replay.toString());
    assertEquals(RejectReason.STALE_SEQUENCE.code(), replay.code(), replay.toString());
    assertEquals(before, queries.account(demo.address()));
  }

  @Test
  @Order(5)
  void refusesToStartTwice() {
    TestnetException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            TestnetException.class, () -> testnet.start(Duration.ofSeconds(5)));
    assertTrue(e.getMessage().contains("already running"), e.getMessage());
    assertTrue(testnet.isRunning());
  }
}
