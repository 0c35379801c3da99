package org.sprintchain.model;

import java.nio.charset.StandardCharsets;

/**
 * Derives int8 weights from the sprint seed. Key material: K = SHA-256("sprintchain/model/v1/
 * weights" || seed). Element e of tensor t is lane (e mod 4) of Philox4x32-10 with counter (lo32(e
 * div 4), hi32(e div 4), t, le32(K[8..12))) and key (le32(K[0..4)), le32(K[4..8))), mapped to (word
 * mod 255) - 127 with the word read as unsigned. Any element is computable on its own.
 */
public final class WeightStream {
  static final byte[] DOMAIN = "sprintchain/model/v1/weights".getBytes(StandardCharsets.US_ASCII);

  private final int key0;
  private final int key1;
  private final int counter3;

  /** The stream of the sprint whose seed is {@code seed} (32 bytes: the opening block hash). */
  public WeightStream(byte[] seed) {
    byte[] k = Sha256.of(DOMAIN, seed);
    this.key0 = LittleEndian.readInt(k, 0);
    this.key1 = LittleEndian.readInt(k, 4);
    this.counter3 = LittleEndian.readInt(k, 8);
  }

  /** The Philox key and fourth counter word, for a GPU that generates weights in place. */
  public int[] philoxKey() {
    return new int[] {key0, key1, counter3};
  }

  /** Weight {@code element} of tensor {@code tensorId}, in [-127, 127]. */
  public int weight(int tensorId, long element) {
    byte[] one = new byte[1];
    fill(tensorId, element, one, 0, 1);
    return one[0];
  }

  /** Writes elements [first, first + len) of tensor {@code tensorId} to {@code dst[off..]}. */
  public void fill(int tensorId, long first, byte[] dst, int off, int len) {
    int[] words = new int[4];
    long block = -1;
    for (int i = 0; i < len; i++) {
      long e = first + i;
      if (e >>> 2 != block) {
        block = e >>> 2;
        Philox4x32.block((int) block, (int) (block >>> 32), tensorId, counter3, key0, key1, words);
      }
      dst[off + i] = toWeight(words[(int) (e & 3)]);
    }
  }

  /** A whole tensor of {@code rows * cols} elements. */
  public byte[] tensor(int tensorId, int rows, int cols) {
    byte[] out = new byte[Math.multiplyExact(rows, cols)];
    fill(tensorId, 0, out, 0, out.length);
    return out;
  }

  /** (word mod 255) - 127 with the word unsigned: a value in [-127, 127]. */
  static byte toWeight(int word) {
    return (byte) (Integer.remainderUnsigned(word, 255) - 127);
  }
}
