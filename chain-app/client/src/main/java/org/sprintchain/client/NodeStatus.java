package org.sprintchain.client;

/**
 * CometBFT's {@code /status}, the parts we use.
 *
 * @param network the chain id
 * @param latestAppHash upper-case hex, empty before the first block
 */
public record NodeStatus(
    String nodeId,
    String network,
    String moniker,
    long latestHeight,
    String latestAppHash,
    String latestBlockHash,
    boolean catchingUp) {}
