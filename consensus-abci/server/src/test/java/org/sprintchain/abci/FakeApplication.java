package org.sprintchain.abci;

import com.google.protobuf.ByteString;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A test application whose answers reveal which request they answer: {@code CheckTx} echoes the tx
 * in its log, {@code Query} echoes the path. A query for path {@code "boom"} throws, to exercise
 * the exception path. It also records how many calls were ever in flight at once.
 */
class FakeApplication implements AbciApplication {
  static final String BOOM = "boom";

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private final long callMillis;

  FakeApplication() {
    this(0);
  }

  /** {@code callMillis}: how long each call sleeps, so that overlapping calls would show. */
  FakeApplication(long callMillis) {
    this.callMillis = callMillis;
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  int calls() {
    return calls.get();
  }

  private void enter() {
    calls.incrementAndGet();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    if (callMillis > 0) {
      try {
        Thread.sleep(callMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void exit() {
    inFlight.decrementAndGet();
  }

  @Override
  public ResponseInfo info(RequestInfo request) {
    enter();
    try {
      return ResponseInfo.newBuilder().setData("fake").setLastBlockHeight(7).build();
    } finally {
      exit();
    }
  }

  @Override
  public ResponseInitChain initChain(RequestInitChain request) {
    return ResponseInitChain.getDefaultInstance();
  }

  @Override
  public ResponseCheckTx checkTx(RequestCheckTx request) {
    enter();
    try {
      return ResponseCheckTx.newBuilder().setLog(request.getTx().toStringUtf8()).build();
    } finally {
      exit();
    }
  }

  @Override
  public ResponsePrepareProposal prepareProposal(RequestPrepareProposal request) {
    return ResponsePrepareProposal.newBuilder().addAllTxs(request.getTxsList()).build();
  }

  @Override
  public ResponseProcessProposal processProposal(RequestProcessProposal request) {
    return ResponseProcessProposal.newBuilder()
        .setStatus(ResponseProcessProposal.ProposalStatus.ACCEPT)
        .build();
  }

  @Override
  public ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request) {
    return ResponseFinalizeBlock.newBuilder()
        .setAppHash(ByteString.copyFromUtf8("h" + request.getHeight()))
        .build();
  }

  @Override
  public ResponseCommit commit(RequestCommit request) {
    return ResponseCommit.getDefaultInstance();
  }

  @Override
  public ResponseQuery query(RequestQuery request) {
    enter();
    try {
      if (request.getPath().equals(BOOM)) {
        throw new IllegalStateException("query exploded on purpose");
      }
      return ResponseQuery.newBuilder().setLog(request.getPath()).build();
    } finally {
      exit();
    }
  }
}
