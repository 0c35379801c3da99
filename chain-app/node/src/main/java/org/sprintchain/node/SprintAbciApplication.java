package org.sprintchain.node;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.abci.AbciApplication;
import org.sprintchain.chain.AppInfo;
import org.sprintchain.chain.BlockRequest;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.GenesisRequest;
import org.sprintchain.chain.ValidatorUpdate;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.exec.TxResult;
import org.sprintchain.chain.genesis.GenesisException;
import org.sprintchain.chain.query.QueryError;
import org.sprintchain.chain.query.QueryResult;
import org.sprintchain.chain.query.StateProof;
import org.sprintchain.chain.sprint.SprintGenesis;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.store.SnapshotManifest;
import org.sprintchain.store.StoreCorruptedException;
import tendermint.abci.EventAttribute;
import tendermint.abci.ExecTxResult;
import tendermint.abci.RequestApplySnapshotChunk;
import tendermint.abci.RequestCheckTx;
import tendermint.abci.RequestCommit;
import tendermint.abci.RequestFinalizeBlock;
import tendermint.abci.RequestInfo;
import tendermint.abci.RequestInitChain;
import tendermint.abci.RequestListSnapshots;
import tendermint.abci.RequestLoadSnapshotChunk;
import tendermint.abci.RequestOfferSnapshot;
import tendermint.abci.RequestPrepareProposal;
import tendermint.abci.RequestProcessProposal;
import tendermint.abci.RequestQuery;
import tendermint.abci.ResponseApplySnapshotChunk;
import tendermint.abci.ResponseCheckTx;
import tendermint.abci.ResponseCommit;
import tendermint.abci.ResponseFinalizeBlock;
import tendermint.abci.ResponseInfo;
import tendermint.abci.ResponseInitChain;
import tendermint.abci.ResponseListSnapshots;
import tendermint.abci.ResponseLoadSnapshotChunk;
import tendermint.abci.ResponseOfferSnapshot;
import tendermint.abci.ResponsePrepareProposal;
import tendermint.abci.ResponseProcessProposal;
import tendermint.abci.ResponseQuery;
import tendermint.crypto.ProofOp;
import tendermint.crypto.ProofOps;

/**
 * Maps CometBFT's ABCI protobuf types onto the {@link ChainApplication} facade. Invalid txs and
 * queries come back as responses with a non-zero code; only a bad genesis (CometBFT cannot go on
 * without a valid one) and a broken call order throw. An unrecoverable {@link
 * StoreCorruptedException} goes to the {@link FatalErrorHandler}, which stops the node.
 */
public final class SprintAbciApplication implements AbciApplication {
  /** Reported in Info; raise it with every change to the state machine's rules. */
  public static final long APP_VERSION = 1;

  public static final String VERSION = "0.1.0";

  private static final Logger LOG = LoggerFactory.getLogger(SprintAbciApplication.class);

  private final ChainApplication chain;
  private final FatalErrorHandler fatal;
  private final SnapshotProducer snapshots;
  private final SnapshotRestorer restorer;

  /** An application without state sync: it offers no snapshots and refuses every offer. */
  public SprintAbciApplication(ChainApplication chain, FatalErrorHandler fatal) {
    this(chain, null, null, fatal);
  }

  /**
   * @param snapshots takes and serves this node's snapshots; null: none offered
   * @param restorer restores an empty node from a peer's snapshot; null: offers are refused
   */
  SprintAbciApplication(
      ChainApplication chain,
      SnapshotProducer snapshots,
      SnapshotRestorer restorer,
      FatalErrorHandler fatal) {
    this.chain = chain;
    this.snapshots = snapshots;
    this.restorer = restorer;
    this.fatal = fatal;
  }

  @Override
  public ResponseInfo info(RequestInfo request) {
    AppInfo info = guarded("Info", chain::info);
    return ResponseInfo.newBuilder()
        .setData("sprintchain")
        .setVersion(VERSION)
        .setAppVersion(APP_VERSION)
        .setLastBlockHeight(info.lastHeight())
        .setLastBlockAppHash(ByteString.copyFrom(info.appHash()))
        .build();
  }

