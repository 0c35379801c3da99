package org.sprintchain.model;

/** A way to run the sprint model: scalar reference, Vector API or CUDA. */
public interface SprintBackend {
  /** Short name used by --backend and the sprint.model.backend property. */
  String name();

  /** Whether this machine can run it (a GPU and the native library for CUDA). */
  boolean available();

  /** Generates the weights for {@code seed} (32 bytes) and keeps them resident. */
  SprintModel load(ModelParams params, byte[] seed);
}
