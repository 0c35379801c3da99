package org.sprintchain.testnet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.client.BroadcastResult;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.TxResult;
import org.sprintchain.client.TxSender;
import org.sprintchain.testnet.load.TransferTxSource;

/**
 * 200 signed transfers through CometBFT's RPC on a real 1-validator chain, then every balance and
 * sequence checked exactly against the test's own ledger, fees included.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class TransfersIntegrationTest {
  private static final int SENDERS = 5;
  private static final int TRANSFERS = 200;
  private static final long FUNDING = 1_000_000;
  private static final Duration INCLUSION = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static SingleNodeChain chain;

  @BeforeAll
  static void startChain() {
    chain = SingleNodeChain.start(dir);
  }

  @AfterAll
  static void stopChain() {
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void everyBalanceAndSequenceMatchesTheModelAfter200Transfers() {
    ChainQueries queries = chain.queries();
    long minFee = queries.params().minFee();
    Ed25519.KeyPair demo = chain.net().demoKey();
    List<Ed25519.KeyPair> senders = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      senders.add(TransferTxSource.accountKey("transfers-it", i));
    }
    List<Address> recipients = new ArrayList<>();
    for (Ed25519.KeyPair k : senders) {
      recipients.add(k.address());
    }
    for (int i = 0; i < 3; i++) {
      recipients.add(TransferTxSource.accountKey("transfers-it-sink", i).address());
    }

    LedgerModel model = new LedgerModel();
    model.track(queries, demo.address());
    Address validator = chain.proposer(1);
    model.track(queries, validator);
    for (Address a : recipients) {
      model.track(queries, a);
    }
    long supplyBefore = model.total();

    // Fund the senders from the demo account; wait for the funding before spending it, since
    // CheckTx never lets a tx spend funds that are not committed yet.
    long demoSeq = model.sequence(demo.address());
    Map<String, Pending> pending = new TreeMap<>();
    for (Ed25519.KeyPair s : senders) {
      byte[] tx = TxSender.signSend(demo, chain.chainId(), demoSeq++, s.address(), FUNDING, minFee);
      pending.put(broadcast(tx), new Pending(demo.address(), s.address(), FUNDING, minFee));
    }
    applyWhenIncluded(pending, model);

    // 200 transfers: senders in rotation, varying recipients (including the other senders and
    // fresh accounts), amounts and fees, all broadcast before any is waited for.
    long[] seq = new long[SENDERS];
    for (int i = 0; i < SENDERS; i++) {
      seq[i] = model.sequence(senders.get(i).address());
    }
    pending.clear();
    for (int n = 0; n < TRANSFERS; n++) {
      int s = n % SENDERS;
      Ed25519.KeyPair from = senders.get(s);
      Address to = recipients.get((n * 3 + 1) % recipients.size());
      long amount = 1 + (n * 7919L) % 5_000;
      long fee = minFee + n % 4;
      byte[] tx = TxSender.signSend(from, chain.chainId(), seq[s]++, to, amount, fee);
      pending.put(broadcast(tx), new Pending(from.address(), to, amount, fee));
    }
    applyWhenIncluded(pending, model);

    model.assertMatches(queries);
    for (int i = 0; i < SENDERS; i++) {
      assertEquals(
          TRANSFERS / SENDERS,
          queries.account(senders.get(i).address()).sequence(),
          "every sender made exactly its share of the transfers");
    }
    assertEquals(supplyBefore, model.total(), "transfers and fees only move tokens");
    long onChainTotal = 0;
    for (Address a : model.addresses()) {
      onChainTotal += queries.account(a).balance();
    }
    assertEquals(supplyBefore, onChainTotal, "the tracked accounts hold the same supply on chain");
  }

  private record Pending(Address from, Address to, long amount, long fee) {}

  private static String broadcast(byte[] tx) {
    BroadcastResult r = chain.rpc().broadcastTxSync(tx);
    assertEquals(0, r.code(), "CheckTx refused a valid transfer: " + r.log());
    return r.hash();
  }

  /** Waits for each tx, checks code 0, and applies it to the model with its block's proposer. */
  private static void applyWhenIncluded(Map<String, Pending> pending, LedgerModel model) {
    TxSender waiter = new TxSender(chain.rpc(), INCLUSION);
    Map<Long, Address> proposers = new TreeMap<>();
    for (Map.Entry<String, Pending> e : pending.entrySet()) {
      TxResult r = waiter.awaitInclusion(e.getKey(), INCLUSION);
      assertTrue(r.ok(), "tx " + e.getKey() + " failed in block " + r.height() + ": " + r.log());
      Address proposer = proposers.computeIfAbsent(r.height(), chain::proposer);
      Pending p = e.getValue();
      model.transfer(p.from(), p.to(), p.amount(), p.fee(), proposer);
    }
  }
}
