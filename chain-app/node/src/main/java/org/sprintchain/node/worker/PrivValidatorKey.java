package org.sprintchain.node.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.sprintchain.chain.crypto.Ed25519;

/** Reads the ed25519 key pair from CometBFT's {@code priv_validator_key.json}. */
final class PrivValidatorKey {
  private PrivValidatorKey() {}

  /**
   * The key pair; CometBFT stores the 64-byte private key as seed ‖ public key.
   *
   * @throws IOException when the file cannot be read or is not an ed25519 key
   */
  static Ed25519.KeyPair read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    JsonNode priv = root.path("priv_key");
    if (!priv.path("type").asText().equals("tendermint/PrivKeyEd25519")) {
      throw new IOException(file + ": priv_key is not an ed25519 key");
    }
    byte[] raw = Base64.getDecoder().decode(priv.path("value").asText());
    if (raw.length != 64) {
      throw new IOException(file + ": ed25519 private key of " + raw.length + " bytes, not 64");
    }
    Ed25519.KeyPair pair = Ed25519.KeyPair.fromPrivateKey(Arrays.copyOf(raw, 32));
    if (!Arrays.equals(pair.publicKey(), Arrays.copyOfRange(raw, 32, 64))) {
      throw new IOException(file + ": the public half does not match the private seed");
    }
    return pair;
  }
}
