package org.sprintchain.testnet.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.client.AccountInfo;
import org.sprintchain.client.BroadcastResult;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.TxResult;
import org.sprintchain.client.TxSender;

/**
 * Signed one-message {@code MsgSend} transfers for the Sprintchain app.
 *
 * <p>Setup creates {@code accounts} deterministic keys (derived from {@code seedTag}), funds each
 * from the funder key with one transfer, and waits for those to commit. Client {@code k} then owns
 * the accounts {@code i} with {@code i % clients == k}, so no two threads ever sign with the same
 * sequence. Account {@code i} sends 1 token to account {@code i+1} (mod {@code accounts}) with the
 * chain's {@code min_fee}, so the tx bytes are a function of (account, sequence) alone: a retry
 * after a lost answer is either a cache hit in CometBFT's mempool or the same tx again, never a
 * second spend.
 */
public final class TransferTxSource implements TxSource {
  private static final Duration FUNDING_TIMEOUT = Duration.ofSeconds(60);
  private static final long AMOUNT = 1;

  /** The max_fee of a load inference request; the synthetic model charges 1 per input byte. */
  static final long INFERENCE_MAX_FEE = 200;

  private final Ed25519.KeyPair funder;
  private final LoadMix mix;
  private final int accounts;
  private final long fundingPerAccount;
  private final String seedTag;
  private final List<Ed25519.KeyPair> keys;

  /**
   * @param funder a funded key that pays for the accounts (e.g. the testnet's demo key)
   * @param accounts how many sender accounts; at least the number of clients
   * @param fundingPerAccount the balance each account is topped up to before the run
   * @param seedTag derives the account keys; the same tag gives the same accounts
   */
  public TransferTxSource(
      Ed25519.KeyPair funder, int accounts, long fundingPerAccount, String seedTag) {
    this(funder, accounts, fundingPerAccount, seedTag, LoadMix.TRANSFERS);
  }

  /**
   * As above, with {@code mix} deciding which txs are paid inference requests on the testnet's
   * synthetic model instead of transfers.
   */
  public TransferTxSource(
      Ed25519.KeyPair funder, int accounts, long fundingPerAccount, String seedTag, LoadMix mix) {
    if (accounts < 1) {
      throw new IllegalArgumentException("accounts must be positive, got " + accounts);
    }
    if (fundingPerAccount < 2) {
      throw new IllegalArgumentException("fundingPerAccount must be at least 2");
    }
    this.funder = funder;
    this.mix = mix;
    this.accounts = accounts;
    this.fundingPerAccount = fundingPerAccount;
    this.seedTag = seedTag;
    List<Ed25519.KeyPair> list = new ArrayList<>(accounts);
    for (int i = 0; i < accounts; i++) {
      list.add(accountKey(seedTag, i));
    }
    this.keys = List.copyOf(list);
  }

  /** The key of load account {@code index} for {@code seedTag}. */
  public static Ed25519.KeyPair accountKey(String seedTag, int index) {
    byte[] seed =
        Hashes.sha256(("sprint-load/" + seedTag + "/" + index).getBytes(StandardCharsets.UTF_8));
    return Ed25519.KeyPair.fromPrivateKey(seed);
  }

  @Override
  public String name() {
    return mix.inference() == 0 ? "sprint-transfers" : "sprint-" + mix.label();
  }

  public List<Ed25519.KeyPair> keys() {
    return keys;
  }

  public String seedTag() {
    return seedTag;
  }

  @Override
  public List<TxStream> open(CometRpcClient rpc, int clients, Consumer<String> progress) {
    if (clients > accounts) {
      throw new IllegalArgumentException(
          "need at least one account per client: " + accounts + " accounts < " + clients);
    }
    ChainQueries queries = new ChainQueries(rpc);
    String chainId = rpc.status().network();
    long fee = queries.params().minFee();
    long[] sequences = fund(rpc, queries, chainId, fee, progress);
    List<TxStream> streams = new ArrayList<>(clients);
    for (int k = 0; k < clients; k++) {
      List<Integer> owned = new ArrayList<>();
      for (int i = k; i < accounts; i += clients) {
        owned.add(i);
      }
      streams.add(new Stream(queries, chainId, fee, owned, sequences));
    }
    return streams;
  }

  /** Tops every account up to {@code fundingPerAccount}; returns each account's next sequence. */
  private long[] fund(
      CometRpcClient rpc,
      ChainQueries queries,
      String chainId,
      long fee,
      Consumer<String> progress) {
    long[] sequences = new long[accounts];
    long funderSeq = queries.account(funder.address()).sequence();
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      AccountInfo info = queries.account(keys.get(i).address());
      sequences[i] = info.sequence();
      long missing = fundingPerAccount - info.balance();
      if (missing <= 0) {
        continue;
      }
      byte[] tx =
          TxSender.signSend(funder, chainId, funderSeq, keys.get(i).address(), missing, fee);
      BroadcastResult r = rpc.broadcastTxSync(tx);
      if (!r.accepted()) {
        throw new RpcException(
            "funding load account " + i + " was refused (code " + r.code() + "): " + r.log());
      }
      funderSeq++;
      hashes.add(r.hash());
    }
    progress.accept("funding " + hashes.size() + " of " + accounts + " load accounts");
    TxSender waiter = new TxSender(rpc, FUNDING_TIMEOUT);
    for (String hash : hashes) {
      TxResult result = waiter.awaitInclusion(hash, FUNDING_TIMEOUT);
      if (!result.ok()) {
        throw new RpcException(
            "funding tx " + hash + " failed in block " + result.height() + ": " + result.log());
      }
    }
    return sequences;
  }

  private final class Stream implements TxStream {
    private final ChainQueries queries;
    private final String chainId;
    private final long fee;
    private final int[] owned;
    private final long[] sequences;
    private int cursor;
    private byte[] pending;
    private long sent;

    Stream(ChainQueries queries, String chainId, long fee, List<Integer> owned, long[] all) {
      this.queries = queries;
      this.chainId = chainId;
      this.fee = fee;
      this.owned = owned.stream().mapToInt(Integer::intValue).toArray();
      this.sequences = new long[this.owned.length];
      for (int j = 0; j < this.owned.length; j++) {
        sequences[j] = all[this.owned[j]];
      }
    }

    @Override
    public byte[] next() {
      if (pending == null) {
        int account = owned[cursor];
        pending =
            mix.inferenceAt(sent)
                ? InferenceLoad.request(keys.get(account), chainId, sequences[cursor], fee, sent)
                : TxSender.signSend(
                    keys.get(account),
                    chainId,
                    sequences[cursor],
                    keys.get((account + 1) % accounts).address(),
                    AMOUNT,
                    fee);
      }
      return pending;
    }

    @Override
    public void accepted() {
      sequences[cursor]++;
      advance();
    }

    @Override
    public void refused(int code, String log) {
      if (code == RejectReason.STALE_SEQUENCE.code()
          || code == RejectReason.FUTURE_SEQUENCE.code()) {
        // After a crash the mempool is gone: restart from the committed sequence. Txs still in a
        // mempool come back as cache hits, which the generator counts as accepted.
        try {
          sequences[cursor] = queries.account(keys.get(owned[cursor]).address()).sequence();
        } catch (RpcException e) {
          // keep the old sequence; the next refusal retries the resync
        }
      }
      advance();
    }

    private void advance() {
      pending = null;
      sent++;
      cursor = (cursor + 1) % owned.length;
    }
  }
}
