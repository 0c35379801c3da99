package org.sprintchain.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.exec.TxExecutor;
import org.sprintchain.chain.exec.TxResult;
import org.sprintchain.chain.genesis.GenesisException;
import org.sprintchain.chain.genesis.GenesisParser;
import org.sprintchain.chain.genesis.GenesisState;
import org.sprintchain.chain.inference.InferenceBlock;
import org.sprintchain.chain.inference.InferenceMessages;
import org.sprintchain.chain.query.QueryResult;
import org.sprintchain.chain.query.QueryRouter;
import org.sprintchain.chain.sprint.SprintBlock;
import org.sprintchain.chain.sprint.SprintMessages;
import org.sprintchain.chain.state.ChainMeta;
import org.sprintchain.chain.state.ChainState;
import org.sprintchain.chain.state.StateOverlay;
import org.sprintchain.chain.state.StateReader;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.chain.tx.Transaction;
import org.sprintchain.chain.tx.TxDecoder;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.chain.tx.VerifiedTxCache;
import org.sprintchain.store.PreparedCommit;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.WriteSet;

/**
 * The chain's state machine behind the ABCI calls, in plain Java types so the rules stay free of
 * any adapter. Calls must come one at a time, in ABCI order.
 *
 * <p>Three views of state: the <b>committed</b> store; the <b>working</b> state that FinalizeBlock
 * builds as a {@link WriteSet} over it (genesis writes from InitChain ride along until the first
 * Commit) and that Commit persists atomically; and the <b>check</b> state that CheckTx mutates so
 * consecutive mempool txs from one signer chain correctly, thrown away and rebuilt from the
 * committed state after every Commit (CometBFT then rechecks the mempool against it). Nothing
 * reaches the store before Commit, so a crash at any earlier point leaves the last committed block
 * whole and CometBFT replays the rest.
 */
public final class ChainApplication {
  private final StateStore store;
  private final QueryRouter queries;
  private final VerifiedTxCache verifiedTxs = new VerifiedTxCache(VERIFIED_TX_CACHE_SIZE);

  /** Enough for a full mempool (CometBFT's default size is 5000) plus a block in flight. */
  static final int VERIFIED_TX_CACHE_SIZE = 16_384;

  /** Genesis writes staged by InitChain, persisted with the first block. */
  private WriteSet pendingGenesis = new WriteSet();

  private PreparedCommit pendingCommit;
  private WorkingState checkState;

  /**
   * The decoder and executor of the check state, built once per committed block: params, chain
   * record and sprint/inference settings do not change between commits, and CheckTx is the hot path
   * of a busy mempool.
   */
  private TxDecoder checkDecoder;

  private TxExecutor checkExecutor;

  public ChainApplication(StateStore store) {
    this.store = store;
    this.queries = new QueryRouter(store);
    this.committedMeta().ifPresent(this::requireVersionMatches);
  }

  private void requireVersionMatches(ChainMeta meta) {
    if (meta.versionOf(meta.lastHeight()) != store.latestVersion()) {
      throw new IllegalStateException(
          "store version "
              + store.latestVersion()
              + " does not hold last height "
              + meta.lastHeight());
    }
  }

  public AppInfo info() {
    long height = committedMeta().map(ChainMeta::lastHeight).orElse(0L);
    return new AppInfo(height, store.latestVersion() == 0 ? new byte[0] : store.rootHash());
  }

  /** Whether there is state to run on: a committed block, or a genesis staged by InitChain. */
  public boolean isInitialized() {
    return checkState().chainMeta().isPresent();
  }

