package org.sprintchain.chain.tx;

import java.util.HexFormat;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.proto.tx.v1.TxBody;

/**
 * A decoded, signature-checked transaction. Only {@link TxDecoder} creates these, so holding one
 * means the bytes were canonical and the signature verified; stateful checks (chain id, sequence,
 * funds) come later.
 */
public final class Transaction {
  private final byte[] raw;
  private final byte[] hash;
  private final TxBody body;
  private final Address signer;

  Transaction(byte[] raw, byte[] hash, TxBody body, Address signer) {
    this.raw = raw;
    this.hash = hash;
    this.body = body;
    this.signer = signer;
  }

  /** The exact bytes as carried in the block. */
  public byte[] raw() {
    return raw.clone();
  }

  /** SHA-256 of the raw bytes (CometBFT's tx hash). */
  public byte[] hash() {
    return hash.clone();
  }

  public String hashHex() {
    return HexFormat.of().withUpperCase().formatHex(hash);
  }

  public TxBody body() {
    return body;
  }

  public Address signer() {
    return signer;
  }

  public int size() {
    return raw.length;
  }
}
