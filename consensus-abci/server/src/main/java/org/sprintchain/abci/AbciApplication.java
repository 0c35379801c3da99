package org.sprintchain.abci;

import tendermint.abci.RequestApplySnapshotChunk;
import tendermint.abci.RequestCheckTx;
import tendermint.abci.RequestCommit;
import tendermint.abci.RequestExtendVote;
import tendermint.abci.RequestFinalizeBlock;
import tendermint.abci.RequestInfo;
import tendermint.abci.RequestInitChain;
import tendermint.abci.RequestListSnapshots;
import tendermint.abci.RequestLoadSnapshotChunk;
import tendermint.abci.RequestOfferSnapshot;
import tendermint.abci.RequestPrepareProposal;
import tendermint.abci.RequestProcessProposal;
import tendermint.abci.RequestQuery;
import tendermint.abci.RequestVerifyVoteExtension;
import tendermint.abci.ResponseApplySnapshotChunk;
import tendermint.abci.ResponseCheckTx;
import tendermint.abci.ResponseCommit;
import tendermint.abci.ResponseExtendVote;
import tendermint.abci.ResponseFinalizeBlock;
import tendermint.abci.ResponseInfo;
import tendermint.abci.ResponseInitChain;
import tendermint.abci.ResponseListSnapshots;
import tendermint.abci.ResponseLoadSnapshotChunk;
import tendermint.abci.ResponseOfferSnapshot;
import tendermint.abci.ResponsePrepareProposal;
import tendermint.abci.ResponseProcessProposal;
import tendermint.abci.ResponseQuery;
import tendermint.abci.ResponseVerifyVoteExtension;

/**
 * The ABCI 2.0 application as the socket server sees it: one method per request type, in CometBFT's
 * own protobuf types. The server calls these from its connection threads; it never calls two of
 * them at the same time (see {@link AbciSocketServer}), so implementations need no locking of their
 * own against each other.
 *
 * <p>A method that throws is a bug: the server logs it and answers CometBFT with an {@code
 * Exception} response, which stops the node. Expected invalidity (a bad tx, a bad query) must be
 * returned as a response with a non-zero code instead.
 */
public interface AbciApplication {
  ResponseInfo info(RequestInfo request);

  ResponseInitChain initChain(RequestInitChain request);

  ResponseCheckTx checkTx(RequestCheckTx request);

  ResponsePrepareProposal prepareProposal(RequestPrepareProposal request);

  ResponseProcessProposal processProposal(RequestProcessProposal request);

  ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request);

  ResponseCommit commit(RequestCommit request);

  ResponseQuery query(RequestQuery request);

  default ResponseExtendVote extendVote(RequestExtendVote request) {
    return ResponseExtendVote.getDefaultInstance();
  }

  default ResponseVerifyVoteExtension verifyVoteExtension(RequestVerifyVoteExtension request) {
    return ResponseVerifyVoteExtension.newBuilder()
        .setStatus(ResponseVerifyVoteExtension.VerifyStatus.ACCEPT)
        .build();
  }

  default ResponseListSnapshots listSnapshots(RequestListSnapshots request) {
    return ResponseListSnapshots.getDefaultInstance();
  }

  default ResponseOfferSnapshot offerSnapshot(RequestOfferSnapshot request) {
    return ResponseOfferSnapshot.newBuilder()
        .setResult(ResponseOfferSnapshot.Result.REJECT)
        .build();
  }

  default ResponseLoadSnapshotChunk loadSnapshotChunk(RequestLoadSnapshotChunk request) {
    return ResponseLoadSnapshotChunk.getDefaultInstance();
  }

  default ResponseApplySnapshotChunk applySnapshotChunk(RequestApplySnapshotChunk request) {
    return ResponseApplySnapshotChunk.newBuilder()
        .setResult(ResponseApplySnapshotChunk.Result.ABORT)
        .build();
  }
}
