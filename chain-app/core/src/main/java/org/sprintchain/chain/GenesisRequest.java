package org.sprintchain.chain;

import java.util.List;
import org.sprintchain.chain.sprint.SprintGenesis;

/**
 * The part of ABCI InitChain the app uses.
 *
 * @param chainId CometBFT's chain id; every tx must carry it
 * @param initialHeight the height of the first block (1 unless genesis.json says otherwise)
 * @param appState the raw {@code app_state} JSON from genesis.json
 * @param validators CometBFT's genesis validators (the sprint keeps them as the current set)
 */
public record GenesisRequest(
    String chainId,
    long initialHeight,
    byte[] appState,
    List<SprintGenesis.GenesisValidator> validators) {
  public GenesisRequest {
    appState = appState.clone();
    validators = List.copyOf(validators);
  }

  public GenesisRequest(String chainId, long initialHeight, byte[] appState) {
    this(chainId, initialHeight, appState, List.of());
  }

  @Override
  public byte[] appState() {
    return appState.clone();
  }
}
