package org.sprintchain.model.cuda;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The C ABI of libsprintmodel (native/src/sprint_model.h). Buffers are JNA {@link
 * com.sun.jna.Memory}: native, direct memory, so no Java array is copied per call.
 */
public interface SprintCudaLibrary extends Library {
  /** Number of CUDA devices, 0 when there is none or the driver is missing. */
  int sc_device_count();

  /**
   * Allocates and generates all weights on device 0 from the Philox key; returns null on failure
   * (see {@link #sc_last_error()}).
   */
  Pointer sc_load(
      int dModel,
      int layers,
      int heads,
      int dFf,
      int seqLen,
      int vocab,
      int key0,
      int key1,
      int counter3,
      int maxBatch);

  /**
   * Runs {@code batch} nonces: tokens int32[batch][seqLen] in, pooled int32[batch][dModel] out;
   * when {@code residuals} is not null, also int32[batch][layers + 1][seqLen][dModel]. Returns 0 on
   * success.
   */
  int sc_forward(Pointer model, Pointer tokens, int batch, Pointer pooled, Pointer residuals);

  /** Copies int8 weights [first, first + count) of tensor {@code tensor} to {@code out}. */
  int sc_read_weights(Pointer model, int tensor, long first, int count, Pointer out);

  /** Frees the model's device memory. */
  void sc_free(Pointer model);

  /** The last error of this thread, or an empty string. */
  String sc_last_error();
}
