package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.PreparedCommit;
import org.sprintchain.store.Proof;
import org.sprintchain.store.Snapshot;
import org.sprintchain.store.SnapshotImporter;
import org.sprintchain.store.SnapshotManifest;
import org.sprintchain.store.StateSnapshots;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.merkle.KeyUpdate;
import org.sprintchain.store.merkle.MerkleHashing;
import org.sprintchain.store.merkle.NodeCodec;
import org.sprintchain.store.merkle.NodeKey;
import org.sprintchain.store.merkle.NodePreloader;
import org.sprintchain.store.merkle.Subtree;
import org.sprintchain.store.merkle.TreeUpdate;
import org.sprintchain.store.merkle.TreeUpdater;
import org.sprintchain.store.merkle.TreeWalk;

/**
 * The {@link StateStore} over any {@link KvStorage}: a sparse Merkle tree for the root and proofs,
 * a value history for reads and iteration at old versions, and a stale index for pruning.
 *
 * <p>Concurrency: queries (ABCI query connection) may run beside the consensus connection. Reads
 * and prepare share a read lock; commit and close take the write lock, so a read never sees a
 * half-pruned version. A snapshot export does not take that lock across its pass: it pins its
 * version ({@link VersionPins}, {@link VersionPruner}) and reads it in pieces that only close waits
 * for, so a commit never waits for an export.
 */
public class MerkleStateStore implements StateStore, StateSnapshots {
  /** Blocks at least this large hash their keys and values in parallel. */
  private static final int PARALLEL_MIN_WRITES = 512;

  /** Tree levels with at least this many nodes to load are decoded in parallel. */
  private static final int PARALLEL_MIN_NODES = 256;

  /** A read of a pinned version stops after this many entries or bytes, so close waits little. */
  private static final int PIECE_ENTRIES = 1024;

  private static final int PIECE_BYTES = 1 << 20;

  private final KvStorage storage;
  private final ValueHistory values;
  private final VersionPruner pruner;
  private final StoreOptions options;
  private final NodeCache cache = new NodeCache();
  private final VersionPins pins = new VersionPins();
  private final SnapshotExport.PinnedVersions pinned = new PinnedReads();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * Shared by reads of pinned versions, which need no protection from commits (a pinned version's
   * entries are neither pruned nor rewritten, and newer entries are skipped by version); close
   * takes it exclusively so that storage is not closed under such a read.
   */
  private final ReadWriteLock storageOpen = new ReentrantReadWriteLock();

  private long latest;
  private Subtree latestRoot;
  private boolean closed;

  protected MerkleStateStore(KvStorage storage, StoreOptions options) {
    this.storage = storage;
    this.values = new ValueHistory(storage);
    this.pruner = new VersionPruner(storage, options, pins);
    this.options = options;
    this.latest = StoreMetadata.openOrInitialize(storage);
    this.latestRoot =
        storedRoot(latest)
            .orElseThrow(
                () ->
                    new StoreCorruptedException(
                        "root of latest version " + latest + " is missing"));
    if (storage.get(StoreColumn.META, StoreMetadata.IMPORT_KEY).isPresent()) {
      wipeImport(); // a snapshot import was interrupted: start again from an empty store
    }
    pruneReleased(); // a restart dropped the pins that pruning waited for
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
    return read(() -> stage(snapshot));
  }

