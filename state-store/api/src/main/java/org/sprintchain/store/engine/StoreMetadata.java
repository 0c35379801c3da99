package org.sprintchain.store.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.UnsupportedStoreFormatException;
import org.sprintchain.store.merkle.MerkleHashing;

/**
 * The singletons of the META column: the on-disk format version and the latest committed version. A
 * fresh store is stamped with the current format and an empty version 0 in one batch.
 */
final class StoreMetadata {
  /** Bump when any stored encoding changes; older stores then refuse to open. */
  static final long FORMAT_VERSION = 4;

  static final byte[] FORMAT_KEY = "format-version".getBytes(StandardCharsets.US_ASCII);
  static final byte[] LATEST_KEY = "latest-version".getBytes(StandardCharsets.US_ASCII);

  /** Present while a snapshot import is under way: its version. */
  static final byte[] IMPORT_KEY = "import-pending".getBytes(StandardCharsets.US_ASCII);

  private StoreMetadata() {}

  /** Checks the format, initializing an empty store, and returns the latest committed version. */
  static long openOrInitialize(KvStorage storage) {
    Optional<byte[]> format = storage.get(StoreColumn.META, FORMAT_KEY);
    if (format.isEmpty()) {
      if (storage.get(StoreColumn.META, LATEST_KEY).isPresent() || hasAnyRoot(storage)) {
        throw new StoreCorruptedException(
            "state store at " + storage.location() + " holds data but no format version marker");
      }
      storage.write(
          new KvBatch()
              .put(StoreColumn.ROOTS, VersionPruner.versionKey(0), MerkleHashing.emptyRoot())
              .put(StoreColumn.META, LATEST_KEY, encodeLong(0))
              .put(StoreColumn.META, FORMAT_KEY, encodeLong(FORMAT_VERSION)));
      return 0;
    }
    long found = decodeLong(format.get(), "format version");
    if (found != FORMAT_VERSION) {
      throw new UnsupportedStoreFormatException(storage.location(), found, FORMAT_VERSION);
    }
    byte[] latest =
        storage
            .get(StoreColumn.META, LATEST_KEY)
            .orElseThrow(() -> new StoreCorruptedException("latest version marker missing"));
    return decodeLong(latest, "latest version");
  }

  static byte[] encodeLong(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }

  private static long decodeLong(byte[] bytes, String what) {
    if (bytes.length != 8) {
      throw new StoreCorruptedException(what + " marker has " + bytes.length + " bytes, not 8");
    }
    return ByteBuffer.wrap(bytes).getLong();
  }

  private static boolean hasAnyRoot(KvStorage storage) {
    boolean[] any = {false};
    storage.scan(
        StoreColumn.ROOTS,
        new byte[0],
        (k, v) -> {
          any[0] = true;
          return false;
        });
    return any[0];
  }
}
