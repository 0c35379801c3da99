package org.sprintchain.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.query.QueryRouter;

/**
 * App queries with Merkle proofs: {@code abci_query} with {@code prove=true} at the latest height
 * H, then the header of block H+1 (waiting for it up to a bound when H is the newest block), whose
 * {@code app_hash} commits to the state after H, and {@link QueryProofChecker} against it.
 *
 * <p>The header is taken from the same node, unverified: there is no light client here yet, so a
 * node that lies about headers is not caught. What is caught is an answer that does not match the
 * state the header commits to.
 */
public final class ProvenQueries {
  /** How long to wait for the header of H+1 by default: a few block intervals. */
  public static final Duration DEFAULT_HEADER_WAIT = Duration.ofSeconds(15);

  private static final long POLL_MILLIS = 200;

  private final CometRpcClient rpc;
  private final Duration headerWait;

  public ProvenQueries(CometRpcClient rpc) {
    this(rpc, DEFAULT_HEADER_WAIT);
  }

  public ProvenQueries(CometRpcClient rpc, Duration headerWait) {
    this.rpc = rpc;
    this.headerWait = headerWait;
  }

  public ProvenAnswer<AccountInfo> account(Address address) {
    String path = QueryRouter.ACCOUNT_PATH + address;
    AbciQueryResult answer = rpc.abciQuery(path, new byte[0], 0, true);
    byte[] appHash = appHashAfter(path, answer);
    return new ProvenAnswer<>(
        QueryProofChecker.account(address, answer, appHash), answer.height(), appHash);
  }

  public ProvenAnswer<ChainParams> params() {
    AbciQueryResult answer = rpc.abciQuery(QueryRouter.PARAMS_PATH, new byte[0], 0, true);
    byte[] appHash = appHashAfter(QueryRouter.PARAMS_PATH, answer);
    return new ProvenAnswer<>(QueryProofChecker.params(answer, appHash), answer.height(), appHash);
  }

  /** The job record at {@code height} (0: the latest), proven against the header of the next. */
  public ProvenAnswer<InferenceJob> job(long id, long height) {
    String path = "/inference/job/" + id;
    AbciQueryResult answer = rpc.abciQuery(path, new byte[0], height, true);
    byte[] appHash = appHashAfter(path, answer);
    return new ProvenAnswer<>(QueryProofChecker.job(id, answer, appHash), answer.height(), appHash);
  }

  /** The app hash in the header of block {@code answer.height() + 1}. */
  private byte[] appHashAfter(String path, AbciQueryResult answer) {
    if (!answer.ok()) {
      throw new ChainQueries.QueryException(path, answer.code(), answer.log());
    }
    if (answer.height() < 1) {
      throw new ProofVerificationException("the answer names no block height");
    }
    long next = answer.height() + 1;
    awaitHeight(next);
    JsonNode header = rpc.header(next);
    long height = header.path("height").asLong();
    String hex = header.path("app_hash").asText();
    if (height != next || hex.length() != 64) {
      throw new ProofVerificationException(
          "the node's header of block " + next + " is malformed: " + header);
    }
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new ProofVerificationException("the header's app_hash is not hex: " + hex);
    }
  }

  private void awaitHeight(long height) {
    long deadline = System.nanoTime() + headerWait.toNanos();
    while (rpc.status().latestHeight() < height) {
      if (System.nanoTime() - deadline > 0) {
        throw new RpcException(
            "block "
                + height
                + " (whose header commits to the answer) did not appear within "
                + headerWait.toSeconds()
                + " s");
      }
      try {
        TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RpcException("interrupted while waiting for block " + height, e);
      }
    }
  }
}
