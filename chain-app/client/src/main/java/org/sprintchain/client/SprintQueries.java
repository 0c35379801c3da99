package org.sprintchain.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.sprintchain.chain.crypto.Address;

/**
 * The sprint's read paths through {@code abci_query}, answered as the app's JSON (fields as in
 * {@code chain-app/core}'s {@code SprintQueries}, {@code WorkerJson}, {@code DisputeJson}). Each
 * method builds its path, so callers never concatenate one; a non-zero code is a {@link
 * ChainQueries.QueryException}, and {@link #isNoSprints} tells the answer of a chain that has no
 * sprints apart from other refusals.
 */
public final class SprintQueries {
  /** The app's code for a malformed path argument, and for a chain without sprints. */
  public static final int BAD_ARGUMENT = 105;

  static final String NO_SPRINTS_LOG = "this chain has no sprints";

  private final ChainQueries queries;

  public SprintQueries(CometRpcClient rpc) {
    this.queries = new ChainQueries(rpc);
  }

  /** True when {@code e} is the answer of a chain without sprints. */
  public static boolean isNoSprints(RpcException e) {
    return e instanceof ChainQueries.QueryException q
        && q.code() == BAD_ARGUMENT
        && q.getMessage().contains(NO_SPRINTS_LOG);
  }

  /** {@code /sprint/params}. */
  public JsonNode params() {
    return query("/sprint/params");
  }

  /** {@code /sprint/current}: the epoch and phase of the next block. */
  public JsonNode current() {
    return query("/sprint/current");
  }

  /** {@code /sprint/<epoch>}: status, seed, emission and every worker's result once settled. */
  public JsonNode epoch(long epoch) {
    return query("/sprint/" + nonNegative(epoch));
  }

  /** {@code /sprint/<epoch>/<worker>}: commitment, sample, openings, digests, auditors, result. */
  public JsonNode workerInEpoch(long epoch, Address worker) {
    return query("/sprint/" + nonNegative(epoch) + "/" + worker);
  }

  /** {@code /sprint/<epoch>/audits/<auditor>}: the openings the auditor must recompute. */
  public JsonNode audits(long epoch, Address auditor) {
    return query("/sprint/" + nonNegative(epoch) + "/audits/" + auditor);
  }

  /** {@code /worker/<address>}: deposit, jail, last verified work and recent history. */
  public JsonNode worker(Address worker) {
    return query("/worker/" + worker);
  }

  /** {@code /validators}: the app's validator set with power and verified work. */
  public JsonNode validators() {
    return query("/validators");
  }

  /** {@code /disputes}: the open disputes and the next id. */
  public JsonNode disputes() {
    return query("/disputes");
  }

  /** {@code /dispute/<id>}. */
  public JsonNode dispute(long id) {
    return query("/dispute/" + nonNegative(id));
  }

  /**
   * The answer, which must be a JSON object: another app (e.g. kvstore) answers code 0 and no JSON.
   */
  private JsonNode query(String path) {
    JsonNode answer = queries.query(path);
    if (!answer.isObject()) {
      throw new RpcException(
          "abci_query "
              + path
              + " answered no JSON object (is this a Sprintchain app?): "
              + answer);
    }
    return answer;
  }

  private static long nonNegative(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("expected a number >= 0, got " + n);
    }
    return n;
  }
}
