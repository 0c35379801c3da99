package org.sprintchain.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;

/**
 * A validator in CometBFT's {@code genesis.json}: an ed25519 consensus key and its voting power.
 */
public record GenesisValidator(String name, byte[] publicKey, long power) {
  public static final String PUB_KEY_TYPE = "tendermint/PubKeyEd25519";

  public GenesisValidator {
    if (publicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
      throw new GenesisException(
          "validators.pub_key", "ed25519 key must be 32 bytes, got " + publicKey.length);
    }
    if (power <= 0) {
      throw new GenesisException("validators.power", "must be > 0, got " + power);
    }
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** CometBFT's validator address: upper-case hex of the first 20 bytes of SHA-256(pubkey). */
  public String cometAddress() {
    return Address.fromPublicKey(publicKey).toHex().toUpperCase(Locale.ROOT);
  }

  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey);
  }

  /** Reads the public key from a CometBFT {@code priv_validator_key.json}. */
  public static GenesisValidator fromPrivValidatorKey(Path file, String name, long power) {
    JsonNode doc;
    try {
      doc = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new GenesisException(
          file.toString(), "cannot read validator key: " + e.getMessage(), e);
    }
    JsonNode pub = doc.path("pub_key");
    if (!PUB_KEY_TYPE.equals(pub.path("type").asText())) {
      throw new GenesisException(
          file + ": pub_key.type", "must be " + PUB_KEY_TYPE + ", got '" + pub.path("type") + "'");
    }
    try {
      return new GenesisValidator(
          name, Base64.getDecoder().decode(pub.path("value").asText()), power);
    } catch (IllegalArgumentException e) {
      throw new GenesisException(file + ": pub_key.value", e.getMessage(), e);
    }
  }
}
