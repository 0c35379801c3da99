package org.sprintchain.testnet;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One node's state as {@code testnet status} shows it.
 *
 * @param state whether all, some or none of the node's processes run
 * @param appPid the app JVM's pid when it runs (empty for a built-in CometBFT app)
 * @param height the latest block height from the node's RPC, when it answers
 * @param appHash the latest app hash (hex) from the node's RPC, when it answers
 * @param rpcError why the RPC did not answer, when it did not
 */
public record NodeReport(
    String name,
    State state,
    String rpcUrl,
    OptionalLong appPid,
    OptionalLong cometPid,
    OptionalLong height,
    Optional<String> appHash,
    Optional<String> rpcError) {

  /** Whether a node's processes run. */
  public enum State {
    /** The app (if any) and CometBFT run. */
    RUNNING,
    /** One of its two processes runs. */
    DEGRADED,
    /** Its processes are frozen by SIGSTOP ({@code testnet pause}). */
    PAUSED,
    STOPPED
  }
}
