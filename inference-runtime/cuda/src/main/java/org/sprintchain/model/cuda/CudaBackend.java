package org.sprintchain.model.cuda;

import com.sun.jna.Native;
import java.util.Optional;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.SprintBackend;
import org.sprintchain.model.SprintModel;

/**
 * The GPU backend: libsprintmodel (built from native/ by nvcc) through JNA. Unavailable, never
 * failing, when the library or a CUDA device is missing, so callers fall back to the CPU.
 */
public final class CudaBackend implements SprintBackend {
  /** JNA library name: libsprintmodel.so, from jna.library.path or the classpath. */
  public static final String LIBRARY = "sprintmodel";

  /** Nonces per kernel launch sequence. */
  public static final int DEFAULT_BATCH = 16;

  private static final Optional<SprintCudaLibrary> NATIVE = loadLibrary();

  private static Optional<SprintCudaLibrary> loadLibrary() {
    try {
      SprintCudaLibrary lib = Native.load(LIBRARY, SprintCudaLibrary.class);
      return lib.sc_device_count() > 0 ? Optional.of(lib) : Optional.empty();
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return Optional.empty();
    }
  }

  @Override
  public String name() {
    return "cuda";
  }

  @Override
  public boolean available() {
    return NATIVE.isPresent();
  }

  @Override
  public SprintModel load(ModelParams params, byte[] seed) {
    SprintCudaLibrary lib =
        NATIVE.orElseThrow(
            () ->
                new IllegalStateException(
                    "no CUDA device or no " + LIBRARY + " library (build native/ with nvcc)"));
    return new CudaSprintModel(lib, params, seed, DEFAULT_BATCH);
  }
}