  /**
   * Picks up a store that state sync has just rebuilt from a snapshot (the node never saw InitChain
   * or the blocks before it): drops every staged and cached view of the old, empty state, and
   * checks that the restored chain record matches the store version. The snapshot carries the chain
   * record (chain id, initial and last height), so Info reports the snapshot's height and app hash
   * from here on.
   *
   * @return what Info now reports
   * @throws IllegalStateException when the restored state has no chain record or one that does not
   *     hold the store's version
   */
  public AppInfo restoredFromSnapshot() {
    pendingGenesis = new WriteSet();
    pendingCommit = null;
    resetCheckState();
    ChainMeta meta =
        committedMeta()
            .orElseThrow(
                () -> new IllegalStateException("the restored state holds no chain record"));
    requireVersionMatches(meta);
    return info();
  }

  /**
   * Validates genesis and stages its writes; they are committed with the first block.
   *
   * @return the app hash the genesis state alone would have
   * @throws GenesisException naming the bad field
   * @throws IllegalStateException when the store already holds a chain
   */
  public byte[] initChain(GenesisRequest request) throws GenesisException {
    if (store.latestVersion() != 0) {
      throw new IllegalStateException(
          "InitChain on a store that already holds version " + store.latestVersion());
    }
    if (request.chainId().isEmpty()) {
      throw new GenesisException("chain_id", "must not be empty");
    }
    if (request.initialHeight() < 1) {
      throw new GenesisException("initial_height", "must be at least 1");
    }
    GenesisState genesis = GenesisParser.parse(request.appState());
    WorkingState state = new WorkingState(new StateOverlay(StateReader.latest(store)));
    genesis.stage(state, request.chainId(), request.initialHeight(), request.validators());
    pendingGenesis = state.writes();
    pendingCommit = null;
    resetCheckState();
    return store.prepare(pendingGenesis).rootHash();
  }

  /** CheckTx (new or recheck): code 0 admits the tx to the mempool. */
  public TxResult checkTx(byte[] rawTx) {
    WorkingState state = checkState();
    if (checkExecutor == null) {
      ChainMeta meta =
          state
              .chainMeta()
              .orElseThrow(() -> new IllegalStateException("CheckTx before InitChain"));
      checkDecoder = decoder(state);
      checkExecutor = executor(state, meta.nextHeight(), null);
    }
    try {
      Transaction tx = verifiedTxs.decode(checkDecoder, rawTx);
      checkExecutor.check(tx, state);
      return TxResult.ok(List.of());
    } catch (TxRejectedException e) {
      return TxResult.rejected(e);
    }
  }

  /**
   * Picks the block's txs from the mempool's candidates: drops any that do not decode (including a
   * bad signature or a size above {@code max_tx_bytes}) and stops before the total raw size would
   * exceed {@code maxBlockTxBytes}.
   */
  public List<byte[]> prepareProposal(List<byte[]> candidates, long maxBlockTxBytes) {
    TxDecoder decoder = decoder(blockBase());
    List<byte[]> chosen = new ArrayList<>();
    long total = 0;
    for (byte[] tx : candidates) {
      if (!decodes(decoder, tx)) {
        continue;
      }
      if (total + tx.length > maxBlockTxBytes) {
        break;
      }
      total += tx.length;
      chosen.add(tx);
    }
    return chosen;
  }

