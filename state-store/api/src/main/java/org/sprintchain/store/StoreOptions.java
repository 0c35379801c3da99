package org.sprintchain.store;

/**
 * Which committed versions a store keeps readable.
 *
 * <p>With {@code keepRecent = N > 0} the store keeps the N latest versions; with {@code keepEvery =
 * M > 0} it also keeps every version that is a multiple of M (a checkpoint, never pruned; this
 * includes version 0). {@code keepRecent = 0} keeps everything (an archive node). A version leaves
 * the window when version {@code v + N} is committed. A store reopened with another policy first
 * drops every version outside the new window that is no new checkpoint (reads of it are then
 * refused), so that no version it still serves reads entries that the new policy prunes.
 */
public record StoreOptions(long keepRecent, long keepEvery) {

  public StoreOptions {
    if (keepRecent < 0 || keepEvery < 0) {
      throw new IllegalArgumentException(
          "keepRecent and keepEvery must be >= 0, got " + keepRecent + " and " + keepEvery);
    }
  }

  /** Keeps every version; nothing is ever pruned. */
  public static StoreOptions archive() {
    return new StoreOptions(0, 0);
  }

  /** Keeps the {@code keepRecent} latest versions and every multiple of {@code keepEvery}. */
  public static StoreOptions pruning(long keepRecent, long keepEvery) {
    if (keepRecent < 1) {
      throw new IllegalArgumentException("a pruning store must keep at least the latest version");
    }
    return new StoreOptions(keepRecent, keepEvery);
  }

  public boolean prunes() {
    return keepRecent > 0;
  }

  /** Whether {@code version} is a checkpoint that is kept forever. */
  public boolean isCheckpoint(long version) {
    return keepEvery > 0 && version % keepEvery == 0;
  }

  /** Whether some checkpoint lies in {@code [from, to]}; false for an empty range. */
  public boolean hasCheckpointIn(long from, long to) {
    return keepEvery > 0 && from <= to && (to / keepEvery) * keepEvery >= from;
  }

  /**
   * The version that stops being recent when {@code committed} is committed, or -1 when none does.
   */
  public long versionLeavingWindow(long committed) {
    return prunes() && committed - keepRecent >= 0 ? committed - keepRecent : -1;
  }
}
