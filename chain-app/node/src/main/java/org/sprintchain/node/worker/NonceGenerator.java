package org.sprintchain.node.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.model.NonceDigest;
import org.sprintchain.model.NonceRange;
import org.sprintchain.model.SprintModel;
import org.sprintchain.pocw.DifficultyTarget;
import org.sprintchain.pocw.commit.WinnerLeaf;

/**
 * Evaluates nonces 0, 1, 2, ... for one epoch until stopped, keeping the winners (and, for the
 * fake-winners mode, some losers). Throttled to {@code share × rate} nonces per second when a rate
 * is set, else to a duty cycle of {@code share}.
 */
final class NonceGenerator implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(NonceGenerator.class);
  private static final int CHUNK = 32;
  private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final SprintModel model;
  private final byte[] scoringKey;
  private final DifficultyTarget target;
  private final double share;
  private final long rate;
  private final int keepLosers;
  private final List<WinnerLeaf> winners = new ArrayList<>();
  private final List<WinnerLeaf> losers = new ArrayList<>();
  private volatile boolean stop;
  private volatile long evaluated;
  private volatile long nanosRunning;

  NonceGenerator(
      SprintModel model,
      byte[] scoringKey,
      DifficultyTarget target,
      double share,
      long rate,
      int keepLosers) {
    this.model = model;
    this.scoringKey = scoringKey.clone();
    this.target = target;
    this.share = share;
    this.rate = rate;
    this.keepLosers = keepLosers;
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    long lastProgress = start;
    long nonce = 0;
    while (!stop) {
      long chunkStart = System.nanoTime();
      for (NonceDigest d : model.score(scoringKey, new NonceRange(nonce, CHUNK)).toList()) {
        WinnerLeaf leaf = new WinnerLeaf(d.nonce(), d.digest());
        synchronized (this) {
          if (target.wins(d.digest())) {
            winners.add(leaf);
          } else if (losers.size() < keepLosers) {
            losers.add(leaf);
          }
        }
      }
      nonce += CHUNK;
      evaluated = nonce;
      throttle(start, chunkStart);
      long now = System.nanoTime();
      nanosRunning = now - start;
      if (now - lastProgress > PROGRESS_EVERY_NANOS) {
        lastProgress = now;
        LOG.info(
            "Sprint generation: {} nonces, {} winners, {} nonces/s", nonce, winnerCount(), rate());
      }
    }
  }

  private void throttle(long start, long chunkStart) {
    long sleepNanos;
    if (rate > 0) {
      long dueNanos = (long) (evaluated / (share * rate) * 1e9);
      sleepNanos = dueNanos - (System.nanoTime() - start);
    } else {
      long spent = System.nanoTime() - chunkStart;
      sleepNanos = (long) (spent * (1 - share) / share);
    }
    if (sleepNanos > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(sleepNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop = true;
      }
    }
  }

  void stop() {
    stop = true;
  }

  long evaluated() {
    return evaluated;
  }

  /** Nonces per second since the start. */
  long rate() {
    long nanos = nanosRunning;
    return nanos <= 0 ? 0 : (long) (evaluated * 1e9 / nanos);
  }

  synchronized int winnerCount() {
    return winners.size();
  }

  synchronized List<WinnerLeaf> winners() {
    return List.copyOf(winners);
  }

  synchronized List<WinnerLeaf> losers() {
    return List.copyOf(losers);
  }
}
