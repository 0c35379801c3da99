package org.sprintchain.abci;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import tendermint.abci.ResponseCommit;
import tendermint.abci.ResponseFinalizeBlock;
import tendermint.abci.ResponseInfo;
import tendermint.abci.ResponseInitChain;
import tendermint.abci.ResponsePrepareProposal;
import tendermint.abci.ResponseProcessProposal;
import tendermint.abci.ResponseQuery;

/**
 * The smallest application CometBFT will run a chain with, in the manner of its kvstore example:
 * every tx is valid, the app hash is the 8-byte big-endian count of committed txs, FinalizeBlock
 * stages and Commit applies. Query {@code /count} returns that count.
 */
final class CountingKvApplication implements AbciApplication {
  private final List<ByteString> committedTxs = new CopyOnWriteArrayList<>();
  private List<ByteString> stagedTxs = List.of();
  private long height;
  private long stagedHeight;
  private volatile long finalizedBlocks;

  List<ByteString> committedTxs() {
    return committedTxs;
  }

  long finalizedBlocks() {
    return finalizedBlocks;
  }

  private static ByteString appHash(long txCount) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(txCount).array());
  }

  @Override
  public ResponseInfo info(RequestInfo request) {
    return ResponseInfo.newBuilder()
        .setData("counting-kv")
        .setLastBlockHeight(height)
        .setLastBlockAppHash(height == 0 ? ByteString.EMPTY : appHash(committedTxs.size()))
        .build();
  }

  @Override
  public ResponseInitChain initChain(RequestInitChain request) {
    return ResponseInitChain.getDefaultInstance();
  }

  @Override
  public ResponseCheckTx checkTx(RequestCheckTx request) {
    return ResponseCheckTx.newBuilder().setCode(0).build();
  }

  @Override
  public ResponsePrepareProposal prepareProposal(RequestPrepareProposal request) {
    ResponsePrepareProposal.Builder proposal = ResponsePrepareProposal.newBuilder();
    long bytes = 0;
    for (ByteString tx : request.getTxsList()) {
      bytes += tx.size();
      if (bytes > request.getMaxTxBytes()) {
        break;
      }
      proposal.addTxs(tx);
    }
    return proposal.build();
  }

  @Override
  public ResponseProcessProposal processProposal(RequestProcessProposal request) {
    return ResponseProcessProposal.newBuilder()
        .setStatus(ResponseProcessProposal.ProposalStatus.ACCEPT)
        .build();
  }

  @Override
  public ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request) {
    stagedTxs = List.copyOf(request.getTxsList());
    stagedHeight = request.getHeight();
    finalizedBlocks++;
    ResponseFinalizeBlock.Builder result =
        ResponseFinalizeBlock.newBuilder()
            .setAppHash(appHash(committedTxs.size() + (long) stagedTxs.size()));
    stagedTxs.forEach(tx -> result.addTxResults(ExecTxResult.newBuilder().setCode(0)));
    return result.build();
  }

  @Override
  public ResponseCommit commit(RequestCommit request) {
    committedTxs.addAll(stagedTxs);
    stagedTxs = List.of();
    height = stagedHeight;
    return ResponseCommit.getDefaultInstance();
  }

  @Override
  public ResponseQuery query(RequestQuery request) {
    if (!request.getPath().equals("/count")) {
      return ResponseQuery.newBuilder().setCode(1).setLog("unknown path").build();
    }
    return ResponseQuery.newBuilder()
        .setValue(appHash(committedTxs.size()))
        .setHeight(height)
        .build();
  }
}
