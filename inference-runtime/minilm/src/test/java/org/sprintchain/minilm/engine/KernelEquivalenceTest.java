package org.sprintchain.minilm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The fast kernels equal the spec's definitions bit for bit: the blocked int matmul against the
 * plain {@code Σ_k (q - zp)·W[n][k]} of docs/minilm.md §4, and the split attention mixing against
 * {@code mulShiftRound(p, v, 30)}. Inputs come from a fixed 64-bit LCG (no Random in this module).
 */
class KernelEquivalenceTest {
  private long state = 0x9E3779B97F4A7C15L;

  private long next() {
    state = state * 6364136223846793005L + 1442695040888963407L;
    return state;
  }

  @Test
  void blockedMatmulEqualsTheDefinition() {
    int[][] shapes = {
      {1, 1, 1}, {3, 7, 5}, {5, 384, 384}, {2, 13, 130}, {4, 9, 257}, {17, 64, 256}
    };
    for (int[] shape : shapes) {
      int rows = shape[0];
      int in = shape[1];
      int out = shape[2];
      for (int zp : new int[] {0, 1, 128, 200, 255}) {
        byte[] w = new byte[in * out];
        for (int i = 0; i < w.length; i++) {
          w[i] = (byte) (i % 11 == 0 ? (i % 2 == 0 ? -128 : 127) : next() >> 56);
        }
        long[] scale = new long[out];
        long[] bias = new long[out];
        for (int n = 0; n < out; n++) {
          scale[n] = (next() >>> 8) >> (n % 20); // Q56 scales up to 2^56
          bias[n] = next() >> 24;
        }
        byte[] centered = new byte[rows * in];
        for (int i = 0; i < centered.length; i++) {
          centered[i] = (byte) (i % 13 == 0 ? -128 : i % 17 == 0 ? 127 : next() >> 56);
        }
        long range = (next() >>> 20) | 1;
        QuantizedActivations x = new QuantizedActivations(centered, rows, in, range, zp);
        long[] actual = new QuantizedLinear(in, out, w, scale, bias).apply(x);
        long[] expected = new long[rows * out];
        for (int n = 0; n < out; n++) {
          long m = FixedMath.roundDiv(FixedMath.mulShiftRound(range, scale[n], 40), 255L << 8);
          for (int r = 0; r < rows; r++) {
            long acc = 0;
            for (int k = 0; k < in; k++) {
              acc += (long) (centered[r * in + k] + 128 - zp) * w[n * in + k];
            }
            expected[r * out + n] = FixedMath.mulShiftRound(acc, m, 8) + bias[n];
          }
        }
        assertArrayEquals(expected, actual, rows + "x" + in + "→" + out + " zp " + zp);
      }
    }
  }

  @Test
  void splitMixingEqualsMulShiftRound() {
    long[] ps = {0, 1, 2, (1L << 29) - 1, 1L << 29, (1L << 29) + 1, (1L << 30) - 1, 1L << 30};
    long[] vs = {
      0,
      1,
      -1,
      1L << 31,
      -(1L << 31),
      0xFFFF_FFFFL,
      -0xFFFF_FFFFL,
      1L << 32,
      -(1L << 32),
      (1L << 33) - 1,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      Long.MAX_VALUE >> 1,
      Long.MIN_VALUE >> 1
    };
    for (int round = 0; round < 2000; round++) {
      long p = round < ps.length ? ps[round] : (next() >>> 33) % ((1L << 30) + 1);
      long[] v = new long[vs.length + 6];
      for (int c = 0; c < v.length; c++) {
        v[c] = c < vs.length ? vs[c] : next() >> (c % 30);
      }
      long[] hi4 = new long[v.length];
      long[] lo = new long[v.length];
      for (int c = 0; c < v.length; c++) {
        hi4[c] = (v[c] >> 32) << 2;
        lo[c] = v[c] & 0xFFFF_FFFFL;
      }
      long[] acc = new long[v.length];
      SelfAttention.mixRow(acc, p, hi4, lo);
      for (int c = 0; c < v.length; c++) {
        assertEquals(FixedMath.mulShiftRound(p, v[c], 30), acc[c], "p " + p + " v " + v[c]);
      }
    }
  }
}