  /**
   * Genesis validators stand as CometBFT has them (no validator changes are returned); on a chain
   * with sprints the app records them as the current set, which the first passing sprint replaces.
   */
  @Override
  public ResponseInitChain initChain(RequestInitChain request) {
    GenesisRequest genesis =
        new GenesisRequest(
            request.getChainId(),
            request.getInitialHeight() == 0 ? 1 : request.getInitialHeight(),
            request.getAppStateBytes().toByteArray(),
            request.getValidatorsList().stream()
                .map(
                    v ->
                        new SprintGenesis.GenesisValidator(
                            v.getPubKey().getEd25519().toByteArray(), v.getPower()))
                .toList());
    byte[] appHash =
        guarded(
            "InitChain",
            () -> {
              try {
                return chain.initChain(genesis);
              } catch (GenesisException e) {
                LOG.error("Refusing genesis: {}", e.getMessage());
                throw new IllegalArgumentException("invalid genesis: " + e.getMessage(), e);
              }
            });
    LOG.info("Genesis for chain {} staged", request.getChainId());
    return ResponseInitChain.newBuilder().setAppHash(ByteString.copyFrom(appHash)).build();
  }

  @Override
  public ResponseCheckTx checkTx(RequestCheckTx request) {
    if (!guarded("CheckTx", chain::isInitialized)) {
      // A node that is state syncing has no state yet; CometBFT holds its mempool back until
      // then, but an RPC broadcast can still arrive.
      return ResponseCheckTx.newBuilder()
          .setCode(QueryError.NOT_INITIALIZED.code())
          .setLog(QueryError.NOT_INITIALIZED.summary() + " (the node is still syncing)")
          .setCodespace(RejectReason.CODESPACE)
          .build();
    }
    TxResult result = guarded("CheckTx", () -> chain.checkTx(request.getTx().toByteArray()));
    return ResponseCheckTx.newBuilder()
        .setCode(result.code())
        .setLog(result.log())
        .setCodespace(result.codespace())
        .build();
  }

  @Override
  public ResponsePrepareProposal prepareProposal(RequestPrepareProposal request) {
    List<byte[]> chosen =
        guarded(
            "PrepareProposal",
            () -> chain.prepareProposal(bytesList(request.getTxsList()), request.getMaxTxBytes()));
    ResponsePrepareProposal.Builder response = ResponsePrepareProposal.newBuilder();
    chosen.forEach(tx -> response.addTxs(ByteString.copyFrom(tx)));
    return response.build();
  }

  @Override
  public ResponseProcessProposal processProposal(RequestProcessProposal request) {
    boolean accept =
        guarded("ProcessProposal", () -> chain.processProposal(bytesList(request.getTxsList())));
    return ResponseProcessProposal.newBuilder()
        .setStatus(
            accept
                ? ResponseProcessProposal.ProposalStatus.ACCEPT
                : ResponseProcessProposal.ProposalStatus.REJECT)
        .build();
  }

