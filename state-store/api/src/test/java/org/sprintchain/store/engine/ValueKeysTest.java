package org.sprintchain.store.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ValueKeysTest {
  @Test
  void roundTripsKeysWithZeroBytesAndVersions() {
    byte[][] keys = {{}, {0}, {0, 0}, {1, 0, (byte) 0xFF}, {(byte) 0xFF}};
    for (byte[] key : keys) {
      byte[] entry = ValueKeys.entryKey(key, 42);
      assertArrayEquals(key, ValueKeys.userKeyOf(entry));
      assertEquals(42, ValueKeys.versionOf(entry));
      assertTrue(ValueKeys.hasKeyPart(entry, ValueKeys.keyPart(key)));
      assertArrayEquals(ValueKeys.withVersion(ValueKeys.keyPart(key), 42), entry);
    }
  }

  @Test
  void storedOrderIsKeyOrderThenNewestFirst() {
    byte[][] inOrder = {
      ValueKeys.entryKey(new byte[] {}, 1),
      ValueKeys.entryKey(new byte[] {0}, 9),
      ValueKeys.entryKey(new byte[] {0}, 2),
      ValueKeys.entryKey(new byte[] {0, 0}, 5),
      ValueKeys.entryKey(new byte[] {0, 1}, 5),
      ValueKeys.entryKey(new byte[] {1}, 5),
      ValueKeys.entryKey(new byte[] {1, 0}, 5),
    };
    for (int i = 1; i < inOrder.length; i++) {
      assertTrue(Arrays.compareUnsigned(inOrder[i - 1], inOrder[i]) < 0, "entry " + i);
    }
  }
}
