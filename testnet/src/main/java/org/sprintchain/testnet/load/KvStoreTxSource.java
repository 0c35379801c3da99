package org.sprintchain.testnet.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.sprintchain.client.CometRpcClient;

/**
 * {@code key=value} transactions for CometBFT's built-in kvstore app, padded to a fixed byte length
 * so that a kvstore run moves the same bytes per tx as a run of signed transfers. Keys are unique
 * per run, client and counter, so CometBFT's mempool cache never sees a duplicate.
 */
public final class KvStoreTxSource implements TxSource {
  /** The smallest length that fits the unique key, '=' and a one-byte value. */
  public static final int MIN_TX_BYTES = 32;

  private final int txBytes;
  private final String runTag;

  /**
   * @param txBytes the exact length of every tx
   * @param runTag distinguishes the keys of this run from earlier ones on the same chain
   */
  public KvStoreTxSource(int txBytes, String runTag) {
    if (txBytes < MIN_TX_BYTES) {
      throw new IllegalArgumentException(
          "kvstore txs need at least " + MIN_TX_BYTES + " bytes, got " + txBytes);
    }
    if (!runTag.matches("[a-z0-9]{1,8}")) {
      throw new IllegalArgumentException("runTag must be 1-8 of [a-z0-9], got " + runTag);
    }
    this.txBytes = txBytes;
    this.runTag = runTag;
  }

  @Override
  public String name() {
    return "kvstore";
  }

  public int txBytes() {
    return txBytes;
  }

  @Override
  public List<TxStream> open(CometRpcClient rpc, int clients, Consumer<String> progress) {
    List<TxStream> streams = new ArrayList<>(clients);
    for (int i = 0; i < clients; i++) {
      streams.add(new Stream(i));
    }
    return streams;
  }

  private final class Stream implements TxStream {
    private final int client;
    private long counter;

    Stream(int client) {
      this.client = client;
    }

    @Override
    public byte[] next() {
      String key = runTag + "c" + client + "n" + counter;
      byte[] tx = new byte[txBytes];
      Arrays.fill(tx, (byte) 'v');
      byte[] k = key.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(k, 0, tx, 0, k.length);
      tx[k.length] = '=';
      return tx;
    }

    @Override
    public void accepted() {
      counter++;
    }

    @Override
    public void refused(int code, String log) {
      counter++; // kvstore refuses only malformed txs; a new key cannot make it worse
    }
  }
}
