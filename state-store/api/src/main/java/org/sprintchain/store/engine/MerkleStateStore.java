package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.PreparedCommit;
import org.sprintchain.store.Proof;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.merkle.ChildRef;
import org.sprintchain.store.merkle.KeyUpdate;
import org.sprintchain.store.merkle.MerkleHashing;
import org.sprintchain.store.merkle.NodeCodec;
import org.sprintchain.store.merkle.NodeKey;
import org.sprintchain.store.merkle.TreeNode;
import org.sprintchain.store.merkle.TreeUpdate;
import org.sprintchain.store.merkle.TreeUpdater;
import org.sprintchain.store.merkle.TreeWalk;

/**
 * The {@link StateStore} over any {@link KvStorage}: a sparse Merkle tree for the root and proofs,
 * a value history for reads and iteration at old versions, and a stale index for pruning.
 *
 * <p>Concurrency: queries (ABCI query connection) may run beside the consensus connection. Reads
 * and prepare share a read lock; commit and close take the write lock, so a read never sees a
 * half-pruned version.
 */
public class MerkleStateStore implements StateStore {
  private final KvStorage storage;
  private final ValueHistory values;
  private final VersionPruner pruner;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private long latest;
  private ChildRef latestRoot;
  private boolean closed;

  protected MerkleStateStore(KvStorage storage, StoreOptions options) {
    this.storage = storage;
    this.values = new ValueHistory(storage);
    this.pruner = new VersionPruner(storage, options);
    this.latest = StoreMetadata.openOrInitialize(storage);
    this.latestRoot =
        storedRoot(latest)
            .orElseThrow(
                () ->
                    new StoreCorruptedException(
                        "root of latest version " + latest + " is missing"));
  }

  @Override
  public long latestVersion() {
    return read(() -> latest);
  }

  @Override
  public byte[] rootHash() {
    return read(() -> latestRoot.hash());
  }

  @Override
  public byte[] rootHash(long version) {
    return read(() -> rootAt(version).hash());
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    return read(() -> values.get(key, latest));
  }

  @Override
  public Optional<byte[]> get(byte[] key, long version) {
    return read(
        () -> {
          rootAt(version);
          return values.get(key, version);
        });
  }

  @Override
  public void iterate(byte[] prefix, long version, EntryVisitor visitor) {
    read(
        () -> {
          rootAt(version);
          values.iterate(prefix, version, visitor);
          return null;
        });
  }

  @Override
  public Proof prove(byte[] key, long version) {
    return read(() -> TreeWalk.prove(this::loadNode, rootAt(version), MerkleHashing.keyHash(key)));
  }

  @Override
  public PreparedCommit prepare(WriteSet writes) {
    WriteSet snapshot = copy(writes);
    return read(
        () -> {
          TreeMap<ByteKey, KeyUpdate> byKeyHash = new TreeMap<>();
          List<StagedCommit.ValueChange> changes = new ArrayList<>();
          List<byte[]> keys = new ArrayList<>(snapshot.size());
          snapshot.entries().keySet().forEach(k -> keys.add(k.toByteArray()));
          List<Optional<ValueHistory.Entry>> currents = values.findAll(keys, latest);
          int i = 0;
          for (byte[] value : snapshot.entries().values()) {
            byte[] key = keys.get(i);
            Optional<ValueHistory.Entry> current = currents.get(i++);
            byte[] currentValue = current.map(ValueHistory.Entry::value).orElse(null);
            if (Arrays.equals(currentValue, value)) {
              continue; // rewriting the same value or deleting an absent key changes nothing
            }
            long previous = current.map(ValueHistory.Entry::version).orElse(-1L);
            changes.add(new StagedCommit.ValueChange(key, value, previous));
            byte[] keyHash = MerkleHashing.keyHash(key);
            byte[] valueHash = value == null ? null : MerkleHashing.valueHash(value);
            byKeyHash.put(ByteKey.of(keyHash), new KeyUpdate(keyHash, valueHash));
          }
          TreeUpdate tree =
              TreeUpdater.apply(
                  this::loadNode, latestRoot, latest + 1, new ArrayList<>(byKeyHash.values()));
          return new StagedCommit(this, latest, snapshot, tree, changes);
        });
  }

  @Override
  public void commit(PreparedCommit prepared) {
    lock.writeLock().lock();
    try {
      requireOpen();
      if (prepared.version() != latest + 1) {
        throw new IllegalStateException(
            "prepared commit creates version "
                + prepared.version()
                + " but the latest committed version is "
                + latest);
      }
      StagedCommit staged =
          prepared instanceof StagedCommit s && s.owner() == this && s.baseVersion() == latest
              ? s
              : (StagedCommit) prepare(prepared.writes());
      long version = staged.version();
      KvBatch batch = new KvBatch();
      List<VersionPruner.StaleEntry> madeStale = new ArrayList<>();
      for (TreeUpdate.NodeWrite w : staged.tree().newNodes()) {
        batch.put(StoreColumn.NODES, w.key().encode(), NodeCodec.encode(w.node()));
      }
      staged.tree().staleNodes().forEach(k -> madeStale.add(VersionPruner.StaleEntry.node(k)));
      for (StagedCommit.ValueChange c : staged.values()) {
        batch.put(
            StoreColumn.VALUES,
            ValueKeys.entryKey(c.key(), version),
            ValueHistory.encode(c.valueOrNull()));
        if (c.previousVersion() >= 0) {
          madeStale.add(
              VersionPruner.StaleEntry.value(ValueKeys.entryKey(c.key(), c.previousVersion())));
        }
      }
      batch.put(
          StoreColumn.ROOTS,
          VersionPruner.versionKey(version),
          NodeCodec.encodeChild(staged.tree().root()));
      pruner.addTo(batch, version, madeStale);
      batch.put(StoreColumn.META, StoreMetadata.LATEST_KEY, StoreMetadata.encodeLong(version));
      storage.write(batch);
      latest = version;
      latestRoot = staged.tree().root();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        storage.close();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private ChildRef rootAt(long version) {
    if (version == latest) {
      return latestRoot;
    }
    if (version < 0 || version > latest) {
      throw new VersionNotAvailableException(
          version, oldestRetained(), latest, "not yet committed");
    }
    return storedRoot(version)
        .orElseThrow(
            () -> new VersionNotAvailableException(version, oldestRetained(), latest, "pruned"));
  }

  private Optional<ChildRef> storedRoot(long version) {
    return storage
        .get(StoreColumn.ROOTS, VersionPruner.versionKey(version))
        .map(NodeCodec::decodeChild);
  }

  private long oldestRetained() {
    long[] oldest = {latest};
    storage.scan(
        StoreColumn.ROOTS,
        new byte[0],
        (k, v) -> {
          oldest[0] = java.nio.ByteBuffer.wrap(k).getLong();
          return false;
        });
    return oldest[0];
  }

  private TreeNode loadNode(NodeKey key) {
    return storage
        .get(StoreColumn.NODES, key.encode())
        .map(NodeCodec::decode)
        .orElseThrow(() -> new StoreCorruptedException("tree node " + key + " is missing"));
  }

  private <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      requireOpen();
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("state store is closed");
    }
  }

  private static WriteSet copy(WriteSet writes) {
    WriteSet copy = new WriteSet();
    for (Map.Entry<ByteKey, byte[]> e : writes.entries().entrySet()) {
      if (e.getValue() == null) {
        copy.delete(e.getKey().toByteArray());
      } else {
        copy.put(e.getKey().toByteArray(), e.getValue());
      }
    }
    return copy;
  }
}