  /**
   * Hashes the writes, applies them to the tree and works out the value history entries. The leaves
   * the tree walk meets say which writes change something and which value entry each one
   * supersedes, so the value history is read only to find delete tombstones, and only when pruning
   * needs them.
   */
  private StagedCommit stage(WriteSet snapshot) {
    long version = latest + 1;
    List<Map.Entry<ByteKey, byte[]>> entries = new ArrayList<>(snapshot.entries().entrySet());
    // SHA-256 of every key and value: independent, so in parallel for large blocks (same result).
    List<PendingWrite> pending =
        (entries.size() >= PARALLEL_MIN_WRITES ? entries.parallelStream() : entries.stream())
            .map(MerkleStateStore::pendingWrite)
            .sorted((a, b) -> Arrays.compareUnsigned(a.update.keyHash(), b.update.keyHash()))
            .toList();
    List<KeyUpdate> updates = new ArrayList<>(pending.size());
    pending.forEach(p -> updates.add(p.update));
    Map<NodeKey, Subtree.Inner> preloaded =
        NodePreloader.preload(latestRoot, updates, this::loadLevel);
    TreeUpdate tree =
        TreeUpdater.apply(
            key -> {
              Subtree.Inner node = preloaded.get(key);
              return node != null ? node : loadNode(key);
            },
            latestRoot,
            version,
            updates);

    // Applied updates come in key hash order, like the pending writes.
    List<StagedCommit.ValueChange> changes = new ArrayList<>(tree.applied().size());
    List<Integer> newKeys = new ArrayList<>();
    int next = 0;
    for (TreeUpdate.Applied a : tree.applied()) {
      while (!Arrays.equals(pending.get(next).update.keyHash(), a.keyHash())) {
        next++;
      }
      PendingWrite w = pending.get(next++);
      if (a.previousValueVersion() < 0 && options.prunes()) {
        newKeys.add(changes.size());
      }
      changes.add(new StagedCommit.ValueChange(w.key, w.value, a.previousValueVersion(), false));
    }
    findTombstones(changes, newKeys);
    return new StagedCommit(this, latest, snapshot, tree, changes);
  }

  private static PendingWrite pendingWrite(Map.Entry<ByteKey, byte[]> e) {
    byte[] key = e.getKey().toByteArray();
    byte[] value = e.getValue();
    return new PendingWrite(
        key,
        value,
        new KeyUpdate(
            MerkleHashing.keyHash(key), value == null ? null : MerkleHashing.valueHash(value)));
  }

  /**
   * A key new to the tree may have a delete tombstone in the value history; pruning must learn that
   * the new entry supersedes it. Only keys marked in {@link StoreColumn#DELETED} (one batched point
   * lookup, bloom-filtered) can have one, so only those cost a value-history seek. An archive store
   * keeps no stale index, so it never looks.
   */
  private void findTombstones(List<StagedCommit.ValueChange> changes, List<Integer> newKeys) {
    if (newKeys.isEmpty()) {
      return;
    }
    List<byte[]> candidates = new ArrayList<>(newKeys.size());
    newKeys.forEach(i -> candidates.add(changes.get(i).key()));
    List<Optional<byte[]>> marks = storage.getAll(StoreColumn.DELETED, candidates);
    List<Integer> marked = new ArrayList<>();
    for (int i = 0; i < newKeys.size(); i++) {
      if (marks.get(i).isPresent()) {
        marked.add(newKeys.get(i));
      }
    }
    if (marked.isEmpty()) {
      return;
    }
    marked.sort((a, b) -> Arrays.compareUnsigned(changes.get(a).key(), changes.get(b).key()));
    List<byte[]> keys = new ArrayList<>(marked.size());
    marked.forEach(i -> keys.add(changes.get(i).key()));
    List<Optional<ValueHistory.Entry>> found = values.findAll(keys, latest);
    for (int i = 0; i < marked.size(); i++) {
      Optional<ValueHistory.Entry> entry = found.get(i);
      if (entry.isPresent() && entry.get().value() != null) {
        throw new StoreCorruptedException(
            "value history holds a live value of a key the tree does not have");
      }
      int index = marked.get(i);
      StagedCommit.ValueChange c = changes.get(index);
      long superseded = entry.map(ValueHistory.Entry::version).orElse(-1L);
      changes.set(index, new StagedCommit.ValueChange(c.key(), c.valueOrNull(), superseded, true));
    }
  }

