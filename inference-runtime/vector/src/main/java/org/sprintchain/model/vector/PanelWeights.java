package org.sprintchain.model.vector;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.sprintchain.minilm.engine.MatmulKernel;

/**
 * A MiniLM weight matrix for {@link VectorMatmulKernel}: int8 weights kept as bytes in panels of
 * {@link #PANEL} output columns (4 vectors), k-major inside a panel, so a panel is one sequential
 * stream ({@code in · PANEL} bytes: 24 KiB for in = 384 with AVX-512, which L1 keeps across row
 * tiles). The last panel is padded with zero weights.
 *
 * <p>Register tile: 4 rows × 4 vectors = 16 int32 accumulators held across the whole k loop. Per k,
 * 4 weight loads (each a sign-extending load, {@code vpmovsxbd}) serve 4 rows, each row's int8
 * activation is broadcast once, and 16 multiply-adds follow. Tiles at the edges (fewer than 4 rows
 * left, or the partial last panel) run the same tile on a scratch copy of their accumulators, with
 * missing rows repeating the last row and their sums dropped; one row left over in a full panel
 * takes a 1-row tile.
 *
 * <p>Why bytes, not the default kernel's int columns: a quarter of the memory traffic, 10–20%
 * faster per matmul in a micro-benchmark. Why int32 lanes, not int16: an int16 sum of two products
 * can overflow (2 · 128 · 128 = 32768), so exactness would need a bound on the weights; int32 lanes
 * need none (wrapping addition is order-free), so the bits are {@link MatmulKernel#SCALAR}'s.
 *
 * <p>Why the tile is written out by hand: C2 keeps the vectors in registers only when the whole k
 * loop compiles as one unit with every Vector API call inlined. A first version with helpers (a
 * {@code widen()}, an {@code addRow(IntVector...)}) and per-row branches inside the tile was fast
 * on one repeated sentence but, over the corpus, C2 compiled it with Vector API calls left out of
 * line (node-count cutoff, unresolved virtual calls): boxed vectors, 0.6× the default kernel.
 */
