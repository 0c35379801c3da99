package org.sprintchain.chain.genesis;

import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.state.Account;
import org.sprintchain.chain.state.ChainMeta;
import org.sprintchain.chain.state.Params;
import org.sprintchain.chain.state.WorkingState;

/** The validated genesis {@code app_state}: params and the initial accounts. */
public record GenesisState(Params params, List<GenesisAccount> accounts) {
  public GenesisState {
    accounts = List.copyOf(accounts);
  }

  /** One funded account at genesis. */
  public record GenesisAccount(Address address, long balance) {}

  /** Stages the genesis writes: params, chain metadata (no block yet) and every account. */
  public void stage(WorkingState state, String chainId, long initialHeight) {
    state.putParams(params);
    state.putChainMeta(new ChainMeta(chainId, initialHeight, 0));
    for (GenesisAccount account : accounts) {
      state.putAccount(account.address(), new Account(account.balance(), 0));
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