  @Override
  public ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request) {
    BlockRequest block =
        new BlockRequest(
            request.getHeight(),
            Address.fromBytes(request.getProposerAddress().toByteArray()),
            bytesList(request.getTxsList()),
            request.getHash().toByteArray());
    BlockResult result = guarded("FinalizeBlock", () -> chain.finalizeBlock(block));
    ResponseFinalizeBlock.Builder response =
        ResponseFinalizeBlock.newBuilder().setAppHash(ByteString.copyFrom(result.appHash()));
    result.txResults().forEach(tx -> response.addTxResults(toExecTxResult(tx)));
    result.events().forEach(e -> response.addEvents(toAbciEvent(e)));
    for (ValidatorUpdate u : result.validatorUpdates()) {
      response.addValidatorUpdates(
          tendermint.abci.ValidatorUpdate.newBuilder()
              .setPubKey(
                  tendermint.crypto.PublicKey.newBuilder()
                      .setEd25519(ByteString.copyFrom(u.pubKey())))
              .setPower(u.power()));
    }
    if (!result.validatorUpdates().isEmpty()) {
      LOG.info(
          "Height {}: {} validator update(s) from a settled sprint",
          request.getHeight(),
          result.validatorUpdates().size());
    }
    return response.build();
  }

  @Override
  public ResponseCommit commit(RequestCommit request) {
    long height = guarded("Commit", chain::commit);
    LOG.debug("Committed block {}", height);
    if (snapshots != null) {
      snapshots.afterCommit(height);
    }
    return ResponseCommit.newBuilder().setRetainHeight(0).build();
  }

  @Override
  public ResponseQuery query(RequestQuery request) {
    QueryResult result =
        guarded(
            "Query", () -> chain.query(request.getPath(), request.getHeight(), request.getProve()));
    ResponseQuery.Builder response =
        ResponseQuery.newBuilder()
            .setCode(result.code())
            .setLog(result.log())
            .setCodespace(result.isOk() ? "" : RejectReason.CODESPACE)
            .setKey(request.getData())
            .setValue(ByteString.copyFrom(result.value()))
            .setHeight(result.height());
    result.proof().ifPresent(proof -> response.setProofOps(toProofOps(proof)));
    return response.build();
  }

  @Override
  public ResponseListSnapshots listSnapshots(RequestListSnapshots request) {
    ResponseListSnapshots.Builder response = ResponseListSnapshots.newBuilder();
    if (snapshots != null) {
      for (SnapshotProducer.Offered o : snapshots.list()) {
        SnapshotManifest manifest = o.manifest();
        response.addSnapshots(
            tendermint.abci.Snapshot.newBuilder()
                .setHeight(o.height())
                .setFormat(SnapshotManifest.FORMAT)
                .setChunks(manifest.chunkCount())
                .setHash(ByteString.copyFrom(manifest.hash()))
                .setMetadata(ByteString.copyFrom(manifest.encode())));
      }
    }
    return response.build();
  }

  /** An empty chunk tells CometBFT that this node does not have it (any more). */
  @Override
  public ResponseLoadSnapshotChunk loadSnapshotChunk(RequestLoadSnapshotChunk request) {
    if (snapshots == null) {
      return ResponseLoadSnapshotChunk.getDefaultInstance();
    }
    Optional<byte[]> chunk =
        guarded(
            "LoadSnapshotChunk",
            () -> snapshots.chunk(request.getHeight(), request.getFormat(), request.getChunk()));
    return ResponseLoadSnapshotChunk.newBuilder()
        .setChunk(chunk.map(ByteString::copyFrom).orElse(ByteString.EMPTY))
        .build();
  }

  @Override
  public ResponseOfferSnapshot offerSnapshot(RequestOfferSnapshot request) {
    if (restorer == null) {
      return ResponseOfferSnapshot.newBuilder()
          .setResult(ResponseOfferSnapshot.Result.REJECT)
          .build();
    }
    return guarded("OfferSnapshot", () -> restorer.offer(request));
  }

  @Override
  public ResponseApplySnapshotChunk applySnapshotChunk(RequestApplySnapshotChunk request) {
    if (restorer == null) {
      return ResponseApplySnapshotChunk.newBuilder()
          .setResult(ResponseApplySnapshotChunk.Result.ABORT)
          .build();
    }
    ResponseApplySnapshotChunk response =
        guarded("ApplySnapshotChunk", () -> restorer.apply(request));
    boolean restored =
        response.getResult() == ResponseApplySnapshotChunk.Result.ACCEPT && !restorer.inProgress();
    if (restored && snapshots != null) {
      snapshots.resume(chain.info().lastHeight());
    }
    return response;
  }

  /**
   * Two ops: the Merkle proof of the store entry, and the raw stored value it proves (empty data
   * for an absent key), so a client can check the JSON answer against the app hash.
   */
  static ProofOps toProofOps(StateProof proof) {
    ByteString key = ByteString.copyFrom(proof.storeKey());
    return ProofOps.newBuilder()
        .addOps(
            ProofOp.newBuilder()
                .setType(StateProof.PROOF_OP_TYPE)
                .setKey(key)
                .setData(ByteString.copyFrom(proof.proof())))
        .addOps(
            ProofOp.newBuilder()
                .setType(StateProof.VALUE_OP_TYPE)
                .setKey(key)
                .setData(ByteString.copyFrom(proof.rawValue().orElse(new byte[0]))))
        .build();
  }

  static ExecTxResult toExecTxResult(TxResult tx) {
    ExecTxResult.Builder out =
        ExecTxResult.newBuilder()
            .setCode(tx.code())
            .setLog(tx.log())
            .setCodespace(tx.codespace())
            .setGasWanted(0)
            .setGasUsed(0);
    for (Event event : tx.events()) {
      out.addEvents(toAbciEvent(event));
    }
    return out.build();
  }

  static tendermint.abci.Event toAbciEvent(Event event) {
    tendermint.abci.Event.Builder abci = tendermint.abci.Event.newBuilder().setType(event.type());
    for (Event.Attribute a : event.attributes()) {
      abci.addAttributes(
          EventAttribute.newBuilder()
              .setKey(a.key())
              .setValue(a.value())
              .setIndex(a.index())
              .build());
    }
    return abci.build();
  }

  private static List<byte[]> bytesList(List<ByteString> txs) {
    return txs.stream().map(ByteString::toByteArray).toList();
  }

  private <T> T guarded(String call, Supplier<T> body) {
    try {
      return body.get();
    } catch (StoreCorruptedException e) {
      fatal.halt(call + ": unrecoverable storage failure", e);
      throw e;
    }
  }
}
