package org.sprintchain.pocw.audit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.hash.HashStream;
import org.sprintchain.pocw.hash.Sha256;

/**
 * Chooses who audits whom: for each worker, {@code min(a, N − 1)} distinct auditors among the other
 * workers of the sprint, drawn without replacement with probability proportional to their weight.
 *
 * <p><b>Weights.</b> A candidate's weight is its verified work of the previous epoch. To keep sums
 * in a {@code long}, all works are shifted right by {@code s = max(0, bitLength(Σ work) − 62)} and
 * then 1 is added, so a newcomer (no previous work) can be drawn but rarely once others have work,
 * and at genesis (no work anywhere) the draw is uniform.
 *
 * <p><b>Draw.</b> Worker {@code w}'s auditors come from the {@link HashStream} of domain {@value
 * #DOMAIN} and context {@code seed ‖ len(w) ‖ w}. Candidates are laid out in id order on {@code [0,
 * T)}, each covering an interval as long as its weight. With {@code X} the excluded set (w itself
 * and the auditors drawn so far), draw {@code x = stream.below(T − Σ_{e∈X} weight(e))}, then for
 * each excluded candidate in id order whose interval starts at or before {@code x}, add its weight
 * to {@code x}; the candidate whose interval holds {@code x} is drawn. This skips the excluded
 * intervals exactly, so the draw is proportional to weight among the rest, never repeats and never
 * picks {@code w}. A binary search finds the interval: the cost is {@code O(a·(a + log N))} per
 * worker and {@code O(N·a·(a + log N))} per sprint, against Gonka's all-to-all {@code O(N²)}. Each
 * worker's auditors can be recomputed alone (for instance when MsgAuditResult arrives).
 */
public final class AuditorAssignment {
  /** Domain of the assignment stream. */
  public static final String DOMAIN = "sprintchain/pocw/v1/auditors";

  /**
   * A worker that can audit and be audited.
   *
   * @param id the worker
   * @param previousWork its verified work of the previous epoch, at least 0
   */
  public record Candidate(WorkerId id, long previousWork) {
    /** Checks the work is non-negative. */
    public Candidate {
      if (previousWork < 0) {
        throw new IllegalArgumentException("previous work " + previousWork + " < 0");
      }
    }
  }

  private final byte[] seed;
  private final WorkerId[] ids;
  private final long[] weights;
  private final long[] starts;
  private final long total;

  /** The assignment for one sprint; refuses repeated ids. */
  public AuditorAssignment(byte[] auditSeed, Collection<Candidate> candidates) {
    if (auditSeed.length != Sha256.LENGTH) {
      throw new IllegalArgumentException("audit seed: " + auditSeed.length + " bytes, not 32");
    }
    this.seed = auditSeed.clone();
    TreeMap<WorkerId, Long> byId = new TreeMap<>();
    BigInteger sum = BigInteger.ZERO;
    for (Candidate c : candidates) {
      if (byId.put(c.id(), c.previousWork()) != null) {
        throw new IllegalArgumentException("duplicate candidate " + c.id());
      }
      sum = sum.add(BigInteger.valueOf(c.previousWork()));
    }
    int shift = Math.max(0, sum.bitLength() - 62);
    int n = byId.size();
    ids = byId.keySet().toArray(new WorkerId[0]);
    weights = new long[n];
    starts = new long[n];
    long t = 0;
    int i = 0;
    for (long work : byId.values()) {
      weights[i] = (work >> shift) + 1;
      starts[i] = t;
      t = Math.addExact(t, weights[i]);
      i++;
    }
    total = t;
  }

  /** Number of candidates. */
  public int size() {
    return ids.length;
  }

  /** The scaled weight used for {@code id} (see the class comment), or 0 if it is no candidate. */
  public long weightOf(WorkerId id) {
    int i = Arrays.binarySearch(ids, id);
    return i < 0 ? 0 : weights[i];
  }

  /** The auditors of {@code worker}, in draw order; {@code worker} must be a candidate. */
  public List<WorkerId> auditorsOf(WorkerId worker, int auditorsPerWorker) {
    int self = Arrays.binarySearch(ids, worker);
    if (self < 0) {
      throw new IllegalArgumentException("worker " + worker + " is not a candidate");
    }
    int count = Math.min(auditorsPerWorker, ids.length - 1);
    HashStream stream = new HashStream(DOMAIN, seed, worker.lengthPrefixed());
    // Excluded candidate indices, kept sorted ascending.
    List<Integer> excluded = new ArrayList<>();
    excluded.add(self);
    long excludedWeight = weights[self];
    List<WorkerId> auditors = new ArrayList<>(count);
    while (auditors.size() < count) {
      long x = stream.below(total - excludedWeight);
      for (int e : excluded) {
        if (x >= starts[e]) {
          x += weights[e];
        } else {
          break;
        }
      }
      int picked = intervalOf(x);
      auditors.add(ids[picked]);
      int at = -(Collections.binarySearch(excluded, picked) + 1);
      excluded.add(at, picked);
      excludedWeight += weights[picked];
    }
    return List.copyOf(auditors);
  }

  /** Every worker's auditors, keyed by worker in id order. */
  public SortedMap<WorkerId, List<WorkerId>> assignAll(int auditorsPerWorker) {
    SortedMap<WorkerId, List<WorkerId>> out = new TreeMap<>();
    for (WorkerId id : ids) {
      out.put(id, auditorsOf(id, auditorsPerWorker));
    }
    return out;
  }

  private int intervalOf(long x) {
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
    return lo;
  }
}