final class PanelWeights implements MatmulKernel.PackedWeights {
  /** Narrower vectors have no byte species to widen from (a 32-bit shape does not exist). */
  static final int MIN_BITS = 256;

  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  private static final VectorOperators.Conversion<Byte, Integer> B2I = VectorOperators.B2I;
  private static final VectorSpecies<Byte> BYTES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, INTS.vectorBitSize() / 4)));

  static final int LANES = INTS.length();

  /** Output columns per panel: the register tile's 4 vectors. */
  static final int PANEL = 4 * LANES;

  private final int in;
  private final int out;
  private final byte[] panels; // [p · in · PANEL + k · PANEL + c] = W[p · PANEL + c][k]

  PanelWeights(byte[] weight, int in, int out) {
    if (in <= 0 || out <= 0 || weight.length != in * out) {
      throw new IllegalArgumentException("weights " + in + "→" + out + " are mis-sized");
    }
    this.in = in;
    this.out = out;
    int count = (out + PANEL - 1) / PANEL;
    this.panels = new byte[count * in * PANEL];
    for (int n = 0; n < out; n++) {
      int base = (n / PANEL) * in * PANEL + n % PANEL;
      for (int k = 0; k < in; k++) {
        panels[base + k * PANEL] = weight[n * in + k];
      }
    }
  }

  static int preferredBits() {
    return INTS.vectorBitSize();
  }

  @Override
  public int in() {
    return in;
  }

  @Override
  public int out() {
    return out;
  }

  @Override
  public void accumulate(byte[] a, int rows, int[] acc) {
    if (a.length < rows * in || acc.length < rows * out) {
      throw new IllegalArgumentException("activations or accumulators are too short");
    }
    int fullRows = rows & ~3;
    int[] edge = null; // [4][PANEL]: the tiles that do not fill 4 rows or a whole panel
    for (int n0 = 0, base = 0; n0 < out; n0 += PANEL, base += in * PANEL) {
      int width = Math.min(PANEL, out - n0);
      if (width == PANEL) {
        for (int r = 0; r < fullRows; r += 4) {
          int o = r * in;
          tile4(a, o, o + in, o + 2 * in, o + 3 * in, base, acc, r * out + n0, out);
        }
      } else {
        edge = edge == null ? new int[4 * PANEL] : edge;
        for (int r = 0; r < fullRows; r += 4) {
          edgeTile(a, r, 4, base, acc, n0, width, edge);
        }
      }
      int left = rows - fullRows;
      if (left == 1 && width == PANEL) {
        tile1(a, fullRows * in, base, acc, fullRows * out + n0);
      } else if (left > 0) {
        edge = edge == null ? new int[4 * PANEL] : edge;
        edgeTile(a, fullRows, left, base, acc, n0, width, edge);
      }
    }
  }

  /**
   * Rows {@code r … r+valid−1} (valid ≤ 4), columns {@code n0 … n0+width−1}, through {@code edge}:
   * missing rows repeat the last one, and only the valid rows and columns are copied back.
   */
  private void edgeTile(
      byte[] a, int r, int valid, int base, int[] acc, int n0, int width, int[] edge) {
    for (int i = 0; i < valid; i++) {
      System.arraycopy(acc, (r + i) * out + n0, edge, i * PANEL, width);
    }
    int last = r + valid - 1;
    tile4(
        a,
        r * in,
        Math.min(r + 1, last) * in,
        Math.min(r + 2, last) * in,
        Math.min(r + 3, last) * in,
        base,
        edge,
        0,
        PANEL);
    for (int i = 0; i < valid; i++) {
      System.arraycopy(edge, i * PANEL, acc, (r + i) * out + n0, width);
    }
  }

  /**
   * {@code acc[c + i·stride + j] += Σ_k a[o_i + k]·panel[k][j]} for i < 4, j < PANEL. Branch-free
   * and calling nothing but the Vector API, so C2 compiles it as one unit with every vector in a
   * register (a vector passed to a method that is not inlined would be boxed).
   */
  private void tile4(
      byte[] a, int o0, int o1, int o2, int o3, int base, int[] acc, int c, int stride) {
    int c1 = c + stride;
    int c2 = c1 + stride;
    int c3 = c2 + stride;
    IntVector s00 = IntVector.fromArray(INTS, acc, c);
    IntVector s01 = IntVector.fromArray(INTS, acc, c + LANES);
    IntVector s02 = IntVector.fromArray(INTS, acc, c + 2 * LANES);
    IntVector s03 = IntVector.fromArray(INTS, acc, c + 3 * LANES);
    IntVector s10 = IntVector.fromArray(INTS, acc, c1);
    IntVector s11 = IntVector.fromArray(INTS, acc, c1 + LANES);
    IntVector s12 = IntVector.fromArray(INTS, acc, c1 + 2 * LANES);
    IntVector s13 = IntVector.fromArray(INTS, acc, c1 + 3 * LANES);
    IntVector s20 = IntVector.fromArray(INTS, acc, c2);
    IntVector s21 = IntVector.fromArray(INTS, acc, c2 + LANES);
    IntVector s22 = IntVector.fromArray(INTS, acc, c2 + 2 * LANES);
    IntVector s23 = IntVector.fromArray(INTS, acc, c2 + 3 * LANES);
    IntVector s30 = IntVector.fromArray(INTS, acc, c3);
    IntVector s31 = IntVector.fromArray(INTS, acc, c3 + LANES);
    IntVector s32 = IntVector.fromArray(INTS, acc, c3 + 2 * LANES);
    IntVector s33 = IntVector.fromArray(INTS, acc, c3 + 3 * LANES);
    byte[] p = panels;
    for (int k = 0, w = base; k < in; k++, w += PANEL) {
      IntVector w0 = (IntVector) ByteVector.fromArray(BYTES, p, w).convertShape(B2I, INTS, 0);
      IntVector w1 =
          (IntVector) ByteVector.fromArray(BYTES, p, w + LANES).convertShape(B2I, INTS, 0);
      IntVector w2 =
          (IntVector) ByteVector.fromArray(BYTES, p, w + 2 * LANES).convertShape(B2I, INTS, 0);
      IntVector w3 =
          (IntVector) ByteVector.fromArray(BYTES, p, w + 3 * LANES).convertShape(B2I, INTS, 0);
      IntVector x = IntVector.broadcast(INTS, a[o0 + k]);
      s00 = s00.add(w0.mul(x));
      s01 = s01.add(w1.mul(x));
      s02 = s02.add(w2.mul(x));
      s03 = s03.add(w3.mul(x));
      x = IntVector.broadcast(INTS, a[o1 + k]);
      s10 = s10.add(w0.mul(x));
      s11 = s11.add(w1.mul(x));
      s12 = s12.add(w2.mul(x));
      s13 = s13.add(w3.mul(x));
      x = IntVector.broadcast(INTS, a[o2 + k]);
      s20 = s20.add(w0.mul(x));
      s21 = s21.add(w1.mul(x));
      s22 = s22.add(w2.mul(x));
      s23 = s23.add(w3.mul(x));
      x = IntVector.broadcast(INTS, a[o3 + k]);
      s30 = s30.add(w0.mul(x));
      s31 = s31.add(w1.mul(x));
      s32 = s32.add(w2.mul(x));
      s33 = s33.add(w3.mul(x));
    }
    s00.intoArray(acc, c);
    s01.intoArray(acc, c + LANES);
    s02.intoArray(acc, c + 2 * LANES);
    s03.intoArray(acc, c + 3 * LANES);
    s10.intoArray(acc, c1);
    s11.intoArray(acc, c1 + LANES);
    s12.intoArray(acc, c1 + 2 * LANES);
    s13.intoArray(acc, c1 + 3 * LANES);
    s20.intoArray(acc, c2);
    s21.intoArray(acc, c2 + LANES);
    s22.intoArray(acc, c2 + 2 * LANES);
    s23.intoArray(acc, c2 + 3 * LANES);
    s30.intoArray(acc, c3);
    s31.intoArray(acc, c3 + LANES);
    s32.intoArray(acc, c3 + 2 * LANES);
    s33.intoArray(acc, c3 + 3 * LANES);
  }

  /** One row of a full panel: {@code acc[c + j] += Σ_k a[o + k]·panel[k][j]}. */
  private void tile1(byte[] a, int o, int base, int[] acc, int c) {
    IntVector s0 = IntVector.fromArray(INTS, acc, c);
    IntVector s1 = IntVector.fromArray(INTS, acc, c + LANES);
    IntVector s2 = IntVector.fromArray(INTS, acc, c + 2 * LANES);
    IntVector s3 = IntVector.fromArray(INTS, acc, c + 3 * LANES);
    byte[] p = panels;
    for (int k = 0, w = base; k < in; k++, w += PANEL) {
      IntVector x = IntVector.broadcast(INTS, a[o + k]);
      s0 =
          s0.add(((IntVector) ByteVector.fromArray(BYTES, p, w).convertShape(B2I, INTS, 0)).mul(x));
      s1 =
          s1.add(
              ((IntVector) ByteVector.fromArray(BYTES, p, w + LANES).convertShape(B2I, INTS, 0))
                  .mul(x));
      s2 =
          s2.add(
              ((IntVector) ByteVector.fromArray(BYTES, p, w + 2 * LANES).convertShape(B2I, INTS, 0))
                  .mul(x));
      s3 =
          s3.add(
              ((IntVector) ByteVector.fromArray(BYTES, p, w + 3 * LANES).convertShape(B2I, INTS, 0))
                  .mul(x));
    }
    s0.intoArray(acc, c);
    s1.intoArray(acc, c + LANES);
    s2.intoArray(acc, c + 2 * LANES);
    s3.intoArray(acc, c + 3 * LANES);
  }
}