  /** True when every tx of a proposed block decodes; a block with any other tx is rejected. */
  public boolean processProposal(List<byte[]> txs) {
    TxDecoder decoder = decoder(blockBase());
    for (byte[] tx : txs) {
      if (!decodes(decoder, tx)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Executes a block over the committed state (plus pending genesis) and stages the result. Calling
   * it again for the same height before Commit (a replay after a crash) starts over and gives the
   * same result.
   *
   * @throws IllegalStateException when the height is not the next one
   */
  public BlockResult finalizeBlock(BlockRequest block) {
    WorkingState state = blockBase();
    ChainMeta meta =
        state
            .chainMeta()
            .orElseThrow(() -> new IllegalStateException("FinalizeBlock before InitChain"));
    if (block.height() != meta.nextHeight()) {
      throw new IllegalStateException(
          "FinalizeBlock height " + block.height() + ", expected " + meta.nextHeight());
    }
    TxDecoder decoder = decoder(state);
    SprintBlock sprint = SprintBlock.at(state, block.height(), meta.initialHeight());
    if (sprint != null) {
      sprint.begin(block.hash(), block.proposer());
    }
    InferenceBlock inference = InferenceBlock.at(state, block.height(), meta.initialHeight());
    if (inference != null) {
      inference.begin(block.hash());
    }
    TxExecutor executor = executor(state, block.height(), sprint);
    List<TxResult> results = new ArrayList<>(block.txs().size());
    for (byte[] raw : block.txs()) {
      try {
        results.add(executor.deliver(verifiedTxs.decode(decoder, raw), state, block.proposer()));
      } catch (TxRejectedException e) {
        results.add(TxResult.rejected(e));
      }
    }
    if (inference != null) {
      // Before the sprint's end: an epoch settling in this block sees this block's slashes.
      inference.end();
    }
    List<ValidatorUpdate> updates = sprint == null ? List.of() : sprint.end();
    state.putChainMeta(meta.withLastHeight(block.height()));
    pendingCommit = store.prepare(state.writes());
    List<Event> events = new ArrayList<>(sprint == null ? List.of() : sprint.events());
    if (inference != null) {
      events.addAll(inference.events());
    }
    return new BlockResult(results, pendingCommit.rootHash(), updates, events);
  }

  /**
   * Persists the block staged by the last FinalizeBlock and resets the check state.
   *
   * @return the height now committed
   * @throws IllegalStateException when no block is staged
   */
  public long commit() {
    if (pendingCommit == null) {
      throw new IllegalStateException("Commit without FinalizeBlock");
    }
    store.commit(pendingCommit);
    pendingCommit = null;
    pendingGenesis = new WriteSet();
    resetCheckState();
    return info().lastHeight();
  }

  /** Answers {@code path} at {@code height} (0 = latest committed); see {@link QueryRouter}. */
  public QueryResult query(String path, long height) {
    return queries.query(path, height, false);
  }

  /** As {@link #query(String, long)}, with a Merkle proof of the answer when {@code prove}. */
  public QueryResult query(String path, long height, boolean prove) {
    return queries.query(path, height, prove);
  }

  private Optional<ChainMeta> committedMeta() {
    return new ChainState(StateReader.latest(store)).chainMeta();
  }

  private WorkingState blockBase() {
    return new WorkingState(StateOverlay.withStaged(StateReader.latest(store), pendingGenesis));
  }

  private void resetCheckState() {
    checkState = null;
    checkDecoder = null;
    checkExecutor = null;
  }

  private WorkingState checkState() {
    if (checkState == null) {
      checkState = blockBase();
    }
    return checkState;
  }

  private static TxDecoder decoder(WorkingState state) {
    return new TxDecoder(state.params().maxTxBytes());
  }

  /**
   * The executor at {@code height}: on a chain with sprints it also runs sprint messages (and, with
   * an inference section, inference messages), and fees go to the epoch's reward pot (in a block)
   * rather than the proposer.
   */
  private static TxExecutor executor(WorkingState state, long height, SprintBlock block) {
    ChainMeta meta = state.chainMeta().orElseThrow();
    SprintMessages sprint = SprintMessages.at(state, height, meta.initialHeight());
    if (!sprint.enabled()) {
      return new TxExecutor(meta.chainId(), state.params());
    }
    TxExecutor.FeeSink fees = block == null ? TxExecutor.FeeSink.PROPOSER : block.feeSink();
    InferenceMessages inference = InferenceMessages.at(state, height, meta.initialHeight());
    return new TxExecutor(
        meta.chainId(), state.params(), sprint, fees, inference.enabled() ? inference : null);
  }

  private boolean decodes(TxDecoder decoder, byte[] tx) {
    try {
      verifiedTxs.decode(decoder, tx);
      return true;
    } catch (TxRejectedException e) {
      return false;
    }
  }
}
