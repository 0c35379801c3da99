package org.sprintchain.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sprintchain.chain.ChainTestData.CHAIN_ID;
import static org.sprintchain.chain.ChainTestData.address;
import static org.sprintchain.chain.ChainTestData.appState;
import static org.sprintchain.chain.ChainTestData.commitBlock;
import static org.sprintchain.chain.ChainTestData.send;
import static org.sprintchain.chain.ChainTestData.startedChain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.exec.TxResult;
import org.sprintchain.chain.genesis.GenesisException;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.store.StateStore;

class ChainApplicationTest {
  private static String accountJson(ChainApplication app, int n) {
    return new String(app.query("/account/" + address(n), 0).value(), StandardCharsets.UTF_8);
  }

  @Test
  void freshStoreReportsHeightZeroAndEmptyHash() {
    ChainApplication app = new ChainApplication(ChainTestData.newStore());
    assertEquals(0, app.info().lastHeight());
    assertEquals(0, app.info().appHash().length);
  }

  @Test
  void initChainStagesGenesisUntilTheFirstCommit() throws GenesisException {
    StateStore store = ChainTestData.newStore();
    ChainApplication app = new ChainApplication(store);
    byte[] genesisHash = app.initChain(new GenesisRequest(CHAIN_ID, 1, appState(100, 200)));
    assertEquals(32, genesisHash.length);
    assertEquals(0, store.latestVersion(), "InitChain persists nothing");
    assertEquals(0, app.info().lastHeight());

    BlockResult block = commitBlock(app, 5);
    assertNotEquals(
        List.of(genesisHash), List.of(block.appHash()), "block 1 records its height too");
    assertEquals(1, app.info().lastHeight());
    assertArrayEquals(block.appHash(), app.info().appHash());
    assertEquals(
        "{\"address\":\"" + address(1) + "\",\"balance\":200,\"sequence\":0}", accountJson(app, 1));
  }

  @Test
  void initChainGivesTheSameHashTwice() throws GenesisException {
    byte[] a =
        new ChainApplication(ChainTestData.newStore())
            .initChain(new GenesisRequest(CHAIN_ID, 1, appState(100)));
    byte[] b =
        new ChainApplication(ChainTestData.newStore())
            .initChain(new GenesisRequest(CHAIN_ID, 1, appState(100)));
    assertArrayEquals(a, b);
  }

  @Test
  void initChainRefusesBadGenesisAndANonEmptyStore() {
    ChainApplication fresh = new ChainApplication(ChainTestData.newStore());
    GenesisException e =
        assertThrows(
            GenesisException.class,
            () -> fresh.initChain(new GenesisRequest(CHAIN_ID, 1, new byte[0])));
    assertEquals("app_state", e.field());
    assertThrows(
        GenesisException.class, () -> fresh.initChain(new GenesisRequest("", 1, appState(1))));

    StateStore store = ChainTestData.newStore();
    ChainApplication app = startedChain(store, 100);
    commitBlock(app, 0);
    assertThrows(
        IllegalStateException.class,
        () -> new ChainApplication(store).initChain(new GenesisRequest(CHAIN_ID, 1, appState(1))));
  }

  @Test
  void blocksMoveTokensAndPayTheProposer() {
    ChainApplication app = startedChain(1000, 0);
    BlockResult block = commitBlock(app, 2, send(0, 0, 5, 1, 300), send(0, 1, 5, 1, 100));
    assertEquals(List.of(0, 0), block.txResults().stream().map(TxResult::code).toList());
    assertTrue(accountJson(app, 0).contains("\"balance\":590,\"sequence\":2"));
    assertTrue(accountJson(app, 1).contains("\"balance\":400,"));
    assertTrue(accountJson(app, 2).contains("\"balance\":10,"));
  }

  @Test
  void undecodableTxInABlockGetsACodeAndNoEffect() {
    ChainApplication app = startedChain(1000);
    BlockResult block = commitBlock(app, 2, new byte[] {1, 2, 3});
    assertEquals(RejectReason.UNDECODABLE.code(), block.txResults().get(0).code());
    assertEquals("sprint", block.txResults().get(0).codespace());
  }

  @Test
  void finalizeBlockRefusesAnUnexpectedHeight() {
    ChainApplication app = startedChain(1000);
    assertThrows(
        IllegalStateException.class,
        () -> app.finalizeBlock(new BlockRequest(2, address(0), List.of())));
    assertThrows(IllegalStateException.class, app::commit);
    ChainApplication notStarted = new ChainApplication(ChainTestData.newStore());
    assertThrows(
        IllegalStateException.class,
        () -> notStarted.finalizeBlock(new BlockRequest(1, address(0), List.of())));
  }

  @Test
  void replayingABlockBeforeCommitGivesTheSameHash() {
    StateStore store = ChainTestData.newStore();
    ChainApplication app = startedChain(store, 1000);
    commitBlock(app, 0);
    BlockRequest block = new BlockRequest(2, address(3), List.of(send(0, 0, 5, 1, 10)));
    byte[] first = app.finalizeBlock(block).appHash();
    byte[] again = app.finalizeBlock(block).appHash();
    assertArrayEquals(first, again);

    ChainApplication restarted = new ChainApplication(store); // a crash before Commit
    assertEquals(1, restarted.info().lastHeight());
    assertArrayEquals(first, restarted.finalizeBlock(block).appHash());
    restarted.commit();
    assertArrayEquals(first, restarted.info().appHash());
  }

