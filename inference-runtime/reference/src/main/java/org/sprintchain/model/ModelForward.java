package org.sprintchain.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The forward pass, written as the specification: docs/sprint-model.md section "Forward pass"
 * follows this class step by step. A batch of nonces is processed together so that the linear
 * layers become one large GEMM per weight matrix; every row is still computed independently, so a
 * batch of one gives the same bytes. Holds scratch buffers: one instance per thread.
 *
 * <p>The residual stream {@code x} is int32. It starts as the sum of two int8 embeddings and each
 * block adds two int8 tensors, so |x| <= 254 * (layers + 1): it never wraps and never saturates.
 */
public final class ModelForward {
  private final ModelParams p;
  private final ModelWeights weights;
  private final Int8Gemm gemm;
  private final int maxBatch;

  private final int[] x;
  private final byte[] normed;
  private final byte[] q;
  private final byte[] k;
  private final byte[] v;
  private final byte[] attn;
  private final byte[] out;
  private final byte[] hidden;
  private final int[] acc;
  private final byte[] qh;
  private final byte[] kh;
  private final byte[] vt;
  private final int[] scores;
  private final byte[] probs;
  private final long[] expRow;

  /** Scratch for up to {@code maxBatch} nonces at a time. */
  public ModelForward(ModelWeights weights, Int8Gemm gemm, int maxBatch) {
    this.p = weights.params();
    this.weights = weights;
    this.gemm = gemm;
    this.maxBatch = maxBatch;
    int t = p.seqLen();
    int d = p.dModel();
    int dh = p.headDim();
    int rows = Math.multiplyExact(maxBatch, t);
    this.x = new int[Math.multiplyExact(rows, d)];
    this.normed = new byte[rows * d];
    this.q = new byte[rows * d];
    this.k = new byte[rows * d];
    this.v = new byte[rows * d];
    this.attn = new byte[rows * d];
    this.out = new byte[rows * d];
    this.hidden = new byte[Math.multiplyExact(rows, p.dFf())];
    this.acc = new int[Math.multiplyExact(rows, Math.max(d, p.dFf()))];
    this.qh = new byte[t * dh];
    this.kh = new byte[t * dh];
    this.vt = new byte[dh * t];
    this.scores = new int[Math.multiplyExact(t, Math.max(t, dh))];
    this.probs = new byte[t * t];
    this.expRow = new long[t];
  }

  /** The model shape. */
  public ModelParams params() {
    return p;
  }

