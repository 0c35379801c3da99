package org.sprintchain.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgSend;
import org.sprintchain.proto.tx.v1.TxBody;
import org.sprintchain.store.ProofVerifier;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.testing.InMemoryStateStore;
import tendermint.abci.ExecTxResult;
import tendermint.abci.RequestCheckTx;
import tendermint.abci.RequestCommit;
import tendermint.abci.RequestFinalizeBlock;
import tendermint.abci.RequestInfo;
import tendermint.abci.RequestInitChain;
import tendermint.abci.RequestPrepareProposal;
import tendermint.abci.RequestProcessProposal;
import tendermint.abci.RequestQuery;
import tendermint.abci.ResponseCheckTx;
import tendermint.abci.ResponseFinalizeBlock;
import tendermint.abci.ResponseInfo;
import tendermint.abci.ResponseProcessProposal;
import tendermint.abci.ResponseQuery;

class SprintAbciApplicationTest {
  private static final String CHAIN_ID = "sprint-node-test";
  private static final Ed25519.KeyPair ALICE = key("alice");
  private static final Ed25519.KeyPair BOB = key("bob");
  private static final Ed25519.KeyPair VALIDATOR = key("validator");

  private final List<String> halts = new ArrayList<>();

  private static Ed25519.KeyPair key(String seed) {
    return Ed25519.KeyPair.fromPrivateKey(Hashes.sha256(seed.getBytes(StandardCharsets.UTF_8)));
  }

  private SprintAbciApplication app(StateStore store) {
    return new SprintAbciApplication(new ChainApplication(store), (what, cause) -> halts.add(what));
  }

  private static RequestInitChain genesis() {
    String appState =
        "{\"params\":{\"min_fee\":1,\"max_tx_bytes\":65536},\"accounts\":[{\"address\":\""
            + ALICE.address()
            + "\",\"balance\":1000000000}]}";
    return RequestInitChain.newBuilder()
        .setChainId(CHAIN_ID)
        .setInitialHeight(1)
        .setAppStateBytes(ByteString.copyFromUtf8(appState))
        .build();
  }

  private static ByteString send(Ed25519.KeyPair from, long sequence, Address to, long amount) {
    TxBody body =
        TxBody.newBuilder()
            .setChainId(CHAIN_ID)
            .setSequence(sequence)
            .setFee(2)
            .addMsgs(
                Msg.newBuilder()
                    .setSend(
                        MsgSend.newBuilder()
                            .setTo(ByteString.copyFrom(to.toBytes()))
                            .setAmount(amount)))
            .build();
    return ByteString.copyFrom(TxSigner.sign(from, body));
  }

  private static RequestFinalizeBlock block(long height, ByteString... txs) {
    return RequestFinalizeBlock.newBuilder()
        .setHeight(height)
        .setProposerAddress(ByteString.copyFrom(VALIDATOR.address().toBytes()))
        .addAllTxs(List.of(txs))
        .build();
  }

  private static String query(SprintAbciApplication app, String path, long height) {
    ResponseQuery response =
        app.query(RequestQuery.newBuilder().setPath(path).setHeight(height).build());
    assertEquals(0, response.getCode(), response.getLog());
    return response.getValue().toStringUtf8();
  }

