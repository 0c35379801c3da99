package org.sprintchain.chain.inference;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * A registered model: {@code architecture u8 ‖ weights_sha256 32 ‖ price_per_unit u64 ‖
 * max_input_bytes u32} under key {@code 0x21 ‖ model_id}.
 *
 * @param modelId {@code [a-z0-9][a-z0-9._-]{0,63}}
 * @param weightsSha256 the content hash a node's local weights must have (the synthetic model's
 *     seed)
 * @param pricePerUnit tokens per unit (input byte or token)
 * @param maxInputBytes the largest request input
 */
public record ModelEntry(
    String modelId,
    Architecture architecture,
    byte[] weightsSha256,
    long pricePerUnit,
    int maxInputBytes) {
  static final String ID_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
  static final int MAX_INPUT_LIMIT = 1 << 20;

  public ModelEntry {
    weightsSha256 = weightsSha256.clone();
  }

  @Override
  public byte[] weightsSha256() {
    return weightsSha256.clone();
  }

  public String weightsHex() {
    return HexFormat.of().formatHex(weightsSha256);
  }

  byte[] encode() {
    return ByteBuffer.allocate(1 + 32 + 8 + 4)
        .put((byte) architecture.code())
        .put(weightsSha256)
        .putLong(pricePerUnit)
        .putInt(maxInputBytes)
        .array();
  }

  static ModelEntry decode(String modelId, byte[] bytes) {
    if (bytes.length != 45) {
      throw new IllegalStateException("model entry of " + bytes.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Architecture a = Architecture.ofCode(in.get() & 0xff);
    byte[] w = new byte[32];
    in.get(w);
    return new ModelEntry(modelId, a, w, in.getLong(), in.getInt());
  }
}
