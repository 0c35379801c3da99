package org.sprintchain.model.runtime;

import java.util.List;
import java.util.Locale;
import org.sprintchain.model.ScalarBackend;
import org.sprintchain.model.SprintBackend;
import org.sprintchain.model.cuda.CudaBackend;
import org.sprintchain.model.vector.VectorBackend;

/**
 * Picks the sprint model backend. {@code auto} (the default) takes the fastest available: cuda,
 * then vector, then the scalar reference, which is always there. A named backend is used as asked
 * or fails with the reason; it never silently falls back. Choice: argument, else the system
 * property {@value #PROPERTY}, else auto.
 */
public final class Backends {
  /** System property that forces a backend: auto, cpu (= scalar), scalar, vector, cuda. */
  public static final String PROPERTY = "sprint.model.backend";

  private Backends() {}

  /** Every backend, fastest first. */
  public static List<SprintBackend> all() {
    return List.of(new CudaBackend(), new VectorBackend(), new ScalarBackend());
  }

  /** The backend chosen by the system property, or auto. */
  public static SprintBackend select() {
    return select(System.getProperty(PROPERTY, "auto"));
  }

  /** The backend called {@code choice}. */
  public static SprintBackend select(String choice) {
    String name = choice.trim().toLowerCase(Locale.ROOT);
    if (name.equals("auto")) {
      return all().stream().filter(SprintBackend::available).findFirst().orElseThrow();
    }
    String wanted = name.equals("cpu") ? "scalar" : name;
    SprintBackend backend =
        all().stream()
            .filter(b -> b.name().equals(wanted))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown backend " + choice + " (auto, cpu, scalar, vector, cuda)"));
    if (!backend.available()) {
      throw new IllegalStateException(
          "backend " + backend.name() + " is not available: " + why(backend));
    }
    return backend;
  }

  private static String why(SprintBackend backend) {
    return switch (backend.name()) {
      case "vector" -> "start the JVM with --add-modules jdk.incubator.vector";
      case "cuda" -> "no CUDA device, or native/ was built without nvcc (libsprintmodel missing)";
      default -> "unknown";
    };
  }
}
