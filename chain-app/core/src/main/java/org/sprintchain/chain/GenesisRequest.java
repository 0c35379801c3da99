package org.sprintchain.chain;

/**
 * The part of ABCI InitChain the app uses.
 *
 * @param chainId CometBFT's chain id; every tx must carry it
 * @param initialHeight the height of the first block (1 unless genesis.json says otherwise)
 * @param appState the raw {@code app_state} JSON from genesis.json
 */
public record GenesisRequest(String chainId, long initialHeight, byte[] appState) {
  public GenesisRequest {
    appState = appState.clone();
  }

  @Override
  public byte[] appState() {
    return appState.clone();
  }
}
