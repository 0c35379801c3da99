package org.sprintchain.testnet;

import java.time.Instant;

/**
 * A block header's summary from CometBFT's {@code /blockchain}.
 *
 * @param appHash the header's app hash (the state after the previous block), upper-case hex
 * @param proposer the proposer's validator address, upper-case hex
 */
public record BlockMeta(long height, Instant time, int txs, String appHash, String proposer) {}
