package org.sprintchain.model.vector;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.sprintchain.model.Int8Gemm;

/**
 * {@link Int8Gemm} on the Vector API. int8 lanes are sign-extended to int32 lanes (one vpmovsxbd),
 * multiplied and added lane-wise, and each accumulator is reduced at the end. Products fit in 15
 * bits and the model bounds k, so the int32 lanes never wrap; even if they did, addition modulo
 * 2^32 does not depend on order, so the bytes equal the scalar reference's.
 *
 * <p>Register blocking: 4 rows of A times 2 rows of B share their loads (8 accumulators).
 */
public final class VectorGemm implements Int8Gemm {
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Byte> BYTES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.length() * Byte.SIZE));
  private static final int LANES = INTS.length();

  /** Lanes per vector on this CPU (16 with AVX-512, 8 with AVX2). */
  public static int lanes() {
    return LANES;
  }

  private static IntVector widen(byte[] src, int off) {
    return (IntVector)
        ByteVector.fromArray(BYTES, src, off).convertShape(VectorOperators.B2I, INTS, 0);
  }

  @Override
  public void multiply(byte[] a, int aOff, int rows, byte[] b, int n, int k, int[] out) {
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      int c = 0;
      for (; c + 2 <= n; c += 2) {
        block4x2(a, aOff + r * k, b, c * k, k, out, r * n + c, n);
      }
      for (; c < n; c++) {
        for (int i = 0; i < 4; i++) {
          out[(r + i) * n + c] = dot(a, aOff + (r + i) * k, b, c * k, k);
        }
      }
    }
    for (; r < rows; r++) {
      for (int c = 0; c < n; c++) {
        out[r * n + c] = dot(a, aOff + r * k, b, c * k, k);
      }
    }
  }

  private static int dot(byte[] a, int aRow, byte[] b, int bRow, int k) {
    int bound = BYTES.loopBound(k);
    IntVector acc = IntVector.zero(INTS);
    int i = 0;
    for (; i < bound; i += LANES) {
      acc = acc.add(widen(a, aRow + i).mul(widen(b, bRow + i)));
    }
    int sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < k; i++) {
      sum += a[aRow + i] * b[bRow + i];
    }
    return sum;
  }

  private static void block4x2(byte[] a, int a0, byte[] b, int b0, int k, int[] out, int o, int n) {
    int a1 = a0 + k;
    int a2 = a1 + k;
    int a3 = a2 + k;
    int b1 = b0 + k;
    IntVector s00 = IntVector.zero(INTS);
    IntVector s01 = s00;
    IntVector s10 = s00;
    IntVector s11 = s00;
    IntVector s20 = s00;
    IntVector s21 = s00;
    IntVector s30 = s00;
    IntVector s31 = s00;
    int bound = BYTES.loopBound(k);
    int i = 0;
    for (; i < bound; i += LANES) {
      IntVector w0 = widen(b, b0 + i);
      IntVector w1 = widen(b, b1 + i);
      IntVector x = widen(a, a0 + i);
      s00 = s00.add(x.mul(w0));
      s01 = s01.add(x.mul(w1));
      x = widen(a, a1 + i);
      s10 = s10.add(x.mul(w0));
      s11 = s11.add(x.mul(w1));
      x = widen(a, a2 + i);
      s20 = s20.add(x.mul(w0));
      s21 = s21.add(x.mul(w1));
      x = widen(a, a3 + i);
      s30 = s30.add(x.mul(w0));
      s31 = s31.add(x.mul(w1));
    }
    int[] sums = {
      s00.reduceLanes(VectorOperators.ADD), s01.reduceLanes(VectorOperators.ADD),
      s10.reduceLanes(VectorOperators.ADD), s11.reduceLanes(VectorOperators.ADD),
      s20.reduceLanes(VectorOperators.ADD), s21.reduceLanes(VectorOperators.ADD),
      s30.reduceLanes(VectorOperators.ADD), s31.reduceLanes(VectorOperators.ADD),
    };
    for (; i < k; i++) {
      int w0 = b[b0 + i];
      int w1 = b[b1 + i];
      sums[0] += a[a0 + i] * w0;
      sums[1] += a[a0 + i] * w1;
      sums[2] += a[a1 + i] * w0;
      sums[3] += a[a1 + i] * w1;
      sums[4] += a[a2 + i] * w0;
      sums[5] += a[a2 + i] * w1;
      sums[6] += a[a3 + i] * w0;
      sums[7] += a[a3 + i] * w1;
    }
    for (int row = 0; row < 4; row++) {
      out[o + row * n] = sums[2 * row];
      out[o + row * n + 1] = sums[2 * row + 1];
    }
  }
}