  /**
   * Runs {@code tokens.length} nonces (at most maxBatch) and returns one trace each; with {@code
   * layerHashes} false the traces carry the digest only.
   */
  public List<ModelTrace> run(int[][] tokens, boolean layerHashes) {
    int batch = tokens.length;
    if (batch > maxBatch) {
      throw new IllegalArgumentException("batch " + batch + " > " + maxBatch);
    }
    int stride = p.seqLen() * p.dModel();
    List<List<byte[]>> hashes = new ArrayList<>();
    for (int b = 0; b < batch; b++) {
      embed(p, weights.stream(), tokens[b], x, b * stride);
      hashes.add(new ArrayList<>());
    }
    if (layerHashes) {
      addHashes(hashes, batch, stride);
    }
    for (LayerWeights layer : weights.layers()) {
      block(layer, batch);
      if (layerHashes) {
        addHashes(hashes, batch, stride);
      }
    }
    List<ModelTrace> traces = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      traces.add(new ModelTrace(pooledDigest(b * stride), hashes.get(b)));
    }
    return traces;
  }

  private void addHashes(List<List<byte[]>> hashes, int batch, int stride) {
    for (int b = 0; b < batch; b++) {
      hashes.get(b).add(Sha256.ofInts(x, b * stride, stride));
    }
  }

  /**
   * Applies block {@code layer} to one residual stream in place (dispute evaluation). The array
   * must hold seqLen * dModel ints.
   */
  public void applyBlock(LayerWeights layer, int[] residual) {
    System.arraycopy(residual, 0, x, 0, residual.length);
    block(layer, 1);
    System.arraycopy(x, 0, residual, 0, residual.length);
  }

  /** The output digest of one residual stream (dispute evaluation of the final step). */
  public byte[] digestOf(int[] residual) {
    System.arraycopy(residual, 0, x, 0, residual.length);
    return pooledDigest(0);
  }

  /** Step 1: x[t][c] = E[token_t][c] + P[t][c], both drawn from the weight stream. */
  public static void embed(ModelParams p, WeightStream stream, int[] tokens, int[] x, int xOff) {
    int d = p.dModel();
    byte[] tokenRow = new byte[d];
    byte[] posRow = new byte[d];
    for (int t = 0; t < p.seqLen(); t++) {
      stream.fill(TensorId.TOKEN_EMBEDDING, (long) tokens[t] * d, tokenRow, 0, d);
      stream.fill(TensorId.POSITION_EMBEDDING, (long) t * d, posRow, 0, d);
      for (int c = 0; c < d; c++) {
        x[xOff + t * d + c] = tokenRow[c] + posRow[c];
      }
    }
  }

  /** Step 2: one pre-norm transformer block on the first {@code batch} residual streams. */
  private void block(LayerWeights w, int batch) {
    int rows = batch * p.seqLen();
    int d = p.dModel();
    int f = p.dFf();
    rmsNorm(x, rows, d, normed);
    linear(normed, rows, w.wq(), d, d, q);
    linear(normed, rows, w.wk(), d, d, k);
    linear(normed, rows, w.wv(), d, d, v);
    for (int b = 0; b < batch; b++) {
      for (int h = 0; h < p.heads(); h++) {
        attentionHead(b, h);
      }
    }
    linear(attn, rows, w.wo(), d, d, out);
    addResidual(out, rows * d);
    rmsNorm(x, rows, d, normed);
    linear(normed, rows, w.w1(), f, d, hidden);
    for (int i = 0; i < rows * f; i++) {
      hidden[i] = reluSquared(hidden[i]);
    }
    linear(hidden, rows, w.w2(), d, f, out);
    addResidual(out, rows * d);
  }

  private void addResidual(byte[] delta, int n) {
    for (int i = 0; i < n; i++) {
      x[i] += delta[i];
    }
  }

  /**
   * Integer RMS norm of each row of {@code src} (int32) into int8: ms = floor(sum(x^2) / D), r =
   * max(1, isqrt(ms)), g = floor(2^29 / r), y = clamp(roundShift(x * g, 24)). Output RMS is about
   * 32.
   */
  public static void rmsNorm(int[] src, int rows, int d, byte[] dst) {
    for (int r = 0; r < rows; r++) {
      int off = r * d;
      long sumSquares = 0;
      for (int c = 0; c < d; c++) {
        long value = src[off + c];
        sumSquares += value * value;
      }
      long root = Math.max(1, FixedPoint.isqrt(sumSquares / d));
      long gain = ((long) FixedPoint.NORM_SCALE << FixedPoint.RQ_SHIFT) / root;
      for (int c = 0; c < d; c++) {
        dst[off + c] =
            (byte)
                FixedPoint.clampInt8(
                    FixedPoint.roundShift(src[off + c] * gain, FixedPoint.RQ_SHIFT));
      }
    }
  }

  /**
   * y = requantize(a W^T): int32 dot products, then clamp(roundShift(acc * M_k, 24)) with M_k =
   * {@link FixedPoint#linearMultiplier(int)}.
   */
  private void linear(byte[] a, int rows, byte[] w, int n, int kDim, byte[] y) {
    gemm.multiply(a, 0, rows, w, n, kDim, acc);
    long multiplier = FixedPoint.linearMultiplier(kDim);
    for (int i = 0; i < rows * n; i++) {
      y[i] = (byte) FixedPoint.requantize(acc[i], multiplier, FixedPoint.RQ_SHIFT);
    }
  }

  /** ReLU squared back to int8: (max(h, 0)^2 + 64) >> 7, in [0, 126]. */
  public static byte reluSquared(int h) {
    int r = Math.max(h, 0);
    return (byte) ((r * r + 64) >> 7);
  }

  /** Step 2b: one head of one nonce; writes its dh columns of {@code attn}. */
  private void attentionHead(int b, int h) {
    int t = p.seqLen();
    int d = p.dModel();
    int dh = p.headDim();
    for (int i = 0; i < t; i++) {
      int src = (b * t + i) * d + h * dh;
      System.arraycopy(q, src, qh, i * dh, dh);
      System.arraycopy(k, src, kh, i * dh, dh);
      for (int c = 0; c < dh; c++) {
        vt[c * t + i] = v[src + c];
      }
    }
    gemm.multiply(qh, 0, t, kh, t, dh, scores);
    int divisor = FixedPoint.softmaxDivisor(dh);
    for (int i = 0; i < t; i++) {
      softmaxRow(scores, i * t, t, divisor, probs, i * t, expRow);
    }
    gemm.multiply(probs, 0, t, vt, dh, t, scores);
    for (int i = 0; i < t; i++) {
      int dst = (b * t + i) * d + h * dh;
      for (int c = 0; c < dh; c++) {
        attn[dst + c] =
            (byte)
                FixedPoint.requantize(
                    scores[i * dh + c], FixedPoint.PV_MULTIPLIER, FixedPoint.PV_SHIFT);
      }
    }
  }

  /**
   * Integer softmax of one score row into probabilities in [0, 127]: m = max s; u_j = floor((m -
   * s_j) / divisor); e_j = exp2Q15(u_j); S = sum e_j; R = floor(2^31 / S); p_j = (e_j * 127 * R +
   * 2^30) >> 31.
   */
  public static void softmaxRow(
      int[] s, int off, int n, int divisor, byte[] dst, int dstOff, long[] scratch) {
    int max = Integer.MIN_VALUE;
    for (int j = 0; j < n; j++) {
      max = Math.max(max, s[off + j]);
    }
    long sum = 0;
    for (int j = 0; j < n; j++) {
      long u = ((long) max - s[off + j]) / divisor;
      scratch[j] = FixedPoint.exp2Q15((int) Math.min(u, 256));
      sum += scratch[j];
    }
    long reciprocal = (1L << 31) / sum;
    for (int j = 0; j < n; j++) {
      dst[dstOff + j] = (byte) ((scratch[j] * FixedPoint.INT8_MAX * reciprocal + (1L << 30)) >> 31);
    }
  }

  /** Step 3: y = rmsNorm(x); pooled[c] = sum over t of y[t][c]; SHA-256 of le32(pooled). */
  private byte[] pooledDigest(int xOff) {
    int t = p.seqLen();
    int d = p.dModel();
    int[] row = new int[t * d];
    System.arraycopy(x, xOff, row, 0, t * d);
    byte[] y = new byte[t * d];
    rmsNorm(row, t, d, y);
    int[] pooled = new int[d];
    for (int i = 0; i < t; i++) {
      for (int c = 0; c < d; c++) {
        pooled[c] += y[i * d + c];
      }
    }
    return Sha256.ofInts(pooled, 0, d);
  }
}