  /**
   * Loads one tree level of stored nodes: cached ones from the cache, the rest in one storage call,
   * decoded in parallel when there are many.
   */
  private List<Subtree.Inner> loadLevel(List<NodeKey> keys) {
    List<Subtree.Inner> out = new ArrayList<>(keys.size());
    List<Integer> missing = new ArrayList<>();
    List<byte[]> missingKeys = new ArrayList<>();
    for (NodeKey key : keys) {
      Subtree.Inner cached = NodeCache.cacheable(key) ? cache.get(key) : null;
      if (cached == null) {
        missing.add(out.size());
        missingKeys.add(key.encode());
      }
      out.add(cached);
    }
    if (missing.isEmpty()) {
      return out;
    }
    List<Optional<byte[]>> stored = storage.getAll(StoreColumn.NODES, missingKeys);
    List<Subtree.Inner> decoded =
        (missing.size() >= PARALLEL_MIN_NODES ? stored.parallelStream() : stored.stream())
            .map(b -> b.map(NodeCodec::decodeNode).orElse(null))
            .toList();
    for (int i = 0; i < missing.size(); i++) {
      NodeKey key = keys.get(missing.get(i));
      Subtree.Inner node = decoded.get(i);
      if (node == null) {
        throw new StoreCorruptedException("tree node " + key + " is missing");
      }
      cache.put(key, node);
      out.set(missing.get(i), node);
    }
    return out;
  }