  @Test
  void runsBlocksAndRestartsWithTheSameInfo() {
    InMemoryStateStore store = InMemoryStateStore.create();
    SprintAbciApplication app = app(store);
    assertEquals(0, app.info(RequestInfo.getDefaultInstance()).getLastBlockHeight());
    assertEquals(32, app.initChain(genesis()).getAppHash().size());

    ResponseFinalizeBlock first = app.finalizeBlock(block(1, send(ALICE, 0, BOB.address(), 500)));
    app.commit(RequestCommit.getDefaultInstance());
    ExecTxResult tx = first.getTxResults(0);
    assertEquals(0, tx.getCode(), tx.getLog());
    assertEquals(0, tx.getGasUsed());
    assertEquals("tx", tx.getEvents(0).getType());
    assertEquals("transfer", tx.getEvents(1).getType());
    assertEquals(
        List.of("sender", "recipient", "amount"),
        tx.getEvents(1).getAttributesList().stream().map(a -> a.getKey()).toList());
    assertTrue(tx.getEvents(1).getAttributesList().stream().allMatch(a -> a.getIndex()));
    assertEquals(BOB.address().toString(), tx.getEvents(1).getAttributes(1).getValue());

    app.finalizeBlock(block(2, send(BOB, 0, ALICE.address(), 100)));
    app.commit(RequestCommit.getDefaultInstance());
    ResponseInfo before = app.info(RequestInfo.getDefaultInstance());
    assertEquals(2, before.getLastBlockHeight());
    assertEquals(1, before.getAppVersion());

    SprintAbciApplication restarted = app(store);
    ResponseInfo after = restarted.info(RequestInfo.getDefaultInstance());
    assertEquals(before, after);
    assertEquals(
        "{\"address\":\"" + BOB.address() + "\",\"balance\":398,\"sequence\":1}",
        query(restarted, "/account/" + BOB.address(), 0));
    assertEquals(
        "{\"address\":\"" + VALIDATOR.address() + "\",\"balance\":4,\"sequence\":0}",
        query(restarted, "/account/" + VALIDATOR.address(), 0));
  }

  @Test
  void aBlockReplayedAfterACrashBeforeCommitGivesTheSameAppHash() {
    InMemoryStateStore store = InMemoryStateStore.create();
    SprintAbciApplication app = app(store);
    app.initChain(genesis());
    app.finalizeBlock(block(1));
    app.commit(RequestCommit.getDefaultInstance());
    RequestFinalizeBlock two = block(2, send(ALICE, 0, BOB.address(), 7));
    ByteString staged = app.finalizeBlock(two).getAppHash();
    // crash: nothing of block 2 was persisted, so CometBFT replays it
    SprintAbciApplication restarted = app(store);
    assertEquals(1, restarted.info(RequestInfo.getDefaultInstance()).getLastBlockHeight());
    assertEquals(staged, restarted.finalizeBlock(two).getAppHash());
    restarted.commit(RequestCommit.getDefaultInstance());
    assertEquals(staged, restarted.info(RequestInfo.getDefaultInstance()).getLastBlockAppHash());
  }

  @Test
  void aCrashBetweenInitChainAndTheFirstCommitStartsOver() {
    InMemoryStateStore store = InMemoryStateStore.create();
    ByteString genesisHash = app(store).initChain(genesis()).getAppHash();
    SprintAbciApplication restarted = app(store);
    assertEquals(0, restarted.info(RequestInfo.getDefaultInstance()).getLastBlockHeight());
    assertEquals(genesisHash, restarted.initChain(genesis()).getAppHash());
  }

  @Test
  void badInputGetsCodesNotExceptions() {
    SprintAbciApplication app = app(InMemoryStateStore.create());
    app.initChain(genesis());
    ResponseCheckTx junk =
        app.checkTx(RequestCheckTx.newBuilder().setTx(ByteString.copyFromUtf8("junk")).build());
    assertEquals(RejectReason.UNDECODABLE.code(), junk.getCode());
    assertEquals("sprint", junk.getCodespace());
    assertTrue(!junk.getLog().isEmpty());
    ResponseCheckTx broke =
        app.checkTx(RequestCheckTx.newBuilder().setTx(send(BOB, 0, ALICE.address(), 1)).build());
    assertEquals(RejectReason.INSUFFICIENT_FUNDS.code(), broke.getCode());
    ResponseCheckTx ok =
        app.checkTx(RequestCheckTx.newBuilder().setTx(send(ALICE, 0, BOB.address(), 1)).build());
    assertEquals(0, ok.getCode(), ok.getLog());
    assertEquals("", ok.getCodespace());

    ResponseFinalizeBlock block =
        app.finalizeBlock(
            block(1, ByteString.copyFromUtf8("junk"), send(ALICE, 5, BOB.address(), 1)));
    assertEquals(RejectReason.UNDECODABLE.code(), block.getTxResults(0).getCode());
    assertEquals(RejectReason.FUTURE_SEQUENCE.code(), block.getTxResults(1).getCode());
    assertEquals("sprint", block.getTxResults(1).getCodespace());
    app.commit(RequestCommit.getDefaultInstance());

    ResponseQuery unknown = app.query(RequestQuery.newBuilder().setPath("/nope").build());
    assertTrue(unknown.getCode() != 0);
    assertEquals("sprint", unknown.getCodespace());
    ResponseQuery badAddress = app.query(RequestQuery.newBuilder().setPath("/account/xyz").build());
    assertTrue(badAddress.getCode() != 0);
    assertTrue(
        query(app, "/status", 0).startsWith("{\"chain_id\":\"" + CHAIN_ID + "\",\"height\":1,"));
    assertTrue(halts.isEmpty());
  }

