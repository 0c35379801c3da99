package org.sprintchain.chain.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.WriteSet;

class StateOverlayTest {
  private final TreeMap<ByteKey, byte[]> base = new TreeMap<>();
  private final StateReader baseReader = key -> Optional.ofNullable(base.get(ByteKey.of(key)));

  @Test
  void readsSeeStagedWritesBeforeTheBase() {
    base.put(ByteKey.of(new byte[] {1}), new byte[] {10});
    base.put(ByteKey.of(new byte[] {2}), new byte[] {20});
    StateOverlay overlay = new StateOverlay(baseReader);
    overlay.put(new byte[] {1}, new byte[] {11});
    overlay.delete(new byte[] {2});

    assertArrayEquals(new byte[] {11}, overlay.get(new byte[] {1}).orElseThrow());
    assertTrue(overlay.get(new byte[] {2}).isEmpty(), "a staged delete hides the base value");
    assertArrayEquals(new byte[] {10}, base.get(ByteKey.of(new byte[] {1})), "base untouched");
    assertEquals(2, overlay.writes().size());
  }

  @Test
  void writesIsACopy() {
    StateOverlay overlay = new StateOverlay(baseReader);
    overlay.put(new byte[] {1}, new byte[] {1});
    WriteSet copy = overlay.writes();
    overlay.put(new byte[] {2}, new byte[] {2});
    assertEquals(1, copy.size());
  }

  @Test
  void withStagedStartsFromTheGivenWrites() {
    WriteSet staged = new WriteSet();
    staged.put(new byte[] {5}, new byte[] {50});
    staged.delete(new byte[] {6});
    base.put(ByteKey.of(new byte[] {6}), new byte[] {60});
    StateOverlay overlay = StateOverlay.withStaged(baseReader, staged);
    assertArrayEquals(new byte[] {50}, overlay.get(new byte[] {5}).orElseThrow());
    assertTrue(overlay.get(new byte[] {6}).isEmpty());
  }

  @Test
  void branchWritesReachTheParentOnlyOnMerge() {
    WorkingState parent = new WorkingState(new StateOverlay(baseReader));
    WorkingState child = parent.branch();
    child.putAccount(ChainTestData.address(1), new Account(7, 1));
    assertEquals(Account.EMPTY, parent.account(ChainTestData.address(1)));
    assertEquals(new Account(7, 1), child.account(ChainTestData.address(1)));
    parent.merge(child);
    assertEquals(new Account(7, 1), parent.account(ChainTestData.address(1)));
  }
}
