package org.sprintchain.abci;

import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tendermint.abci.Request;
import tendermint.abci.Response;
import tendermint.abci.ResponseEcho;
import tendermint.abci.ResponseException;
import tendermint.abci.ResponseFlush;

/**
 * Turns one {@link Request} into one {@link Response} by calling the {@link AbciApplication}.
 *
 * <p>Every application call, from every connection, runs under one lock. CometBFT already sends the
 * consensus connection's requests one at a time and in order; the lock extends that to the mempool,
 * query and snapshot connections so that the application sees one totally ordered stream of calls.
 * That keeps the state machine deterministic without any locking of its own: a {@code CheckTx} or
 * {@code Query} never runs in the middle of a {@code FinalizeBlock}. The lock covers single calls,
 * so one may still come between {@code FinalizeBlock} and {@code Commit}; the application answers
 * it from committed state (it stages in FinalizeBlock and persists in Commit). CometBFT's own Go
 * socket server does the same. The cost, one request at a time, is small next to block execution.
 * The lock is fair so that a flood of {@code CheckTx} on the mempool connection cannot starve the
 * consensus connection.
 */
final class AbciRequestDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(AbciRequestDispatcher.class);

  private final AbciApplication app;
  private final ReentrantLock appLock = new ReentrantLock(true);

  AbciRequestDispatcher(AbciApplication app) {
    this.app = app;
  }

  /**
   * Answers {@code request}. An application that throws a {@link RuntimeException} gets an {@code
   * Exception} response carrying the error text: CometBFT's contract for application bugs, which
   * makes the node stop rather than go on from an unknown state.
   *
   * @throws IllegalArgumentException if the request has no value (the caller rejects those first)
   */
  Response dispatch(Request request) {
    switch (request.getValueCase()) {
      case ECHO -> {
        // Echo and flush are transport-level: no application call, so no lock.
        return Response.newBuilder()
            .setEcho(ResponseEcho.newBuilder().setMessage(request.getEcho().getMessage()))
            .build();
      }
      case FLUSH -> {
        return Response.newBuilder().setFlush(ResponseFlush.getDefaultInstance()).build();
      }
      case VALUE_NOT_SET -> throw new IllegalArgumentException("request has no value");
      default -> {
        appLock.lock();
        try {
          return callApplication(request);
        } catch (RuntimeException e) {
          LOG.error("ABCI application failed on {}; answering with an exception", kind(request), e);
          return exception(e);
        } finally {
          appLock.unlock();
        }
      }
    }
  }

  private Response callApplication(Request r) {
    Response.Builder b = Response.newBuilder();
    return switch (r.getValueCase()) {
      case INFO -> b.setInfo(app.info(r.getInfo())).build();
      case INIT_CHAIN -> b.setInitChain(app.initChain(r.getInitChain())).build();
      case QUERY -> b.setQuery(app.query(r.getQuery())).build();
      case CHECK_TX -> b.setCheckTx(app.checkTx(r.getCheckTx())).build();
      case COMMIT -> b.setCommit(app.commit(r.getCommit())).build();
      case LIST_SNAPSHOTS -> b.setListSnapshots(app.listSnapshots(r.getListSnapshots())).build();
      case OFFER_SNAPSHOT -> b.setOfferSnapshot(app.offerSnapshot(r.getOfferSnapshot())).build();
      case LOAD_SNAPSHOT_CHUNK ->
          b.setLoadSnapshotChunk(app.loadSnapshotChunk(r.getLoadSnapshotChunk())).build();
      case APPLY_SNAPSHOT_CHUNK ->
          b.setApplySnapshotChunk(app.applySnapshotChunk(r.getApplySnapshotChunk())).build();
      case PREPARE_PROPOSAL ->
          b.setPrepareProposal(app.prepareProposal(r.getPrepareProposal())).build();
      case PROCESS_PROPOSAL ->
          b.setProcessProposal(app.processProposal(r.getProcessProposal())).build();
      case EXTEND_VOTE -> b.setExtendVote(app.extendVote(r.getExtendVote())).build();
      case VERIFY_VOTE_EXTENSION ->
          b.setVerifyVoteExtension(app.verifyVoteExtension(r.getVerifyVoteExtension())).build();
      case FINALIZE_BLOCK -> b.setFinalizeBlock(app.finalizeBlock(r.getFinalizeBlock())).build();
      case ECHO, FLUSH, VALUE_NOT_SET ->
          throw new IllegalStateException("not an application request: " + kind(r));
    };
  }

  private static Response exception(RuntimeException e) {
    return Response.newBuilder()
        .setException(ResponseException.newBuilder().setError(String.valueOf(e)))
        .build();
  }

  static String kind(Request request) {
    return request.getValueCase().name();
  }
}
