package org.sprintchain.testnet;

/**
 * One validator of CometBFT's {@code /validators} at some height.
 *
 * @param address CometBFT's validator address, upper-case hex
 * @param node the local node whose {@code priv_validator_key.json} it is, or {@code "?"}
 * @param power the voting power
 */
public record ValidatorPower(String address, String node, long power) {}
