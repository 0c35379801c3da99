package org.sprintchain.model.cuda;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.sprintchain.model.BatchScoringModel;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.ModelTrace;
import org.sprintchain.model.Sha256;
import org.sprintchain.model.WeightStream;

/**
 * A model resident on the GPU. Inputs and the SHA-256 digests are computed on the host exactly as
 * in the reference ({@link BatchScoringModel}); the device returns the pooled int32 vector and, for
 * audits, the residual stream after every layer. Token and output buffers are allocated once as
 * native memory.
 */
final class CudaSprintModel extends BatchScoringModel {
  private final SprintCudaLibrary lib;
  private final int batch;
  private final Memory tokens;
  private final Memory pooled;
  private Pointer handle;

  CudaSprintModel(SprintCudaLibrary lib, ModelParams p, byte[] seed, int batch) {
    super(p, seed, batch);
    this.lib = lib;
    this.batch = batch;
    int[] key = new WeightStream(seed).philoxKey();
    this.handle =
        lib.sc_load(
            p.dModel(),
            p.layers(),
            p.heads(),
            p.dFf(),
            p.seqLen(),
            p.vocab(),
            key[0],
            key[1],
            key[2],
            batch);
    if (handle == null) {
      throw new IllegalStateException("sc_load failed: " + lib.sc_last_error());
    }
    this.tokens = new Memory(4L * batch * p.seqLen());
    this.pooled = new Memory(4L * batch * p.dModel());
  }

  @Override
  public String backend() {
    return "cuda";
  }

  /** Weights as generated on the device, for spot checks against the reference. */
  byte[] deviceWeights(int tensor, long first, int count) {
    Memory out = new Memory(Math.max(1, count));
    check(lib.sc_read_weights(live(), tensor, first, count, out));
    return out.getByteArray(0, count);
  }

  @Override
  protected synchronized List<byte[]> digests(int[][] batchTokens) {
    ModelParams p = params();
    writeTokens(batchTokens);
    check(lib.sc_forward(live(), tokens, batchTokens.length, pooled, null));
    List<byte[]> out = new ArrayList<>(batchTokens.length);
    for (int b = 0; b < batchTokens.length; b++) {
      int[] v = pooled.getIntArray(4L * b * p.dModel(), p.dModel());
      out.add(Sha256.ofInts(v, 0, v.length));
    }
    return out;
  }

  @Override
  protected synchronized ModelTrace trace(int[] nonceTokens) {
    ModelParams p = params();
    int stride = p.seqLen() * p.dModel();
    writeTokens(new int[][] {nonceTokens});
    try (Memory residuals = new Memory(4L * (p.layers() + 1) * stride)) {
      check(lib.sc_forward(live(), tokens, 1, pooled, residuals));
      List<byte[]> hashes = new ArrayList<>();
      for (int l = 0; l <= p.layers(); l++) {
        int[] x = residuals.getIntArray(4L * l * stride, stride);
        hashes.add(Sha256.ofInts(x, 0, stride));
      }
      int[] v = pooled.getIntArray(0, p.dModel());
      return new ModelTrace(Sha256.ofInts(v, 0, v.length), hashes);
    }
  }

  private void writeTokens(int[][] batchTokens) {
    if (batchTokens.length > batch) {
      throw new IllegalArgumentException("batch " + batchTokens.length + " > " + batch);
    }
    for (int b = 0; b < batchTokens.length; b++) {
      tokens.write(4L * b * params().seqLen(), batchTokens[b], 0, batchTokens[b].length);
    }
  }

  private Pointer live() {
    if (handle == null) {
      throw new IllegalStateException("model closed");
    }
    return handle;
  }

  private void check(int rc) {
    if (rc != 0) {
      throw new IllegalStateException("CUDA error " + rc + ": " + lib.sc_last_error());
    }
  }

  @Override
  public synchronized void close() {
    if (handle != null) {
      lib.sc_free(handle);
      handle = null;
    }
    tokens.close();
    pooled.close();
  }
}