  @Test
  void proposalsDropAndRejectUndecodableTxs() {
    SprintAbciApplication app = app(InMemoryStateStore.create());
    app.initChain(genesis());
    ByteString good = send(ALICE, 0, BOB.address(), 1);
    ByteString junk = ByteString.copyFromUtf8("junk");
    assertEquals(
        List.of(good),
        app.prepareProposal(
                RequestPrepareProposal.newBuilder()
                    .addTxs(junk)
                    .addTxs(good)
                    .setMaxTxBytes(1 << 20)
                    .build())
            .getTxsList());
    assertEquals(
        ResponseProcessProposal.ProposalStatus.REJECT,
        app.processProposal(RequestProcessProposal.newBuilder().addTxs(junk).build()).getStatus());
    assertEquals(
        ResponseProcessProposal.ProposalStatus.ACCEPT,
        app.processProposal(RequestProcessProposal.newBuilder().addTxs(good).build()).getStatus());
  }

  @Test
  void badGenesisIsRefusedLoudly() {
    SprintAbciApplication app = app(InMemoryStateStore.create());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                app.initChain(
                    genesis().toBuilder()
                        .setAppStateBytes(ByteString.copyFromUtf8("{\"params\":{}}"))
                        .build()));
    assertTrue(e.getMessage().contains("app_state"), e.getMessage());
  }

  @Test
  void corruptedStoreGoesToTheFatalHandler() {
    InMemoryStateStore healthy = InMemoryStateStore.create();
    StoreCorruptedException corruption = new StoreCorruptedException("checksum mismatch");
    StateStore failing =
        (StateStore)
            Proxy.newProxyInstance(
                StateStore.class.getClassLoader(),
                new Class<?>[] {StateStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("prepare")) {
                    throw corruption;
                  }
                  try {
                    return method.invoke(healthy, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    SprintAbciApplication app = app(failing);
    StoreCorruptedException thrown =
        assertThrows(StoreCorruptedException.class, () -> app.initChain(genesis()));
    assertSame(corruption, thrown);
    assertEquals(List.of("InitChain: unrecoverable storage failure"), halts);
  }

  @Test
  void provedQueryCarriesTheMerkleProofAndRawValueAsProofOps() {
    SprintAbciApplication node = app(InMemoryStateStore.create());
    node.initChain(genesis());
    node.finalizeBlock(block(1));
    node.commit(RequestCommit.getDefaultInstance());
    ResponseQuery response =
        node.query(
            RequestQuery.newBuilder()
                .setPath("/account/" + ALICE.address())
                .setProve(true)
                .build());
    assertEquals(0, response.getCode(), response.getLog());
    assertEquals(2, response.getProofOps().getOpsCount());
    assertEquals("sprint/smt/v1", response.getProofOps().getOps(0).getType());
    assertEquals("sprint/value/v1", response.getProofOps().getOps(1).getType());
    byte[] storeKey = response.getProofOps().getOps(0).getKey().toByteArray();
    assertTrue(
        ProofVerifier.verify(
            response.getProofOps().getOps(0).getData().toByteArray(),
            storeKey,
            Optional.of(response.getProofOps().getOps(1).getData().toByteArray()),
            node.info(RequestInfo.getDefaultInstance()).getLastBlockAppHash().toByteArray()));
    ResponseQuery unproved =
        node.query(RequestQuery.newBuilder().setPath("/account/" + ALICE.address()).build());
    assertEquals(0, unproved.getProofOps().getOpsCount());
  }
}