  private record PendingWrite(byte[] key, byte[] value, KeyUpdate update) {}

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
        batch.put(StoreColumn.NODES, w.key().encode(), w.encoded());
      }
      staged.tree().staleNodes().forEach(k -> madeStale.add(VersionPruner.StaleEntry.node(k)));
      for (StagedCommit.ValueChange c : staged.values()) {
        batch.put(
            StoreColumn.VALUES,
            ValueKeys.entryKey(c.key(), version),
            ValueHistory.encode(c.valueOrNull()));
        if (c.valueOrNull() == null) {
          batch.put(StoreColumn.DELETED, c.key(), new byte[0]);
        } else if (c.deletedMark()) {
          batch.delete(StoreColumn.DELETED, c.key());
        }
        if (c.previousVersion() >= 0) {
          madeStale.add(
              VersionPruner.StaleEntry.value(ValueKeys.entryKey(c.key(), c.previousVersion())));
        }
      }
      batch.put(
          StoreColumn.ROOTS,
          VersionPruner.versionKey(version),
          NodeCodec.encodeRoot(staged.tree().root()));
      SortedSet<Long> deferred = pruner.addTo(batch, version, madeStale);
      batch.put(StoreColumn.META, StoreMetadata.LATEST_KEY, StoreMetadata.encodeLong(version));
      storage.write(batch);
      pruner.written(deferred);
      for (TreeUpdate.NodeWrite w : staged.tree().newNodes()) {
        cache.put(w.key(), w.node());
      }
      latest = version;
      latestRoot = staged.tree().root();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    storageOpen.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        storage.close();
      }
    } finally {
      storageOpen.writeLock().unlock();
      lock.writeLock().unlock();
    }
  }

  /**
   * Pins the version instead of holding the read lock for the whole pass: the pass reads the
   * version in pieces that commits do not wait for, and a version that leaves the window meanwhile
   * is not pruned until the snapshot is closed.
   */
  @Override
  public Snapshot exportSnapshot(long version, int chunkBytes) {
    SnapshotExport.checkChunkBytes(chunkBytes);
    byte[] root =
        read(
            () -> {
              byte[] hash = rootAt(version).hash();
              pins.pin(version);
              return hash;
            });
    try {
      return SnapshotExport.export(pinned, version, root, chunkBytes);
    } catch (RuntimeException | Error e) {
      pinned.unpin(version);
      throw e;
    }
  }

  /**
   * Prunes, in one batch, the deferred versions that no pin holds back any more. Skipped on a
   * closed store: the list is in storage, and the next open prunes them.
   */
  private void pruneReleased() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      KvBatch batch = new KvBatch();
      SortedSet<Long> deferred = pruner.addReleasedTo(batch);
      if (batch.size() > 0) {
        storage.write(batch);
      }
      pruner.written(deferred);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Pins, and reads of pinned versions, for the snapshots this store exports. */
  private final class PinnedReads implements SnapshotExport.PinnedVersions {
    @Override
    public void pin(long version) {
      read(
          () -> {
            rootAt(version);
            pins.pin(version);
            return null;
          });
    }

    @Override
    public void unpin(long version) {
      if (pins.unpin(version)) {
        pruneReleased();
      }
    }

    @Override
    public void scanFrom(byte[] fromKey, long version, EntryVisitor visitor) {
      byte[] from = fromKey;
      while (true) {
        List<byte[][]> piece = new ArrayList<>();
        boolean more = readPiece(from, version, piece);
        for (byte[][] entry : piece) {
          if (!visitor.visit(entry[0], entry[1])) {
            return;
          }
        }
        if (!more) {
          return;
        }
        byte[] last = piece.getLast()[0];
        from = Arrays.copyOf(last, last.length + 1); // the smallest key after the last one read
      }
    }

    /** Reads up to one piece into {@code piece}; returns whether entries may follow it. */
    private boolean readPiece(byte[] from, long version, List<byte[][]> piece) {
      storageOpen.readLock().lock();
      try {
        requireOpen();
        boolean[] more = {false};
        long[] bytes = {0};
        values.iterateFrom(
            from,
            version,
            (k, v) -> {
              piece.add(new byte[][] {k, v});
              bytes[0] += k.length + v.length;
              more[0] = piece.size() >= PIECE_ENTRIES || bytes[0] >= PIECE_BYTES;
              return !more[0];
            });
        return more[0];
      } finally {
        storageOpen.readLock().unlock();
      }
    }
  }

  @Override
  public SnapshotImporter importSnapshot(SnapshotManifest manifest, byte[] trustedRoot) {
    return read(
        () -> {
          boolean[] hasValues = {false};
          storage.scan(
              StoreColumn.VALUES,
              new byte[0],
              (k, v) -> {
                hasValues[0] = true;
                return false;
              });
          if (latest != 0 || hasValues[0]) {
            throw new IllegalStateException(
                "a snapshot can only be imported into an empty store; this one is at version "
                    + latest);
          }
          return new SnapshotImport(this, manifest, trustedRoot);
        });
  }

  /** Loads a node bypassing the cache: an import rewrites nodes in place. */
  Subtree.Inner loadUncached(NodeKey key) {
    return storage
        .get(StoreColumn.NODES, key.encode())
        .map(NodeCodec::decodeNode)
        .orElseThrow(() -> new StoreCorruptedException("tree node " + key + " is missing"));
  }

  void writeImportBatch(KvBatch batch) {
    lock.writeLock().lock();
    try {
      requireOpen();
      storage.write(batch);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Makes the imported tree the latest version; version 0 and the versions between are gone. */
  void completeImport(long version, Subtree root) {
    lock.writeLock().lock();
    try {
      requireOpen();
      storage.write(
          new KvBatch()
              .put(StoreColumn.ROOTS, VersionPruner.versionKey(version), NodeCodec.encodeRoot(root))
              .delete(StoreColumn.ROOTS, VersionPruner.versionKey(0))
              .put(StoreColumn.META, StoreMetadata.LATEST_KEY, StoreMetadata.encodeLong(version))
              .delete(StoreColumn.META, StoreMetadata.IMPORT_KEY));
      cache.clear();
      latest = version;
      latestRoot = root;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes every node and value an unfinished import wrote; the store is empty again. */
  final void wipeImport() {
    lock.writeLock().lock();
    try {
      for (StoreColumn column :
          new StoreColumn[] {StoreColumn.NODES, StoreColumn.VALUES, StoreColumn.DELETED}) {
        List<byte[]> keys = new ArrayList<>();
        storage.scan(
            column,
            new byte[0],
            (k, v) -> {
              keys.add(k);
              return true;
            });
        KvBatch batch = new KvBatch();
        keys.forEach(k -> batch.delete(column, k));
        storage.write(batch);
      }
      storage.write(new KvBatch().delete(StoreColumn.META, StoreMetadata.IMPORT_KEY));
      cache.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private Subtree rootAt(long version) {
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

  private Optional<Subtree> storedRoot(long version) {
    return storage
        .get(StoreColumn.ROOTS, VersionPruner.versionKey(version))
        .map(NodeCodec::decodeRoot);
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

  private Subtree.Inner loadNode(NodeKey key) {
    Subtree.Inner cached = NodeCache.cacheable(key) ? cache.get(key) : null;
    if (cached != null) {
      return cached;
    }
    Subtree.Inner node =
        storage
            .get(StoreColumn.NODES, key.encode())
            .map(NodeCodec::decodeNode)
            .orElseThrow(() -> new StoreCorruptedException("tree node " + key + " is missing"));
    cache.put(key, node);
    return node;
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