  @Test
  void restartReportsTheSameInfo() {
    StateStore store = ChainTestData.newStore();
    ChainApplication app = startedChain(store, 1000);
    commitBlock(app, 0, send(0, 0, 5, 1, 10));
    commitBlock(app, 0);
    AppInfo before = app.info();
    AppInfo after = new ChainApplication(store).info();
    assertEquals(2, after.lastHeight());
    assertArrayEquals(before.appHash(), after.appHash());
  }

  @Test
  void checkTxChainsSequencesAndResetsAfterCommit() {
    ChainApplication app = startedChain(1000);
    assertEquals(0, app.checkTx(send(0, 0, 5, 1, 10)).code(), "before block 1 too");
    assertEquals(0, app.checkTx(send(0, 1, 5, 1, 10)).code());
    assertEquals(RejectReason.STALE_SEQUENCE.code(), app.checkTx(send(0, 1, 5, 1, 10)).code());
    assertEquals(RejectReason.FUTURE_SEQUENCE.code(), app.checkTx(send(0, 3, 5, 1, 10)).code());

    commitBlock(app, 0, send(0, 0, 5, 1, 10));
    // Recheck after Commit: the check state restarts from committed state (sequence 1).
    TxResult recheck = app.checkTx(send(0, 1, 5, 1, 10));
    assertEquals(0, recheck.code(), recheck.log());
    assertEquals(RejectReason.STALE_SEQUENCE.code(), app.checkTx(send(0, 0, 5, 1, 10)).code());
  }

  @Test
  void checkTxReportsEveryRejectReason() {
    ChainApplication app = startedChain(1000);
    assertEquals(RejectReason.UNDECODABLE.code(), app.checkTx(new byte[] {9}).code());
    assertEquals(RejectReason.FEE_TOO_LOW.code(), app.checkTx(send(0, 0, 0, 1, 10)).code());
    assertEquals(
        RejectReason.INSUFFICIENT_FUNDS.code(), app.checkTx(send(0, 0, 1, 1, 1000)).code());
    assertEquals(
        RejectReason.INSUFFICIENT_FUNDS.code(),
        app.checkTx(send(3, 0, 1, 1, 1)).code(),
        "an unknown signer has nothing");
    TxResult wrongChain =
        app.checkTx(
            org.sprintchain.chain.tx.TxSigner.sign(
                ChainTestData.key(0),
                ChainTestData.body(0, 1)
                    .setChainId("elsewhere")
                    .addMsgs(ChainTestData.sendMsg(address(1), 1))
                    .build()));
    assertEquals(RejectReason.WRONG_CHAIN_ID.code(), wrongChain.code());
    assertTrue(wrongChain.log().contains("elsewhere"), wrongChain.log());
  }

  @Test
  void checkTxRefusesOversizedTxs() throws GenesisException {
    ChainApplication app = new ChainApplication(ChainTestData.newStore());
    app.initChain(new GenesisRequest(CHAIN_ID, 1, ChainTestData.appStateWithParams(1, 100, 1000)));
    assertEquals(RejectReason.OVERSIZED.code(), app.checkTx(send(0, 0, 1, 1, 1)).code());
  }

  @Test
  void prepareProposalDropsUndecodableAndRespectsMaxBytes() {
    ChainApplication app = startedChain(1000);
    byte[] a = send(0, 0, 5, 1, 1);
    byte[] b = send(0, 1, 5, 1, 1);
    byte[] junk = {1, 2, 3};
    List<byte[]> all = app.prepareProposal(List.of(a, junk, b), 1_000_000);
    assertEquals(2, all.size());
    assertArrayEquals(b, all.get(1));
    assertEquals(1, app.prepareProposal(List.of(a, junk, b), a.length + b.length - 1).size());
    assertTrue(app.prepareProposal(List.of(a, b), a.length - 1).isEmpty());
  }

  @Test
  void processProposalRejectsUndecodableBlocks() {
    ChainApplication app = startedChain(1000);
    assertTrue(app.processProposal(List.of(send(0, 0, 5, 1, 1))));
    assertTrue(app.processProposal(List.of()));
    assertFalse(app.processProposal(List.of(send(0, 0, 5, 1, 1), new byte[] {0})));
  }

  @Test
  void chainStartingAtALaterHeight() throws GenesisException {
    StateStore store = ChainTestData.newStore();
    ChainApplication app = new ChainApplication(store);
    app.initChain(new GenesisRequest(CHAIN_ID, 100, appState(50)));
    app.finalizeBlock(new BlockRequest(100, address(0), List.of()));
    app.commit();
    assertEquals(100, app.info().lastHeight());
    assertEquals(1, store.latestVersion());
    assertEquals(100, new ChainApplication(store).info().lastHeight());
  }
}
