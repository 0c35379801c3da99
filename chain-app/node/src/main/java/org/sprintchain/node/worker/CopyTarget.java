package org.sprintchain.node.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.sprintchain.chain.crypto.Ed25519;

/** For the {@code copy} mode: the consensus key of another validator, whose work it passes off. */
final class CopyTarget {
  private CopyTarget() {}

  static byte[] otherKey(ChainView view, Ed25519.KeyPair self) {
    for (JsonNode v : view.validators().path("validators")) {
      byte[] key = ChainView.hex(v.path("pub_key").asText());
      if (!Arrays.equals(key, self.publicKey())) {
        return key;
      }
    }
    return self.publicKey();
  }
}
