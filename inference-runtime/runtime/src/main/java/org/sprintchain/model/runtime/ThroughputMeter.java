package org.sprintchain.model.runtime;

import java.util.function.LongSupplier;
import org.sprintchain.model.ProgressListener;

/**
 * Turns the model's batch counts into nonces per second for the worker's status line. The clock is
 * injected (nanoseconds) so tests need not sleep.
 */
public final class ThroughputMeter implements ProgressListener {
  private final LongSupplier nanoClock;
  private final long startNanos;
  private volatile long done;
  private volatile long lastNanos;

  /** Starts measuring now, on {@code nanoClock}. */
  public ThroughputMeter(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.lastNanos = startNanos;
  }

  /** On the JVM's monotonic clock. */
  public static ThroughputMeter start() {
    return new ThroughputMeter(System::nanoTime);
  }

  @Override
  public void onProgress(long doneSoFar, long total) {
    this.done = doneSoFar;
    this.lastNanos = nanoClock.getAsLong();
  }

  /** Nonces scored so far. */
  public long nonces() {
    return done;
  }

  /** Average nonces per second up to the last report, 0 before any. */
  public double noncesPerSecond() {
    long elapsed = lastNanos - startNanos;
    return elapsed <= 0 ? 0 : done * 1e9 / elapsed;
  }
}
