package org.sprintchain.chain.state;

import java.util.Optional;
import org.sprintchain.chain.crypto.Address;

/** Typed reads over a byte-level state view (the schema lives in {@link StateKeys}). */
public class ChainState {
  private final StateReader reader;

  public ChainState(StateReader reader) {
    this.reader = reader;
  }

  /** The account at {@code address}; an account never written reads as balance 0, sequence 0. */
  public Account account(Address address) {
    return reader.get(StateKeys.account(address)).map(Account::decode).orElse(Account.EMPTY);
  }

  /**
   * The chain parameters.
   *
   * @throws IllegalStateException before genesis has been staged
   */
  public Params params() {
    return reader
        .get(StateKeys.params())
        .map(Params::decode)
        .orElseThrow(() -> new IllegalStateException("no params in state: InitChain has not run"));
  }

  /** The raw value at {@code key}, for modules that keep their own schema (the sprint rules). */
  public Optional<byte[]> raw(byte[] key) {
    return reader.get(key);
  }

  /** The chain metadata, empty before genesis has been staged. */
  public Optional<ChainMeta> chainMeta() {
    return reader.get(StateKeys.chain()).map(ChainMeta::decode);
  }
}
