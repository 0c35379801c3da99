package org.sprintchain.chain.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.sprintchain.chain.BlockRequest;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.state.ChainState;
import org.sprintchain.chain.state.StateReader;
import org.sprintchain.store.StateStore;

class SupplyProperties {
  private static final int ACCOUNTS = 6;
  private static final long[] GENESIS = {5_000, 3_000, 1_000, 200, 0, 0};

  /** One attempted transfer; {@code sequenceSkew} 0 uses the right sequence. */
  record Transfer(int from, int to, long amount, long fee, int sequenceSkew, int proposer) {}

  @Provide
  Arbitrary<List<List<Transfer>>> blocks() {
    Arbitrary<Transfer> transfer =
        Combinators.combine(
                Arbitraries.integers().between(0, ACCOUNTS - 1),
                Arbitraries.integers().between(0, ACCOUNTS - 1),
                Arbitraries.longs().between(1, 4_000),
                Arbitraries.longs().between(0, 60),
                Arbitraries.integers()
                    .between(-1, 1)
                    .withDistribution(net.jqwik.api.RandomDistribution.uniform()),
                Arbitraries.integers().between(0, ACCOUNTS - 1))
            .as(Transfer::new);
    return transfer.list().ofMaxSize(8).list().ofMinSize(1).ofMaxSize(5);
  }

  private static long supply(StateStore store) {
    ChainState state = new ChainState(StateReader.latest(store));
    long total = 0;
    for (int i = 0; i < ACCOUNTS; i++) {
      total = Math.addExact(total, state.account(ChainTestData.address(i)).balance());
    }
    return total;
  }

  @Property(tries = 40)
  void totalSupplyIsConserved(@ForAll("blocks") List<List<Transfer>> blocks) {
    StateStore store = ChainTestData.newStore();
    ChainApplication app = ChainTestData.startedChain(store, GENESIS);
    long genesisSupply = 0;
    for (long b : GENESIS) {
      genesisSupply += b;
    }
    long[] sequence = new long[ACCOUNTS];
    for (List<Transfer> block : blocks) {
      List<byte[]> txs = new ArrayList<>();
      for (Transfer t : block) {
        long seq = Math.max(0, sequence[t.from()] + t.sequenceSkew());
        txs.add(ChainTestData.send(t.from(), seq, t.fee(), t.to(), t.amount()));
      }
      int proposer = block.isEmpty() ? 0 : block.get(0).proposer();
      long height = app.info().lastHeight() + 1;
      var result =
          app.finalizeBlock(new BlockRequest(height, ChainTestData.address(proposer), txs));
      app.commit();
      ChainState state = new ChainState(StateReader.latest(store));
      for (int i = 0; i < ACCOUNTS; i++) {
        sequence[i] = state.account(ChainTestData.address(i)).sequence();
      }
      assertEquals(genesisSupply, supply(store), "after block " + height + ": " + result);
    }
  }

  @Provide
  Arbitrary<List<Integer>> orders() {
    return Arbitraries.shuffle(0, 1, 2, 3, 4, 5);
  }

  /** Transfers from distinct, sufficiently funded senders commute: same app hash in any order. */
  @Property(tries = 25)
  void independentTransfersCommute(
      @ForAll @Size(ACCOUNTS) List<@IntRange(min = 0, max = 150) Integer> amounts,
      @ForAll @Size(ACCOUNTS) List<@IntRange(min = 0, max = ACCOUNTS + 1) Integer> recipients,
      @ForAll("orders") List<Integer> order) {
    long[] funded = {500, 500, 500, 500, 500, 500};
    List<byte[]> txs = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      txs.add(ChainTestData.send(i, 0, 1 + i, recipients.get(i), 1 + amounts.get(i)));
    }
    List<byte[]> shuffled = new ArrayList<>();
    for (int i : order) {
      shuffled.add(txs.get(i));
    }
    ChainApplication inOrder = ChainTestData.startedChain(funded);
    ChainApplication reordered = ChainTestData.startedChain(funded);
    byte[] a = inOrder.finalizeBlock(new BlockRequest(1, ChainTestData.address(7), txs)).appHash();
    byte[] b =
        reordered.finalizeBlock(new BlockRequest(1, ChainTestData.address(7), shuffled)).appHash();
    assertArrayEquals(a, b);
  }
}
