package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.WriteSet;

/**
 * Root hashes pinned to values computed independently (a 15-line Python script over hashlib,
 * following the README definition). A change here changes every app hash: it is a consensus break
 * and needs a new on-disk format version.
 */
class GoldenRootTest {

  @Test
  void emptyStore() {
    assertRoot("0000000000000000000000000000000000000000000000000000000000000000", contents());
  }

  @Test
  void singleEntryIsItsLeaf() {
    assertRoot(
        "565388d4bc00257133f799d9366ac97f6e949c18acc53d17457f8859ba0f08d3", contents("a", "1"));
  }

  @Test
  void threeEntries() {
    assertRoot(
        "8e2a164a410203f51300d7c6645b7a37f549768457be109acc126c63573a9e0a",
        contents("a", "1", "b", "2", "c", "3"));
  }

  @Test
  void hundredSingleByteKeys() {
    TreeMap<ByteKey, byte[]> contents = new TreeMap<>();
    for (int i = 0; i < 100; i++) {
      contents.put(ByteKey.of(new byte[] {(byte) i}), new byte[] {(byte) i, (byte) i});
    }
    assertRoot("e5bf79463db1043f643464c87108bc6482c70e1b6ca43dfb58d1f220d9aafeeb", contents);
  }

  private static void assertRoot(String expectedHex, TreeMap<ByteKey, byte[]> contents) {
    assertEquals(expectedHex, HexFormat.of().formatHex(ReferenceMerkleRoot.of(contents)));
    try (InMemoryStateStore store = InMemoryStateStore.create()) {
      WriteSet w = new WriteSet();
      contents.forEach((k, v) -> w.put(k.toByteArray(), v));
      store.commit(store.prepare(w));
      assertEquals(expectedHex, HexFormat.of().formatHex(store.rootHash()));
    }
  }

  private static TreeMap<ByteKey, byte[]> contents(String... keyValues) {
    TreeMap<ByteKey, byte[]> out = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put(
          ByteKey.of(keyValues[i].getBytes(StandardCharsets.UTF_8)),
          keyValues[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }
}
