package org.sprintchain.minilm.engine;

/**
 * Word + position + token-type embeddings, each a uint8 table with one zero point and scale (ONNX
 * {@code Gather → DequantizeLinear → Add}), followed by LayerNorm. Token type is always 0 (single
 * sentences). Scales are kept in Q56, where a binary32 scale is exact, so the three terms are
 * summed before one rounding: {@code e = round(Σ (u - zp)·scaleQ56 / 2^24)} in Q32.
 */
public final class QuantizedEmbeddings {
  private final int hidden;
  private final Table word;
  private final Table position;
  private final Table tokenType;
  private final IntegerLayerNorm norm;

  /** One uint8 table [rows][hidden] with its dequantisation parameters. */
  public record Table(byte[] data, int rows, int zeroPoint, long scaleQ56) {}

  public QuantizedEmbeddings(
      int hidden, Table word, Table position, Table tokenType, IntegerLayerNorm norm) {
    this.hidden = hidden;
    this.word = word;
    this.position = position;
    this.tokenType = tokenType;
    this.norm = norm;
  }

  /** The normalised embeddings [tokens][hidden] in Q32 for the given token ids. */
  public long[] apply(int[] ids) {
    if (ids.length > position.rows()) {
      throw new IllegalArgumentException(
          ids.length + " tokens exceed " + position.rows() + " positions");
    }
    long[] x = new long[ids.length * hidden];
    for (int t = 0; t < ids.length; t++) {
      if (ids[t] < 0 || ids[t] >= word.rows()) {
        throw new IllegalArgumentException("token id " + ids[t] + " outside the vocabulary");
      }
      for (int c = 0; c < hidden; c++) {
        long sum = term(word, ids[t], c) + term(position, t, c) + term(tokenType, 0, c);
        x[t * hidden + c] = FixedMath.roundShift(sum, 24);
      }
    }
    norm.applyInPlace(x, ids.length);
    return x;
  }

  private long term(Table table, int row, int c) {
    int u = table.data()[row * hidden + c] & 0xFF;
    return Math.multiplyExact(u - table.zeroPoint(), table.scaleQ56());
  }
}
