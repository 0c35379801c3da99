package org.sprintchain.pocw.power;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sprintchain.pocw.WorkerId;

/**
 * The validator set change at settlement, as CometBFT's {@code FinalizeBlock.validator_updates}
 * expects it: a list of (key, power) where power 0 removes the key. CometBFT applies updates
 * returned at height H from H + 2, and it halts on an update that would empty the set, so the chain
 * never proposes one: when fewer than {@code min_workers} workers end with positive power, the
 * previous set is kept unchanged (no updates) and the sprint is counted as failed. Keys here are
 * whatever {@link WorkerId} the chain app maps to consensus keys (the ed25519 public key).
 */
public final class ValidatorSetTransition {
  private ValidatorSetTransition() {}

  /**
   * One entry of {@code validator_updates}.
   *
   * @param key the validator's consensus key id
   * @param power its new power, 0 to remove it
   */
  public record Update(WorkerId key, long power) {}

  /**
   * The outcome of a settlement.
   *
   * @param replaced true when the sprint's set replaces the previous one
   * @param next the set in force after the update (the previous set when not replaced)
   * @param updates the diff to hand CometBFT, sorted by key; empty when not replaced
   */
  public record Result(boolean replaced, SortedMap<WorkerId, Long> next, List<Update> updates) {}

  /**
   * The transition from {@code current} to {@code proposed} (from {@link VotingPowerPolicy}; zero
   * powers are ignored), kept at {@code current} when {@code proposed} has fewer than {@code
   * minWorkers} positive entries.
   */
  public static Result settle(
      Map<WorkerId, Long> current, Map<WorkerId, Long> proposed, int minWorkers) {
    if (minWorkers < 1) {
      throw new IllegalArgumentException("min workers " + minWorkers + " < 1");
    }
    SortedMap<WorkerId, Long> next = new TreeMap<>();
    for (Map.Entry<WorkerId, Long> e : proposed.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("negative power for " + e.getKey());
      }
      if (e.getValue() > 0) {
        next.put(e.getKey(), e.getValue());
      }
    }
    SortedMap<WorkerId, Long> previous = new TreeMap<>(current);
    if (next.size() < minWorkers) {
      return new Result(false, previous, List.of());
    }
    SortedMap<WorkerId, Long> diff = new TreeMap<>();
    for (WorkerId key : previous.keySet()) {
      if (!next.containsKey(key)) {
        diff.put(key, 0L);
      }
    }
    for (Map.Entry<WorkerId, Long> e : next.entrySet()) {
      if (!e.getValue().equals(previous.get(e.getKey()))) {
        diff.put(e.getKey(), e.getValue());
      }
    }
    List<Update> updates = new ArrayList<>();
    diff.forEach((k, v) -> updates.add(new Update(k, v)));
    return new Result(true, next, List.copyOf(updates));
  }
}
