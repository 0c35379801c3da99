package org.sprintchain.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.query.QueryError;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgSend;
import org.sprintchain.proto.tx.v1.TxBody;
import org.sprintchain.store.SnapshotManifest;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.testing.InMemoryStateStore;
import tendermint.abci.RequestApplySnapshotChunk;
import tendermint.abci.RequestCheckTx;
import tendermint.abci.RequestCommit;
import tendermint.abci.RequestFinalizeBlock;
import tendermint.abci.RequestInfo;
import tendermint.abci.RequestInitChain;
import tendermint.abci.RequestListSnapshots;
import tendermint.abci.RequestLoadSnapshotChunk;
import tendermint.abci.RequestOfferSnapshot;
import tendermint.abci.RequestQuery;
import tendermint.abci.ResponseApplySnapshotChunk;
import tendermint.abci.ResponseInfo;
import tendermint.abci.ResponseOfferSnapshot;
import tendermint.abci.Snapshot;

/**
 * State sync between two in-process nodes over in-memory stores, through the ABCI snapshot calls
 * exactly as CometBFT makes them: a source node takes snapshots every few heights; a fresh node
 * accepts an offer under the trusted app hash, applies the chunks the source serves, reports the
 * snapshot's height and app hash in Info, and then runs the next blocks to the same app hashes.
 */
class StateSyncTest {
  private static final String CHAIN_ID = "sprint-sync-test";
  private static final Ed25519.KeyPair ALICE = key("alice");
  private static final Ed25519.KeyPair VALIDATOR = key("validator");
  private static final Duration EXPORT_WAIT = Duration.ofSeconds(10);

  private final List<String> halts = new ArrayList<>();
  private final List<SnapshotProducer> producers = new ArrayList<>();

  private static Ed25519.KeyPair key(String seed) {
    return Ed25519.KeyPair.fromPrivateKey(Hashes.sha256(seed.getBytes(StandardCharsets.UTF_8)));
  }

  /** A node over {@code store}, snapshots every {@code interval} versions in 64-byte chunks. */
  private record Node(
      InMemoryStateStore store, SprintAbciApplication app, SnapshotProducer snaps) {}

  private Node node(InMemoryStateStore store, long interval) {
    ChainApplication chain = new ChainApplication(store);
    SnapshotProducer producer =
        new SnapshotProducer(
            store,
            store,
            new SnapshotPolicy(interval, 2, 64),
            StoreOptions.archive(),
            (what, cause) -> halts.add(what));
    producers.add(producer);
    return new Node(
        store,
        new SprintAbciApplication(
            chain, producer, new SnapshotRestorer(store, chain), (what, c) -> halts.add(what)),
        producer);
  }

