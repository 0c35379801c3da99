package org.sprintchain.node.worker;

import com.fasterxml.jackson.databind.JsonNode;
import org.sprintchain.client.RpcException;

/**
 * Whether the chain is ready for the worker: the node answers and the chain has sprints. A chain
 * without a sprint section never will, so the worker stops for good ({@code disabled}).
 */
record AbciReady(boolean ready, boolean disabled, long minFee) {
  static AbciReady check(ChainView view) {
    JsonNode chainParams;
    try {
      if (view.appStatus().path("height").asLong() < 1) {
        return new AbciReady(false, false, 0); // before the first block nothing is known yet
      }
      view.current();
      chainParams = view.chainParams();
    } catch (RpcException e) {
      boolean noSprints = String.valueOf(e.getMessage()).contains("no sprints");
      return new AbciReady(false, noSprints, 0);
    }
    return new AbciReady(true, false, chainParams.path("min_fee").asLong());
  }
}
