package org.sprintchain.chain.state;

import org.sprintchain.chain.crypto.Address;

/**
 * The byte layout of the chain state. Every key starts with a one-byte prefix naming its column.
 * Prefixes are part of the app hash: they are stable, and a retired prefix is never reused for
 * anything else.
 *
 * <pre>
 *   0x01 || address(20)   account   {balance u64 BE, sequence u64 BE}   (16 bytes)
 *   0x02                  params    {min_fee u64 BE, max_tx_bytes u32 BE} (12 bytes)
 *   0x03                  chain     {initial_height u64 BE, last_height u64 BE, chain_id UTF-8}
 * </pre>
 */
public final class StateKeys {
  public static final byte ACCOUNT_PREFIX = 0x01;
  public static final byte PARAMS_PREFIX = 0x02;
  public static final byte CHAIN_PREFIX = 0x03;

  private static final byte[] PARAMS_KEY = {PARAMS_PREFIX};
  private static final byte[] CHAIN_KEY = {CHAIN_PREFIX};

  private StateKeys() {}

  public static byte[] account(Address address) {
    byte[] raw = address.toBytes();
    byte[] key = new byte[1 + raw.length];
    key[0] = ACCOUNT_PREFIX;
    System.arraycopy(raw, 0, key, 1, raw.length);
    return key;
  }

  public static byte[] params() {
    return PARAMS_KEY.clone();
  }

  public static byte[] chain() {
    return CHAIN_KEY.clone();
  }
}
