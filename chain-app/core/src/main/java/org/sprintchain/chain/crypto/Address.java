package org.sprintchain.chain.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An account address: the first 20 bytes of SHA-256 of the ed25519 public key (as CometBFT derives
 * validator addresses), written as bech32 with the human-readable part {@value #HRP}.
 */
public final class Address implements Comparable<Address> {
  public static final String HRP = "spr";
  public static final int LENGTH = 20;

  private final byte[] bytes;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Address fromPublicKey(byte[] ed25519PublicKey) {
    if (ed25519PublicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException("ed25519 public key must be 32 bytes");
    }
    return new Address(Arrays.copyOf(Hashes.sha256(ed25519PublicKey), LENGTH));
  }

  /**
   * @throws IllegalArgumentException when {@code raw} is not {@value #LENGTH} bytes
   */
  public static Address fromBytes(byte[] raw) {
    if (raw.length != LENGTH) {
      throw new IllegalArgumentException("address must be " + LENGTH + " bytes, got " + raw.length);
    }
    return new Address(raw.clone());
  }

  /**
   * Parses the bech32 form {@code spr1...}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Address parse(String bech32) {
    Bech32.Decoded decoded = Bech32.decode(bech32);
    if (!decoded.hrp().equals(HRP)) {
      throw new IllegalArgumentException(
          "address must start with '" + HRP + "1', got prefix '" + decoded.hrp() + "'");
    }
    return fromBytes(decoded.data());
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public String toString() {
    return Bech32.encode(HRP, bytes);
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
