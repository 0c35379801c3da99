package org.sprintchain.chain;

/**
 * One entry of FinalizeBlock's {@code validator_updates}: an ed25519 consensus key and its new
 * power, 0 to remove it. CometBFT applies updates returned at height H from H + 2.
 */
public record ValidatorUpdate(byte[] pubKey, long power) {
  public ValidatorUpdate {
    pubKey = pubKey.clone();
  }

  @Override
  public byte[] pubKey() {
    return pubKey.clone();
  }
}
