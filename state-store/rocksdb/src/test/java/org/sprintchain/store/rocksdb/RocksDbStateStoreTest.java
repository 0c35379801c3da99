package org.sprintchain.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.StoreUnavailableException;
import org.sprintchain.store.UnsupportedStoreFormatException;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.engine.KvBatch;
import org.sprintchain.store.engine.StoreColumn;
import org.sprintchain.store.testing.BlockGenerator;
import org.sprintchain.store.testing.InMemoryStateStore;

class RocksDbStateStoreTest {
  @TempDir Path dir;

  @Test
  void storeOfAnotherFormatVersionRefusesToOpen() {
    RocksDbStateStore.open(dir, StoreOptions.archive()).close();
    try (RocksDbKvStorage storage = new RocksDbKvStorage(dir)) {
      storage.write(
          new KvBatch()
              .put(
                  StoreColumn.META,
                  "format-version".getBytes(StandardCharsets.US_ASCII),
                  ByteBuffer.allocate(8).putLong(1).array()));
    }
    UnsupportedStoreFormatException e =
        assertThrows(
            UnsupportedStoreFormatException.class,
            () -> RocksDbStateStore.open(dir, StoreOptions.archive()));
    assertTrue(e.getMessage().contains("format version 1"), e.getMessage());
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }

  @Test
  void rootsMatchTheInMemoryStoreBlockForBlock() {
    try (RocksDbStateStore rocks = RocksDbStateStore.open(dir, StoreOptions.pruning(5, 10));
        InMemoryStateStore memory = InMemoryStateStore.create(StoreOptions.pruning(5, 10))) {
      BlockGenerator a = new BlockGenerator(99, 200, 50);
      BlockGenerator b = new BlockGenerator(99, 200, 50);
      for (int i = 0; i < 40; i++) {
        WriteSet wa = a.next();
        rocks.commit(rocks.prepare(wa));
        memory.commit(memory.prepare(b.next()));
        assertArrayEquals(memory.rootHash(), rocks.rootHash(), "version " + (i + 1));
      }
    }
  }

  @Test
  void transientErrorsAreRetriedAndOthersHaltTheNode() {
    RocksDBException busy =
        new RocksDBException("busy", new Status(Status.Code.Busy, Status.SubCode.None, "busy"));
    RocksDBException corrupt =
        new RocksDBException(
            "bad block", new Status(Status.Code.Corruption, Status.SubCode.None, "x"));
    RocksDBException io =
        new RocksDBException("disk", new Status(Status.Code.IOError, Status.SubCode.None, "x"));
    assertTrue(RocksDbErrors.isRecoverable(busy));
    assertFalse(RocksDbErrors.isRecoverable(corrupt));
    assertFalse(RocksDbErrors.isRecoverable(io));
    assertFalse(RocksDbErrors.isRecoverable(new RocksDBException("no status")));

    int[] calls = {0};
    assertEquals(
        "ok",
        RocksDbErrors.withRetries(
            "get",
            () -> {
              if (calls[0]++ < 2) {
                throw busy;
              }
              return "ok";
            }));
    assertInstanceOf(
        StoreUnavailableException.class,
        assertThrows(
            RuntimeException.class,
            () ->
                RocksDbErrors.withRetries(
                    "get",
                    () -> {
                      throw busy;
                    })));
    assertThrows(
        StoreCorruptedException.class,
        () ->
            RocksDbErrors.withRetries(
                "get",
                () -> {
                  throw corrupt;
                }));
  }

  @Test
  void directoryThatIsNotAStoreFailsClearly() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("CURRENT"), "garbage\n");
    StoreCorruptedException e =
        assertThrows(
            StoreCorruptedException.class,
            () -> RocksDbStateStore.open(dir, StoreOptions.archive()));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }
}
