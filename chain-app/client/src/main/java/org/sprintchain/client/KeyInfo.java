package org.sprintchain.client;

import java.util.HexFormat;
import org.sprintchain.chain.crypto.Address;

/** The public part of a stored key: its name, address and ed25519 public key. */
public record KeyInfo(String name, Address address, byte[] publicKey) {
  public KeyInfo {
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  public String publicKeyHex() {
    return HexFormat.of().formatHex(publicKey);
  }
}
