package org.sprintchain.chain;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.genesis.GenesisException;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgSend;
import org.sprintchain.proto.tx.v1.TxBody;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.testing.InMemoryStateStore;

/** Seeded test data: keys, genesis documents, signed transfers, a started chain. */
public final class ChainTestData {
  public static final String CHAIN_ID = "sprint-test";
  public static final long MIN_FEE = 1;
  public static final int MAX_TX_BYTES = 65536;

  private ChainTestData() {}

  /** The key whose private seed is SHA-256 of "key-{@code n}": the same on every machine. */
  public static Ed25519.KeyPair key(int n) {
    return Ed25519.KeyPair.fromPrivateKey(
        Hashes.sha256(("key-" + n).getBytes(StandardCharsets.UTF_8)));
  }

  public static Address address(int n) {
    return key(n).address();
  }

  public static StateStore newStore() {
    return InMemoryStateStore.create();
  }

  /** {@code app_state} giving key(i) the balance {@code balances[i]}. */
  public static byte[] appStateWithParams(long minFee, int maxTxBytes, long... balances) {
    StringBuilder json = new StringBuilder();
    json.append("{\"params\":{\"min_fee\":")
        .append(minFee)
        .append(",\"max_tx_bytes\":")
        .append(maxTxBytes)
        .append("},\"accounts\":[");
    for (int i = 0; i < balances.length; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"address\":\"")
          .append(address(i))
          .append("\",\"balance\":")
          .append(balances[i])
          .append('}');
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] appState(long... balances) {
    return appStateWithParams(MIN_FEE, MAX_TX_BYTES, balances);
  }

  /** A chain on a fresh in-memory store after InitChain (nothing committed yet). */
  public static ChainApplication startedChain(long... balances) {
    return startedChain(newStore(), balances);
  }

  public static ChainApplication startedChain(StateStore store, long... balances) {
    ChainApplication app = new ChainApplication(store);
    try {
      app.initChain(new GenesisRequest(CHAIN_ID, 1, appState(balances)));
    } catch (GenesisException e) {
      throw new AssertionError(e);
    }
    return app;
  }

  public static TxBody.Builder body(long sequence, long fee) {
    return TxBody.newBuilder().setChainId(CHAIN_ID).setSequence(sequence).setFee(fee);
  }

  public static Msg sendMsg(Address to, long amount) {
    return Msg.newBuilder()
        .setSend(
            MsgSend.newBuilder().setTo(ByteString.copyFrom(to.toBytes())).setAmount(amount).build())
        .build();
  }

  /** A signed single-send tx. */
  public static byte[] send(int from, long sequence, long fee, Address to, long amount) {
    return TxSigner.sign(key(from), body(sequence, fee).addMsgs(sendMsg(to, amount)).build());
  }

  public static byte[] send(int from, long sequence, long fee, int to, long amount) {
    return send(from, sequence, fee, address(to), amount);
  }

  /** Runs one block with proposer key(proposer) and commits it. */
  public static BlockResult commitBlock(ChainApplication app, int proposer, byte[]... txs) {
    long height = app.info().lastHeight() + 1;
    BlockResult result =
        app.finalizeBlock(new BlockRequest(height, address(proposer), List.of(txs)));
    app.commit();
    return result;
  }

  public static List<byte[]> list(byte[]... txs) {
    return new ArrayList<>(List.of(txs));
  }
}
