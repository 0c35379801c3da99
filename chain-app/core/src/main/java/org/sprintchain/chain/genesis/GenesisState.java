package org.sprintchain.chain.genesis;

import java.util.List;
import java.util.Optional;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.inference.InferenceGenesis;
import org.sprintchain.chain.sprint.SprintGenesis;
import org.sprintchain.chain.state.Account;
import org.sprintchain.chain.state.ChainMeta;
import org.sprintchain.chain.state.Params;
import org.sprintchain.chain.state.WorkingState;

/**
 * The validated genesis {@code app_state}: params, the initial accounts, the sprint section and the
 * inference section (which needs the sprint section).
 */
public record GenesisState(
    Params params,
    List<GenesisAccount> accounts,
    Optional<SprintGenesis> sprint,
    Optional<InferenceGenesis> inference) {
  public GenesisState {
    accounts = List.copyOf(accounts);
    if (inference.isPresent() && sprint.isEmpty()) {
      throw new IllegalArgumentException("an inference section needs a sprint section");
    }
  }

  public GenesisState(
      Params params, List<GenesisAccount> accounts, Optional<SprintGenesis> sprint) {
    this(params, accounts, sprint, Optional.empty());
  }

  public GenesisState(Params params, List<GenesisAccount> accounts) {
    this(params, accounts, Optional.empty(), Optional.empty());
  }

  /** One funded account at genesis. */
  public record GenesisAccount(Address address, long balance) {}

  /** Stages the genesis writes: params, chain metadata (no block yet) and every account. */
  public void stage(WorkingState state, String chainId, long initialHeight) {
    try {
      stage(state, chainId, initialHeight, List.of());
    } catch (GenesisException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Stages everything, with the sprint section (workers, their deposits, the genesis validator set)
   * when there is one.
   *
   * @throws GenesisException when a genesis worker's balance does not cover its deposit
   */
  public void stage(
      WorkingState state,
      String chainId,
      long initialHeight,
      List<SprintGenesis.GenesisValidator> validators)
      throws GenesisException {
    state.putParams(params);
    state.putChainMeta(new ChainMeta(chainId, initialHeight, 0));
    for (GenesisAccount account : accounts) {
      state.putAccount(account.address(), new Account(account.balance(), 0));
    }
    if (sprint.isPresent()) {
      sprint.get().stage(state, validators);
    }
    if (inference.isPresent()) {
      inference.get().stage(state);
    }
  }

  /** The sum of all genesis balances; it fits in int64 by validation and never changes. */
  public long totalSupply() {
    long total = 0;
    for (GenesisAccount account : accounts) {
      total = Math.addExact(total, account.balance());
    }
    return total;
  }
}