  @AfterEach
  void closeProducers() {
    producers.forEach(SnapshotProducer::close);
    assertEquals(List.of(), halts);
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

  private static ByteString send(long sequence, Address to) {
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
                            .setAmount(100 + sequence)))
            .build();
    return ByteString.copyFrom(TxSigner.sign(ALICE, body));
  }

  /** Runs block {@code height} with one transfer to a new account; returns its app hash. */
  private static ByteString block(SprintAbciApplication app, long height) {
    ByteString appHash =
        app.finalizeBlock(
                RequestFinalizeBlock.newBuilder()
                    .setHeight(height)
                    .setProposerAddress(ByteString.copyFrom(VALIDATOR.address().toBytes()))
                    .addTxs(send(height - 1, key("to-" + height).address()))
                    .build())
            .getAppHash();
    app.commit(RequestCommit.getDefaultInstance());
    return appHash;
  }

  /** A source chain of {@code blocks} blocks with snapshots every 3 versions. */
  private Node source(int blocks) {
    Node source = node(InMemoryStateStore.create(), 3);
    source.app().initChain(genesis());
    for (long h = 1; h <= blocks; h++) {
      block(source.app(), h);
    }
    source.snaps().awaitIdle(EXPORT_WAIT);
    return source;
  }

  private static RequestOfferSnapshot offer(Snapshot snapshot, byte[] trustedAppHash) {
    return RequestOfferSnapshot.newBuilder()
        .setSnapshot(snapshot)
        .setAppHash(ByteString.copyFrom(trustedAppHash))
        .build();
  }

  private static ByteString chunk(Node from, Snapshot s, int index) {
    return from.app()
        .loadSnapshotChunk(
            RequestLoadSnapshotChunk.newBuilder()
                .setHeight(s.getHeight())
                .setFormat(s.getFormat())
                .setChunk(index)
                .build())
        .getChunk();
  }

  private static ResponseApplySnapshotChunk apply(Node to, int index, ByteString chunk) {
    return to.app()
        .applySnapshotChunk(
            RequestApplySnapshotChunk.newBuilder()
                .setIndex(index)
                .setChunk(chunk)
                .setSender("peer-a")
                .build());
  }

  @Test
  void aFreshNodeRestoresTheNewestSnapshotAndFollowsTheChain() {
    Node source = source(7);
    List<Snapshot> offered =
        source.app().listSnapshots(RequestListSnapshots.getDefaultInstance()).getSnapshotsList();
    assertEquals(List.of(6L, 3L), offered.stream().map(Snapshot::getHeight).toList());
    Snapshot newest = offered.getFirst();
    SnapshotManifest manifest = SnapshotManifest.decode(newest.getMetadata().toByteArray());
    assertEquals(SnapshotManifest.FORMAT, newest.getFormat());
    assertArrayEquals(manifest.hash(), newest.getHash().toByteArray());
    assertEquals(manifest.chunkCount(), newest.getChunks());
    assertTrue(newest.getChunks() > 2, "64-byte chunks: several of them");
    byte[] trusted = source.store().rootHash(6);

    Node fresh = node(InMemoryStateStore.create(), 3);
    assertEquals(
        QueryError.NOT_INITIALIZED.code(),
        fresh
            .app()
            .checkTx(RequestCheckTx.newBuilder().setTx(send(7, ALICE.address())).build())
            .getCode(),
        "CheckTx before the restore is refused, not a crash");
    assertEquals(
        ResponseOfferSnapshot.Result.ACCEPT,
        fresh.app().offerSnapshot(offer(newest, trusted)).getResult());
    for (int i = 0; i < newest.getChunks(); i++) {
      assertEquals(
          ResponseApplySnapshotChunk.Result.ACCEPT,
          apply(fresh, i, chunk(source, newest, i)).getResult(),
          "chunk " + i);
    }
    ResponseInfo info = fresh.app().info(RequestInfo.getDefaultInstance());
    assertEquals(6, info.getLastBlockHeight());
    assertArrayEquals(trusted, info.getLastBlockAppHash().toByteArray());
    assertEquals(
        source.app().query(RequestQuery.newBuilder().setPath("/status").setHeight(6).build()),
        fresh.app().query(RequestQuery.newBuilder().setPath("/status").build()));

    // Block 7 replayed on the restored node gives the source's app hash; both go on together.
    Node replayed = source(6);
    assertEquals(block(replayed.app(), 7), block(fresh.app(), 7));
    assertEquals(block(replayed.app(), 8), block(fresh.app(), 8));
    assertEquals(0, fresh.app().checkTx(checkTx(8)).getCode());

    // Height 9 is a multiple of 3: the restored node takes and offers snapshots of its own.
    block(replayed.app(), 9);
    block(fresh.app(), 9);
    fresh.snaps().awaitIdle(EXPORT_WAIT);
    replayed.snaps().awaitIdle(EXPORT_WAIT);
    Snapshot own =
        fresh.app().listSnapshots(RequestListSnapshots.getDefaultInstance()).getSnapshots(0);
    assertEquals(9, own.getHeight());
    assertEquals(
        replayed.app().listSnapshots(RequestListSnapshots.getDefaultInstance()).getSnapshots(0),
        own,
        "the same state gives the same snapshot on every node");
  }

  private static RequestCheckTx checkTx(long sequence) {
    return RequestCheckTx.newBuilder().setTx(send(sequence, ALICE.address())).build();
  }

  @Test
  void offersThatDoNotMatchTheTrustedAppHashOrTheFormatAreRejected() {
    Node source = source(6);
    Snapshot s =
        source.app().listSnapshots(RequestListSnapshots.getDefaultInstance()).getSnapshots(0);
    byte[] trusted = source.store().rootHash(6);
    Node fresh = node(InMemoryStateStore.create(), 3);

    assertEquals(
        ResponseOfferSnapshot.Result.REJECT_FORMAT,
        fresh.app().offerSnapshot(offer(s.toBuilder().setFormat(2).build(), trusted)).getResult());
    byte[] otherRoot = source.store().rootHash(3);
    assertEquals(
        ResponseOfferSnapshot.Result.REJECT,
        fresh.app().offerSnapshot(offer(s, otherRoot)).getResult(),
        "the manifest's root is not the light client's app hash");
    assertEquals(
        ResponseOfferSnapshot.Result.REJECT,
        fresh
            .app()
            .offerSnapshot(
                offer(s.toBuilder().setHash(ByteString.copyFrom(new byte[32])).build(), trusted))
            .getResult());
    assertEquals(
        ResponseOfferSnapshot.Result.REJECT,
        fresh
            .app()
            .offerSnapshot(offer(s.toBuilder().setChunks(s.getChunks() + 1).build(), trusted))
            .getResult());
    assertEquals(
        ResponseOfferSnapshot.Result.REJECT,
        fresh
            .app()
            .offerSnapshot(
                offer(s.toBuilder().setMetadata(ByteString.copyFromUtf8("x")).build(), trusted))
            .getResult());
    assertEquals(
        ResponseOfferSnapshot.Result.REJECT,
        fresh.app().offerSnapshot(offer(s.toBuilder().setHeight(2).build(), trusted)).getResult(),
        "a height below the store version cannot be right");
    assertEquals(0, fresh.store().latestVersion());

    // A node that already has state cannot be restored into.
    assertEquals(
        ResponseOfferSnapshot.Result.ABORT,
        source.app().offerSnapshot(offer(s, trusted)).getResult());
    assertEquals(
        ResponseApplySnapshotChunk.Result.ABORT,
        apply(fresh, 0, chunk(source, s, 0)).getResult(),
        "a chunk without an accepted offer");
  }

  @Test
  void aCorruptedChunkIsRefetchedFromAnotherPeerAndABadSnapshotIsRejected() {
    Node source = source(6);
    Snapshot s =
        source.app().listSnapshots(RequestListSnapshots.getDefaultInstance()).getSnapshots(0);
    byte[] trusted = source.store().rootHash(6);
    Node fresh = node(InMemoryStateStore.create(), 3);
    assertEquals(
        ResponseOfferSnapshot.Result.ACCEPT,
        fresh.app().offerSnapshot(offer(s, trusted)).getResult());
    assertEquals(
        ResponseApplySnapshotChunk.Result.ACCEPT, apply(fresh, 0, chunk(source, s, 0)).getResult());

    byte[] bad = chunk(source, s, 1).toByteArray();
    bad[bad.length - 1] ^= 1;
    ResponseApplySnapshotChunk retry = apply(fresh, 1, ByteString.copyFrom(bad));
    assertEquals(ResponseApplySnapshotChunk.Result.RETRY, retry.getResult());
    assertEquals(List.of(1), retry.getRefetchChunksList());
    assertEquals(List.of("peer-a"), retry.getRejectSendersList());
    for (int i = 1; i < s.getChunks(); i++) {
      assertEquals(
          ResponseApplySnapshotChunk.Result.ACCEPT,
          apply(fresh, i, chunk(source, s, i)).getResult());
    }
    assertEquals(6, fresh.app().info(RequestInfo.getDefaultInstance()).getLastBlockHeight());

    // A snapshot whose chunks match its manifest but do not rebuild the trusted root: a forged
    // manifest over the chunks of height 3, claiming height 6's root.
    Snapshot older =
        source.app().listSnapshots(RequestListSnapshots.getDefaultInstance()).getSnapshots(1);
    SnapshotManifest real = SnapshotManifest.decode(older.getMetadata().toByteArray());
    SnapshotManifest forged = new SnapshotManifest(real.version(), trusted, real.chunkHashes());
    Snapshot lie =
        older.toBuilder()
            .setHash(ByteString.copyFrom(forged.hash()))
            .setMetadata(ByteString.copyFrom(forged.encode()))
            .build();
    Node victim = node(InMemoryStateStore.create(), 3);
    assertEquals(
        ResponseOfferSnapshot.Result.ACCEPT,
        victim.app().offerSnapshot(offer(lie, trusted)).getResult());
    ResponseApplySnapshotChunk last = null;
    for (int i = 0; i < lie.getChunks(); i++) {
      last = apply(victim, i, chunk(source, older, i));
    }
    assertEquals(ResponseApplySnapshotChunk.Result.REJECT_SNAPSHOT, last.getResult());
    assertEquals(0, victim.store().latestVersion(), "the store is empty again");
    assertEquals(0, victim.app().info(RequestInfo.getDefaultInstance()).getLastBlockHeight());

    // The next offer starts over cleanly.
    assertEquals(
        ResponseOfferSnapshot.Result.ACCEPT,
        victim.app().offerSnapshot(offer(s, trusted)).getResult());
    for (int i = 0; i < s.getChunks(); i++) {
      assertEquals(
          ResponseApplySnapshotChunk.Result.ACCEPT,
          apply(victim, i, chunk(source, s, i)).getResult());
    }
    assertArrayEquals(
        trusted,
        victim.app().info(RequestInfo.getDefaultInstance()).getLastBlockAppHash().toByteArray());
  }

  @Test
  void onlyTheNewestSnapshotsAreListedAndUnknownChunksComeBackEmpty() {
    Node source = source(10);
    List<Snapshot> offered =
        source.app().listSnapshots(RequestListSnapshots.getDefaultInstance()).getSnapshotsList();
    assertEquals(List.of(9L, 6L), offered.stream().map(Snapshot::getHeight).toList());
    Snapshot s = offered.getFirst();
    assertTrue(chunk(source, s, 0).size() > 0);
    assertTrue(chunk(source, s, s.getChunks()).isEmpty(), "past the last chunk");
    assertTrue(
        chunk(source, s.toBuilder().setHeight(3).build(), 0).size() > 0,
        "no longer listed, but a peer that picked it earlier still gets its chunks for a while");
    assertTrue(chunk(source, s.toBuilder().setHeight(4).build(), 0).isEmpty(), "never taken");
    assertTrue(chunk(source, s.toBuilder().setFormat(7).build(), 0).isEmpty(), "other format");
  }

  @Test
  void aRestartExportsTheNewestSnapshotsAgain() {
    Node source = source(7);
    List<Snapshot> before =
        source.app().listSnapshots(RequestListSnapshots.getDefaultInstance()).getSnapshotsList();
    Node restarted = node(source.store(), 3);
    assertEquals(
        0,
        restarted
            .app()
            .listSnapshots(RequestListSnapshots.getDefaultInstance())
            .getSnapshotsCount());
    restarted.snaps().resume(7);
    restarted.snaps().awaitIdle(EXPORT_WAIT);
    assertEquals(
        before,
        restarted
            .app()
            .listSnapshots(RequestListSnapshots.getDefaultInstance())
            .getSnapshotsList());
  }

  @Test
  void onAPruningStoreSnapshotVersionsStayReadableAsCheckpoints() {
    InMemoryStateStore store = InMemoryStateStore.create(StoreOptions.pruning(9, 3));
    ChainApplication chain = new ChainApplication(store);
    // Every 3 versions with checkpoints every 3: allowed, and the snapshots outlive the window.
    SnapshotProducer producer =
        new SnapshotProducer(
            store, store, new SnapshotPolicy(3, 2, 64), StoreOptions.pruning(9, 3), (w, c) -> {});
    producers.add(producer);
    SprintAbciApplication app =
        new SprintAbciApplication(
            chain, producer, new SnapshotRestorer(store, chain), (w, c) -> {});
    app.initChain(genesis());
    for (long h = 1; h <= 14; h++) {
      block(app, h);
    }
    producer.awaitIdle(EXPORT_WAIT);
    Snapshot s = app.listSnapshots(RequestListSnapshots.getDefaultInstance()).getSnapshots(1);
    assertEquals(9, s.getHeight());
    assertTrue(
        chunk(new Node(store, app, producer), s, 0).size() > 0, "a checkpoint stays readable");
  }

  @Test
  void droppedSnapshotsReleaseTheirVersionsToPruning() {
    // keep-recent 9 covers the window (interval 3 x (keep 2 + 1)) with no checkpoints: a snapshot
    // past the window stays readable only because it pins its version.
    InMemoryStateStore store = InMemoryStateStore.create(StoreOptions.pruning(9, 0));
    ChainApplication chain = new ChainApplication(store);
    SnapshotProducer producer =
        new SnapshotProducer(
            store, store, new SnapshotPolicy(3, 2, 64), StoreOptions.pruning(9, 0), (w, c) -> {});
    SprintAbciApplication app =
        new SprintAbciApplication(
            chain, producer, new SnapshotRestorer(store, chain), (w, c) -> {});
    app.initChain(genesis());
    for (long h = 1; h <= 30; h++) {
      block(app, h);
      producer.awaitIdle(EXPORT_WAIT);
    }
    long latest = store.latestVersion();
    long retired = 3;
    assertTrue(latest - retired > 9, "the retired snapshot's version is past the window");
    Snapshot s = app.listSnapshots(RequestListSnapshots.getDefaultInstance()).getSnapshots(0);
    assertTrue(
        chunk(new Node(store, app, producer), s.toBuilder().setHeight(retired).build(), 0).size()
            > 0,
        "a retiring snapshot still serves chunks: its version is pinned");
    producer.close();
    assertThrows(
        VersionNotAvailableException.class,
        () -> store.rootHash(retired),
        "closing the producer releases every pin, and the deferred versions are pruned");
    assertArrayEquals(store.rootHash(), store.rootHash(latest));
  }
}
