package org.sprintchain.store.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * Versions that open snapshots read, with a count per version (two exports of one version, or an
 * export and a chunk being read, pin it twice). In memory only: a restart drops every pin, which is
 * why the pruning they hold back is listed in storage (see {@link VersionPruner}).
 *
 * <p>A pin is taken under the store's read lock after checking that the version is retained, and
 * commits consult the pins under the write lock, so a commit either pruned the version before the
 * pin (the pin fails) or sees it. Unpinning needs no store lock.
 */
final class VersionPins {
  private final TreeMap<Long, Integer> counts = new TreeMap<>();

  synchronized void pin(long version) {
    counts.merge(version, 1, Integer::sum);
  }

  /**
   * @return whether this was the version's last pin
   */
  synchronized boolean unpin(long version) {
    Integer count = counts.get(version);
    if (count == null) {
      throw new IllegalStateException("version " + version + " is not pinned");
    }
    if (count == 1) {
      counts.remove(version);
      return true;
    }
    counts.put(version, count - 1);
    return false;
  }

  /** The highest pinned version at or below {@code version}, or -1 when there is none. */
  synchronized long highestAtOrBelow(long version) {
    Map.Entry<Long, Integer> pinned = counts.floorEntry(version);
    return pinned == null ? -1 : pinned.getKey();
  }
}
