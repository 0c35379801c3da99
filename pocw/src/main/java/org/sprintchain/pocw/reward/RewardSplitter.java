package org.sprintchain.pocw.reward;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.power.ProportionalSplit;

/**
 * Splits an epoch's pot (its emission plus the fees collected for the sprint pool) among the
 * workers that earned, in proportion to verified work (uncapped: the cap is a consensus-safety
 * rule, not a pay rule). Each gets {@code floor(A · w / S)}; the remainder (fewer units than
 * workers) goes one unit each to the largest remainders {@code A · w mod S}, ties by id ascending
 * ({@link ProportionalSplit}). So {@code Σ payouts == pot} exactly. When nobody earned, nothing is
 * paid and the whole pot is {@code undistributed}: the chain app does not mint that emission and
 * sends those fees to the next epoch's pot.
 */
public final class RewardSplitter {
  private RewardSplitter() {}

  /**
   * A split.
   *
   * @param payouts tokens per worker, positive entries only, by id
   * @param undistributed what nobody received (the pot when no one earned, else 0)
   */
  public record Split(SortedMap<WorkerId, Long> payouts, long undistributed) {}

  /** The split of {@code emission + fees} by {@code work} (entries with 0 work earn nothing). */
  public static Split split(long emission, long fees, Map<WorkerId, Long> work) {
    if (emission < 0 || fees < 0) {
      throw new IllegalArgumentException("emission " + emission + ", fees " + fees);
    }
    long pot = Math.addExact(emission, fees);
    List<Map.Entry<WorkerId, Long>> entries = new ArrayList<>();
    for (Map.Entry<WorkerId, Long> e : new TreeMap<>(work).entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("negative work for " + e.getKey());
      }
      if (e.getValue() > 0) {
        entries.add(e);
      }
    }
    SortedMap<WorkerId, Long> payouts = new TreeMap<>();
    if (entries.isEmpty()) {
      return new Split(payouts, pot);
    }
    long[] shares = ProportionalSplit.split(pot, entries);
    for (int i = 0; i < shares.length; i++) {
      if (shares[i] > 0) {
        payouts.put(entries.get(i).getKey(), shares[i]);
      }
    }
    return new Split(payouts, 0);
  }
}
