package org.sprintchain.genesis;

import org.sprintchain.chain.crypto.Address;

/** An account funded at genesis. */
public record GenesisAccount(Address address, long balance) {
  public GenesisAccount {
    if (balance < 0) {
      throw new GenesisException(
          "app_state.accounts[" + address + "].balance", "must be >= 0, got " + balance);
    }
  }
}
