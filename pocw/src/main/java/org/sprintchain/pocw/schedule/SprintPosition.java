package org.sprintchain.pocw.schedule;

/**
 * Where a height falls in the sprint schedule.
 *
 * @param height the height asked about
 * @param epoch the epoch (0 for the chain's first epoch)
 * @param phase the phase of that epoch
 * @param phaseStart the phase's first height (inclusive)
 * @param phaseEnd the phase's last height (inclusive)
 */
public record SprintPosition(long height, long epoch, Phase phase, long phaseStart, long phaseEnd) {
  /** True when {@link #height} is its phase's first height. */
  public boolean isPhaseStart() {
    return height == phaseStart;
  }

  /** True when {@link #height} is its phase's last height. */
  public boolean isPhaseEnd() {
    return height == phaseEnd;
  }
}
