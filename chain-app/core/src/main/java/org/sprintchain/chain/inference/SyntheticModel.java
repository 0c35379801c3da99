package org.sprintchain.chain.inference;

import java.nio.charset.StandardCharsets;
import org.sprintchain.pocw.hash.Sha256;

/**
 * The seeded synthetic model ({@code synthetic-v1}) that tests and small testnets serve: cheap,
 * deterministic and impossible to answer without the input and the seed (the registry's {@code
 * weights_sha256}).
 *
 * <pre>
 *   h0     = SHA-256("sprintchain/inference/v1/synthetic" ‖ 0x00 ‖ seed ‖ input)
 *   h(k+1) = SHA-256(h(k))
 *   output = h0 ‖ h1 ‖ h2 ‖ h3            (128 bytes)
 * </pre>
 */
public final class SyntheticModel {
  static final byte[] DOMAIN =
      "sprintchain/inference/v1/synthetic\0".getBytes(StandardCharsets.US_ASCII);
  public static final int OUTPUT_BYTES = 128;

  private SyntheticModel() {}

  /** The output for {@code input} under the model seeded by {@code weightsSha256}. */
  public static byte[] run(byte[] weightsSha256, byte[] input) {
    byte[] out = new byte[OUTPUT_BYTES];
    byte[] h = Sha256.of(DOMAIN, weightsSha256, input);
    for (int k = 0; k < OUTPUT_BYTES / 32; k++) {
      System.arraycopy(h, 0, out, 32 * k, 32);
      h = Sha256.of(h);
    }
    return out;
  }
}
