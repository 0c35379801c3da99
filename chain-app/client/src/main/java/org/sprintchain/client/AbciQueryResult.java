package org.sprintchain.client;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The app's answer to an {@code abci_query}. {@code proofOps} is empty unless the query asked for a
 * proof and the app gave one.
 */
public record AbciQueryResult(
    int code, String codespace, String log, byte[] value, long height, List<ProofOp> proofOps) {
  public AbciQueryResult {
    value = value.clone();
    proofOps = List.copyOf(proofOps);
  }

  /** An answer without proof ops. */
  public AbciQueryResult(int code, String codespace, String log, byte[] value, long height) {
    this(code, codespace, log, value, height, List.of());
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  public String valueUtf8() {
    return new String(value, StandardCharsets.UTF_8);
  }

  public boolean ok() {
    return code == 0;
  }

  /** One CometBFT {@code ProofOp}: its type, key and data bytes. */
  public record ProofOp(String type, byte[] key, byte[] data) {
    public ProofOp {
      key = key.clone();
      data = data.clone();
    }

    @Override
    public byte[] key() {
      return key.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }
}
