package org.sprintchain.store.rocksdb;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.sprintchain.store.engine.StoreColumn;

/**
 * RocksDB settings, chosen for the access pattern of the store (see the module README):
 *
 * <ul>
 *   <li>One shared LRU block cache for all column families (the tree itself lives in the heap).
 *   <li>Bloom filters (10 bits per key, about 1% false positives) on roots and META, which are
 *       point lookups; the value column is read by seeks, where whole-key blooms do not help.
 *   <li>LZ4 compression everywhere.
 * </ul>
 */
final class RocksDbTuning implements AutoCloseable {
  static final long BLOCK_CACHE_BYTES = 256L << 20;
  static final long MAX_TOTAL_WAL_BYTES = 256L << 20;
  private static final int BLOOM_BITS_PER_KEY = 10;

  private final Cache blockCache = new LRUCache(BLOCK_CACHE_BYTES);
  private final BloomFilter bloom = new BloomFilter(BLOOM_BITS_PER_KEY);

  DBOptions dbOptions() {
    return new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setMaxBackgroundJobs(2)
        .setBytesPerSync(1L << 20)
        // A WAL file is kept until every column family with data in it has flushed; the small
        // families (META, ROOTS, STALE) fill slowly, so without a cap the WAL grows to
        // gigabytes behind the busy VALUES family and a restart replays all of it.
        .setMaxTotalWalSize(MAX_TOTAL_WAL_BYTES);
  }

  ColumnFamilyOptions columnOptions(StoreColumn column) {
    boolean pointLookups = column == StoreColumn.ROOTS || column == StoreColumn.META;
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(blockCache)
            .setCacheIndexAndFilterBlocks(true)
            .setPinL0FilterAndIndexBlocksInCache(true)
            .setBlockSize(16 * 1024);
    if (pointLookups) {
      table.setFilterPolicy(bloom);
    }
    ColumnFamilyOptions options = new ColumnFamilyOptions();
    return options
        .setTableFormatConfig(table)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setLevelCompactionDynamicLevelBytes(true);
  }

  /** Options for a column family this build does not know; opened only to read the format. */
  ColumnFamilyOptions unknownColumnOptions() {
    return new ColumnFamilyOptions();
  }

  @Override
  public void close() {
    bloom.close();
    blockCache.close();
  }
}
