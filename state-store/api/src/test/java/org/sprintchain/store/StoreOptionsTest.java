package org.sprintchain.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoreOptionsTest {
  @Test
  void archiveNeverPrunes() {
    StoreOptions archive = StoreOptions.archive();
    assertFalse(archive.prunes());
    assertEquals(-1, archive.versionLeavingWindow(1_000));
  }

  @Test
  void versionLeavesTheWindowWhenNMoreAreCommitted() {
    StoreOptions options = StoreOptions.pruning(3, 0);
    assertEquals(-1, options.versionLeavingWindow(2));
    assertEquals(0, options.versionLeavingWindow(3));
    assertEquals(7, options.versionLeavingWindow(10));
  }

  @Test
  void checkpointsAreMultiplesOfKeepEveryIncludingZero() {
    StoreOptions options = StoreOptions.pruning(2, 5);
    assertTrue(options.isCheckpoint(0));
    assertTrue(options.isCheckpoint(10));
    assertFalse(options.isCheckpoint(11));
    assertTrue(options.hasCheckpointIn(6, 10));
    assertFalse(options.hasCheckpointIn(6, 9));
    assertTrue(options.hasCheckpointIn(5, 5));
    assertFalse(options.hasCheckpointIn(7, 6));
    assertFalse(StoreOptions.pruning(2, 0).hasCheckpointIn(0, 100));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new StoreOptions(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> StoreOptions.pruning(0, 10));
  }
}
