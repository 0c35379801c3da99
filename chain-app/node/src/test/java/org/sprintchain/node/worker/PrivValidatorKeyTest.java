package org.sprintchain.node.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.pocw.DifficultyTarget;

class PrivValidatorKeyTest {
  private static String keyFile(byte[] seed, byte[] pub) {
    byte[] both = new byte[64];
    System.arraycopy(seed, 0, both, 0, 32);
    System.arraycopy(pub, 0, both, 32, 32);
    return "{\"address\":\"00\",\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\",\"value\":\""
        + Base64.getEncoder().encodeToString(pub)
        + "\"},\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\",\"value\":\""
        + Base64.getEncoder().encodeToString(both)
        + "\"}}";
  }

  @Test
  void readsCometBftsKeyFileAndChecksItsHalves(@TempDir Path dir) throws IOException {
    byte[] seed = new byte[32];
    seed[0] = 7;
    Ed25519.KeyPair pair = Ed25519.KeyPair.fromPrivateKey(seed);
    Path file = dir.resolve("priv_validator_key.json");
    Files.writeString(file, keyFile(seed, pair.publicKey()));
    assertArrayEquals(pair.publicKey(), PrivValidatorKey.read(file).publicKey());

    Files.writeString(file, keyFile(seed, new byte[32]));
    assertTrue(
        assertThrows(IOException.class, () -> PrivValidatorKey.read(file))
            .getMessage()
            .contains("does not match"));
  }

  @Test
  void forgedDigestsWinSoTheForgeryReachesTheAudit() {
    DifficultyTarget target = DifficultyTarget.oneIn(1 << 20);
    for (long nonce = 0; nonce < 50; nonce++) {
      assertTrue(target.wins(EpochJob.forgedDigest(nonce, target)));
    }
  }
}
