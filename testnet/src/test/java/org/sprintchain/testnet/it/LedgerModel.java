package org.sprintchain.testnet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.client.AccountInfo;
import org.sprintchain.client.ChainQueries;

/**
 * The test's own model of balances and sequences: what the chain must hold after a known list of
 * transfers. Fees go to the block's proposer, as {@code TxExecutor} specifies.
 */
final class LedgerModel {
  private final Map<Address, long[]> accounts = new TreeMap<>();

  /** Starts tracking {@code address} at its current on-chain balance and sequence. */
  void track(ChainQueries queries, Address address) {
    AccountInfo info = queries.account(address);
    accounts.put(address, new long[] {info.balance(), info.sequence()});
  }

  /** A successful transfer: signer pays fee and amount and advances, proposer earns the fee. */
  void transfer(Address from, Address to, long amount, long fee, Address proposer) {
    long[] f = account(from);
    f[0] = Math.subtractExact(f[0], Math.addExact(amount, fee));
    f[1]++;
    account(to)[0] = Math.addExact(account(to)[0], amount);
    account(proposer)[0] = Math.addExact(account(proposer)[0], fee);
  }

  long balance(Address a) {
    return account(a)[0];
  }

  long sequence(Address a) {
    return account(a)[1];
  }

  long total() {
    return accounts.values().stream().mapToLong(v -> v[0]).sum();
  }

  List<Address> addresses() {
    return new ArrayList<>(accounts.keySet());
  }

  /** Every tracked account on chain has exactly the modelled balance and sequence. */
  void assertMatches(ChainQueries queries) {
    for (Map.Entry<Address, long[]> e : accounts.entrySet()) {
      AccountInfo info = queries.account(e.getKey());
      assertEquals(e.getValue()[0], info.balance(), "balance of " + e.getKey());
      assertEquals(e.getValue()[1], info.sequence(), "sequence of " + e.getKey());
    }
  }

  private long[] account(Address a) {
    return accounts.computeIfAbsent(a, k -> new long[2]);
  }
}
