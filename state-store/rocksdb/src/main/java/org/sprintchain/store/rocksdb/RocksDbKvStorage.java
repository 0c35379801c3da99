package org.sprintchain.store.rocksdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.engine.KvBatch;
import org.sprintchain.store.engine.KvStorage;
import org.sprintchain.store.engine.StoreColumn;

/**
 * {@link KvStorage} on RocksDB. Each {@link StoreColumn} is a column family named by its one-byte
 * id (META uses RocksDB's default family). A batch is one {@link WriteBatch} written with the WAL
 * and {@code sync=true}, so once {@link #write} returns the commit survives kill -9 and power loss,
 * and a crash during the write leaves the previous version whole.
 */
final class RocksDbKvStorage implements KvStorage {
  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final RocksDbTuning tuning = new RocksDbTuning();
  private final DBOptions dbOptions = tuning.dbOptions();
  private final WriteOptions writeOptions = new WriteOptions().setSync(true);
  private final List<ColumnFamilyOptions> columnOptions = new ArrayList<>();
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private final EnumMap<StoreColumn, ColumnFamilyHandle> columns = new EnumMap<>(StoreColumn.class);
  private final RocksDB db;

  RocksDbKvStorage(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      List<byte[]> names = new ArrayList<>(existingFamilies(dir));
      for (StoreColumn c : StoreColumn.values()) {
        if (names.stream().noneMatch(n -> Arrays.equals(n, familyName(c)))) {
          names.add(familyName(c));
        }
      }
      // Families this build does not know are opened too (RocksDB insists), so that the format
      // check, not a RocksDB error, tells the operator a newer release wrote this store.
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : names) {
        ColumnFamilyOptions options =
            column(name).map(tuning::columnOptions).orElseGet(tuning::unknownColumnOptions);
        columnOptions.add(options);
        descriptors.add(new ColumnFamilyDescriptor(name, options));
      }
      this.db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      for (int i = 0; i < names.size(); i++) {
        int index = i;
        column(names.get(i)).ifPresent(c -> columns.put(c, handles.get(index)));
      }
    } catch (RocksDBException e) {
      releaseOptions();
      throw new StoreCorruptedException(
          "cannot open RocksDB at " + dir + " (" + RocksDbErrors.describe(e) + ")", e);
    } catch (java.io.IOException e) {
      releaseOptions();
      throw new StoreCorruptedException("cannot create store directory " + dir, e);
    }
  }

  @Override
  public Optional<byte[]> get(StoreColumn column, byte[] key) {
    return Optional.ofNullable(
        RocksDbErrors.withRetries("get", () -> db.get(columns.get(column), key)));
  }

  @Override
  public void scan(StoreColumn column, byte[] from, EntryVisitor visitor) {
    ResumableScan scan =
        new ResumableScan(
            () -> ResumableScan.of(db.newIterator(columns.get(column))), from, visitor);
    RocksDbErrors.withRetries("scan", scan::attempt);
  }

  @Override
  public List<byte[][]> seekEach(StoreColumn column, List<byte[]> ascendingTargets) {
    return RocksDbErrors.withRetries(
        "seek",
        () -> {
          List<byte[][]> out = new ArrayList<>(ascendingTargets.size());
          try (RocksIterator it = db.newIterator(columns.get(column))) {
            for (byte[] target : ascendingTargets) {
              it.seek(target);
              out.add(it.isValid() ? new byte[][] {it.key(), it.value()} : null);
            }
            it.status();
          }
          return out;
        });
  }

  @Override
  public void write(KvBatch batch) {
    byte[] serialized = WriteBatchEncoding.encode(batch, c -> columns.get(c).getID());
    RocksDbErrors.withRetries(
        "commit",
        () -> {
          // One JNI call for the whole batch instead of one per operation.
          try (WriteBatch wb = new WriteBatch(serialized)) {
            db.write(writeOptions, wb);
          }
          return null;
        });
  }

  /** Entries in a column, counted by a full scan; for tests and diagnostics only. */
  long countEntries(StoreColumn column) {
    long[] count = {0};
    scan(
        column,
        new byte[0],
        (k, v) -> {
          count[0]++;
          return true;
        });
    return count[0];
  }

  @Override
  public String location() {
    return dir.toString();
  }

  @Override
  public void close() {
    handles.forEach(ColumnFamilyHandle::close);
    db.close();
    writeOptions.close();
    releaseOptions();
  }

  private void releaseOptions() {
    columnOptions.forEach(ColumnFamilyOptions::close);
    dbOptions.close();
    tuning.close();
  }

  static byte[] familyName(StoreColumn column) {
    return column == StoreColumn.META ? RocksDB.DEFAULT_COLUMN_FAMILY : new byte[] {column.id()};
  }

  private static Optional<StoreColumn> column(byte[] familyName) {
    return Arrays.stream(StoreColumn.values())
        .filter(c -> Arrays.equals(familyName(c), familyName))
        .findFirst();
  }

  private static List<byte[]> existingFamilies(Path dir) throws RocksDBException {
    if (!Files.exists(dir.resolve("CURRENT"))) {
      return List.of();
    }
    try (Options options = new Options()) {
      return RocksDB.listColumnFamilies(options, dir.toString());
    }
  }
}
