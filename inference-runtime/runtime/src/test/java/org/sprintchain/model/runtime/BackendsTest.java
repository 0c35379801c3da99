package org.sprintchain.model.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.sprintchain.model.cuda.CudaBackend;

class BackendsTest {
  @Test
  void autoPrefersTheFastestAvailable() {
    String expected = new CudaBackend().available() ? "cuda" : "vector";
    assertEquals(expected, Backends.select("auto").name());
  }

  @Test
  void cpuMeansTheScalarReference() {
    assertEquals("scalar", Backends.select("cpu").name());
    assertEquals("scalar", Backends.select(" Scalar ").name());
    assertEquals("vector", Backends.select("vector").name());
  }

  @Test
  void systemPropertyForcesTheChoice() {
    String old = System.getProperty(Backends.PROPERTY);
    try {
      System.setProperty(Backends.PROPERTY, "cpu");
      assertEquals("scalar", Backends.select().name());
    } finally {
      if (old == null) {
        System.clearProperty(Backends.PROPERTY);
      } else {
        System.setProperty(Backends.PROPERTY, old);
      }
    }
  }

  @Test
  void aForcedUnavailableBackendFailsWithTheReason() {
    assumeTrue(!new CudaBackend().available(), "a GPU is present");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Backends.select("cuda"));
    assertTrue(e.getMessage().contains("nvcc"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Backends.select("tpu"));
  }

  @Test
  void throughputMeterUsesTheInjectedClock() {
    long[] now = {1_000};
    ThroughputMeter meter = new ThroughputMeter(() -> now[0]);
    assertEquals(0, meter.noncesPerSecond());
    now[0] += 500_000_000L;
    meter.onProgress(40, 100);
    assertEquals(40, meter.nonces());
    assertEquals(80.0, meter.noncesPerSecond(), 1e-9);
  }
}
