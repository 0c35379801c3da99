package org.sprintchain.chain.inference;

import java.math.BigInteger;
import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.pocw.hash.HashStream;

/**
 * One draw among workers with probability proportional to verified work, as the sprint's auditor
 * assignment weighs them (docs/protocol.md §6): with {@code s = max(0, bitLength(Σ work) − 62)},
 * {@code weight = (work >> s) + 1}, so a newcomer can be drawn and with no work anywhere the draw
 * is uniform. Candidates in address order cover {@code [0, T)}; {@code x = stream.below(T)} picks
 * the one whose interval holds it.
 */
final class WeightedDraw {
  /** A worker and its verified work of the last settled epoch. */
  record Candidate(Address worker, long work) {}

  private final List<Candidate> candidates;
  private final long[] weights;
  private final long[] starts;
  private final long total;

  /** {@code candidates} in strictly increasing address order, at least one. */
  WeightedDraw(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidates");
    }
    this.candidates = List.copyOf(candidates);
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < candidates.size(); i++) {
      if (i > 0 && candidates.get(i - 1).worker().compareTo(candidates.get(i).worker()) >= 0) {
        throw new IllegalArgumentException("candidates not in address order");
      }
      sum = sum.add(BigInteger.valueOf(candidates.get(i).work()));
    }
    int shift = Math.max(0, sum.bitLength() - 62);
    weights = new long[candidates.size()];
    starts = new long[candidates.size()];
    long t = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (candidates.get(i).work() >> shift) + 1;
      starts[i] = t;
      t = Math.addExact(t, weights[i]);
    }
    total = t;
  }

  /** The scaled weight of candidate {@code i}. */
  long weight(int i) {
    return weights[i];
  }

  long total() {
    return total;
  }

  Address draw(HashStream stream) {
    long x = stream.below(total);
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= x) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return candidates.get(lo).worker();
  }
}
