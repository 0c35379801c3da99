package org.sprintchain.client;

/** The chain parameters as {@code /params} reports them. */
public record ChainParams(long minFee, long maxTxBytes) {}
