package org.sprintchain.pocw.power;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sprintchain.pocw.WorkerId;

/**
 * Turns verified work into CometBFT voting powers, proportional to work but with no worker above
 * {@code max_power_share} of the total.
 *
 * <p><b>Rule (water-filling).</b> Let {@code T} be the power budget ({@link #DEFAULT_TOTAL_POWER},
 * a multiple of 10 000) and {@code C = T / 10000 · cap_bps} the capped power. Workers with zero
 * work are dropped. Sort the rest by work descending (ties: id ascending). Start with no worker
 * capped, remaining budget {@code R = T} and remaining work {@code S = Σ work}. While the heaviest
 * uncapped worker's proportional power {@code R · w / S} exceeds {@code C}, cap it: it gets {@code
 * C}, {@code R −= C}, {@code S −= w}. Everyone still uncapped gets {@code floor(R · w / S)}, and
 * the {@code R − Σ floor} units left over go one each to the uncapped workers with the largest
 * remainders {@code R · w mod S} (ties: id ascending). Workers left with power 0 are dropped.
 *
 * <p><b>Guarantees.</b> When the set can satisfy the cap ({@code n · cap_bps ≥ 10000}) the powers
 * sum to exactly {@code T} and none exceeds {@code C = cap · T}, so no share exceeds the cap
 * (capping a worker needs {@code R > C}, so R never runs out; a +1 goes only to a worker whose
 * exact share {@code R·w/S ≤ C} was fractional, so its ceiling is still at most C). When it cannot,
 * every worker is capped and all powers are equal at {@code C}: the closest the set can get. The
 * result depends only on the (id, work) pairs, not their order; the total is below CometBFT's
 * {@link #MAX_TOTAL_VOTING_POWER}.
 *
 * <p>The cap bounds the share of one <i>key</i>, not of one operator: work split over several ids
 * earns the same total power while each part is under the cap, and splitting a capped worker into
 * ids below the cap recovers what the cap took. The cap protects against one honest-but-huge worker
 * nearing 1/3, not against a Sybil; see docs/protocol.md, attacks.
 */
public final class VotingPowerPolicy {
  /** CometBFT's {@code MaxTotalVotingPower}: {@code int64(math.MaxInt64) / 8 = 2^60 − 1}. */
  public static final long MAX_TOTAL_VOTING_POWER = Long.MAX_VALUE / 8;

  /**
   * The default power budget, {@code 10000 · 2^30} (≈ 1.07e13): fine-grained, far below the max.
   */
  public static final long DEFAULT_TOTAL_POWER = 10_000L << 30;

  private final int maxShareBps;
  private final long totalPower;

  /** A policy with the default budget. */
  public VotingPowerPolicy(int maxShareBps) {
    this(maxShareBps, DEFAULT_TOTAL_POWER);
  }

  /**
   * A policy with budget {@code totalPower}, a positive multiple of 10 000 within CometBFT's max.
   */
  public VotingPowerPolicy(int maxShareBps, long totalPower) {
    if (maxShareBps < 1 || maxShareBps > 10_000) {
      throw new IllegalArgumentException("max share " + maxShareBps + " bps outside [1, 10000]");
    }
    if (totalPower < 10_000 || totalPower % 10_000 != 0 || totalPower > MAX_TOTAL_VOTING_POWER) {
      throw new IllegalArgumentException("total power " + totalPower);
    }
    this.maxShareBps = maxShareBps;
    this.totalPower = totalPower;
  }

  /** The largest power one worker may get: {@code T / 10000 · cap_bps}. */
  public long cappedPower() {
    return totalPower / 10_000 * maxShareBps;
  }

  /** The power of each worker with positive work, keyed by id; refuses negative work. */
  public SortedMap<WorkerId, Long> powers(Map<WorkerId, Long> work) {
    List<Map.Entry<WorkerId, Long>> entries = new ArrayList<>();
    BigInteger remainingWork = BigInteger.ZERO;
    for (Map.Entry<WorkerId, Long> e : work.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("negative work for " + e.getKey());
      }
      if (e.getValue() > 0) {
        entries.add(Map.entry(e.getKey(), e.getValue()));
        remainingWork = remainingWork.add(BigInteger.valueOf(e.getValue()));
      }
    }
    entries.sort(
        Comparator.<Map.Entry<WorkerId, Long>>comparingLong(Map.Entry::getValue)
            .reversed()
            .thenComparing(Map.Entry::getKey));
    long cap = cappedPower();
    BigInteger bigCap = BigInteger.valueOf(cap);
    long remainingPower = totalPower;
    int capped = 0;
    SortedMap<WorkerId, Long> out = new TreeMap<>();
    while (capped < entries.size()) {
      BigInteger w = BigInteger.valueOf(entries.get(capped).getValue());
      if (BigInteger.valueOf(remainingPower).multiply(w).compareTo(bigCap.multiply(remainingWork))
          <= 0) {
        break;
      }
      out.put(entries.get(capped).getKey(), cap);
      remainingPower -= cap;
      remainingWork = remainingWork.subtract(w);
      capped++;
    }
    List<Map.Entry<WorkerId, Long>> rest = entries.subList(capped, entries.size());
    long[] shares = ProportionalSplit.split(remainingPower, rest);
    for (int i = 0; i < shares.length; i++) {
      if (shares[i] > 0) {
        out.put(rest.get(i).getKey(), shares[i]);
      }
    }
    return out;
  }
}
