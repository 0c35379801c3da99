package org.sprintchain.model.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.sprintchain.minilm.engine.MatmulKernel;

/**
 * The vector MiniLM kernel leaves exactly the default kernel's int32 accumulators, on random shapes
 * (odd sizes, column tails inside a vector and inside a panel, row tails of 1 to 3), operands that
 * hit -128 and 127 often, and non-zero starting accumulators (the contract is {@code +=}).
 */
class VectorMatmulKernelPropertyTest {
  private static final MatmulKernel VECTOR = new VectorMatmulKernel();

  /** int8 values from a 64-bit LCG; every 7th is an extreme (-128 or 127). */
  private static byte[] int8(long seed, int n) {
    byte[] out = new byte[n];
    long s = seed;
    for (int i = 0; i < n; i++) {
      s = s * 6364136223846793005L + 1442695040888963407L;
      out[i] = i % 7 == 3 ? (byte) ((s >>> 63) == 0 ? -128 : 127) : (byte) (s >>> 56);
    }
    return out;
  }

  private static int[] int32(long seed, int n) {
    int[] out = new int[n];
    long s = seed;
    for (int i = 0; i < n; i++) {
      s = s * 6364136223846793005L + 1442695040888963407L;
      out[i] = (int) (s >>> 32);
    }
    return out;
  }

  private static void assertSameAccumulators(int rows, int in, int out, long seed) {
    byte[] w = int8(seed, in * out);
    byte[] a = int8(~seed, rows * in);
    int[] expected = int32(seed ^ 0x5DEECE66DL, rows * out);
    int[] actual = expected.clone();
    MatmulKernel.SCALAR.pack(w, in, out).accumulate(a, rows, expected);
    MatmulKernel.PackedWeights packed = VECTOR.pack(w, in, out);
    assertEquals(in, packed.in());
    assertEquals(out, packed.out());
    packed.accumulate(a, rows, actual);
    assertArrayEquals(expected, actual, rows + "×" + in + "→" + out + " seed " + seed);
  }

  @Property(tries = 400)
  void accumulatorsEqualTheScalarKernels(
      @ForAll @IntRange(min = 1, max = 13) int rows,
      @ForAll @IntRange(min = 1, max = 200) int in,
      @ForAll @IntRange(min = 1, max = 150) int out,
      @ForAll long seed) {
    assertSameAccumulators(rows, in, out, seed);
  }

  @Property(tries = 40)
  void everyColumnTailOfAPanel(
      @ForAll @IntRange(min = 1, max = 4 * 16 + 1) int extraColumns,
      @ForAll @IntRange(min = 1, max = 6) int rows,
      @ForAll long seed) {
    int panel = 4 * VectorMatmulKernel.lanes();
    assertSameAccumulators(rows, 5, panel + extraColumns, seed);
  }

  @Example
  void miniLmShapes() {
    int[][] shapes = {{17, 384, 384}, {18, 384, 1536}, {19, 1536, 384}, {128, 384, 384}};
    for (int[] s : shapes) {
      assertSameAccumulators(s[0], s[1], s[2], s[0] * 31L + s[2]);
    }
  }

  @Example
  void wrappingSumsStillAgree() {
    // Far past QuantizedLinear's bound: the int32 sums wrap, and still agree bit for bit.
    int rows = 3;
    int in = 70_000;
    int out = 2;
    byte[] w = new byte[in * out];
    byte[] a = new byte[rows * in];
    java.util.Arrays.fill(w, (byte) -128);
    java.util.Arrays.fill(a, (byte) -128);
    int[] expected = new int[rows * out];
    int[] actual = new int[rows * out];
    MatmulKernel.SCALAR.pack(w, in, out).accumulate(a, rows, expected);
    VECTOR.pack(w, in, out).accumulate(a, rows, actual);
    assertEquals((int) (70_000L * 16_384), expected[0]);
    assertArrayEquals(expected, actual);
  }

  @Example
  void misSizedInputsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> VECTOR.pack(new byte[5], 2, 3));
    MatmulKernel.PackedWeights p = VECTOR.pack(new byte[6], 2, 3);
    assertThrows(IllegalArgumentException.class, () -> p.accumulate(new byte[3], 2, new int[6]));
    assertThrows(IllegalArgumentException.class, () -> p.accumulate(new byte[4], 2, new int[5]));
  }

  @Example
  void availableUnderTheTestJvmFlags() {
    assertTrue(VectorMatmulKernel.available(), VectorMatmulKernel.unavailableReason());
    assertTrue(VectorMatmulKernel.lanes() >= 8);
  }
}
