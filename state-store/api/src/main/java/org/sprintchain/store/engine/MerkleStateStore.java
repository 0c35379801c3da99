package org.sprintchain.store.engine;

import java.util.Optional;
import org.sprintchain.store.PreparedCommit;
import org.sprintchain.store.Proof;
import org.sprintchain.store.Snapshot;
import org.sprintchain.store.SnapshotImporter;
import org.sprintchain.store.SnapshotManifest;
import org.sprintchain.store.StateSnapshots;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.merkle.MerkleHashing;
import org.sprintchain.store.merkle.Subtree;
import org.sprintchain.store.merkle.TreeWalk;

/**
 * The {@link StateStore} over any {@link KvStorage}: a sparse Merkle tree in memory for the root
 * and proofs ({@link VersionRoots}, rebuilt on open by {@link TreeRebuild}), a value history for
 * reads and iteration at old versions ({@link ValueHistory}), and a stale index for pruning ({@link
 * VersionPruner}). Prepare stages a commit ({@link CommitStager}) and commit writes it in one batch
 * ({@link CommitWriter}); snapshots are exported by pinning their version ({@link SnapshotPinning})
 * and imported chunk by chunk ({@link SnapshotImportTarget}).
 *
 * <p>Concurrency ({@link StoreLocks}): queries (ABCI query connection) may run beside the consensus
 * connection. Reads and prepare share a read lock; commit and close take the write lock, so a read
 * never sees a half-pruned version. A snapshot export does not take that lock across its pass: it
 * pins its version ({@link VersionPins}, {@link VersionPruner}) and reads it in pieces that only
 * close waits for, so a commit never waits for an export.
 */
public class MerkleStateStore implements StateStore, StateSnapshots {
  private final KvStorage storage;
  private final ValueHistory values;
  private final StoreLocks locks = new StoreLocks();
  private final VersionRoots roots;
  private final CommitStager stager;
  private final CommitWriter writer;
  private final SnapshotPinning pinning;
  private final SnapshotImportTarget imports;
  private final RebuiltTrees rebuilt = new RebuiltTrees();

  protected MerkleStateStore(KvStorage storage, StoreOptions options) {
    this.storage = storage;
    this.values = new ValueHistory(storage);
    VersionPins pins = new VersionPins();
    VersionPruner pruner = new VersionPruner(storage, options, pins);
    this.roots = new VersionRoots(storage, options);
    TombstoneKeys tombstones = new TombstoneKeys();
    this.stager = new CommitStager(values, options, roots, tombstones);
    this.writer = new CommitWriter(storage, pruner, roots, tombstones);
    this.pinning = new SnapshotPinning(storage, values, roots, pins, pruner, locks);
    this.imports = new SnapshotImportTarget(storage, roots, locks);
    if (imports.interrupted()) {
      imports.wipe(); // a snapshot import was interrupted: start again from an empty store
    }
    locks.writeExclusively(
        () -> PruningPolicyChange.apply(storage, options, pruner, roots.latest()));
    pinning.pruneReleased(); // a restart dropped the pins that pruning waited for
    // the tree lives only in memory
    roots.open(TreeRebuild.onOpen(values, roots.latest(), tombstones::add));
  }

  @Override
  public long latestVersion() {
    return locks.read(roots::latest);
  }

  @Override
  public byte[] rootHash() {
    return locks.read(() -> roots.latestRoot().hash());
  }

  @Override
  public byte[] rootHash(long version) {
    return locks.read(() -> roots.hash(version));
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    return locks.read(() -> values.get(key, roots.latest()));
  }

  @Override
  public Optional<byte[]> get(byte[] key, long version) {
    return locks.read(
        () -> {
          roots.hash(version);
          return values.get(key, version);
        });
  }

  @Override
  public void iterate(byte[] prefix, long version, EntryVisitor visitor) {
    locks.read(
        () -> {
          roots.hash(version);
          values.iterate(prefix, version, visitor);
          return null;
        });
  }

  /**
   * Proves against the version's tree: in memory for the latest versions; an older retained
   * version's tree is rebuilt from its value history while the version is pinned, without the
   * store's lock (commits go on meanwhile), and checked against its stored root.
   */
  @Override
  public Proof prove(byte[] key, long version) {
    byte[] keyHash = MerkleHashing.keyHash(key);
    Subtree tree = locks.read(() -> roots.resident(version));
    if (tree == null) {
      tree = rebuilt.get(version, this::rebuildPinned);
    }
    return TreeWalk.prove(tree, keyHash);
  }

  private Subtree rebuildPinned(long version) {
    pinning.pin(version);
    try {
      Subtree tree = TreeRebuild.pinned(pinning, version);
      locks.read(
          () -> {
            roots.requireStoredRoot(version, tree);
            return null;
          });
      return tree;
    } finally {
      pinning.unpin(version);
    }
  }

  @Override
  public PreparedCommit prepare(WriteSet writes) {
    WriteSet snapshot = CommitStager.copy(writes);
    return locks.read(() -> stager.stage(snapshot, this));
  }

  @Override
  public void commit(PreparedCommit prepared) {
    locks.write(
        () -> {
          long latest = roots.latest();
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
          writer.write(staged);
        });
  }

  @Override
  public void close() {
    locks.close(storage::close);
  }

  /**
   * Pins the version instead of holding the read lock for the whole pass: the pass reads the
   * version in pieces that commits do not wait for, and a version that leaves the window meanwhile
   * is not pruned until the snapshot is closed.
   */
  @Override
  public Snapshot exportSnapshot(long version, int chunkBytes) {
    return pinning.export(version, chunkBytes);
  }

  @Override
  public SnapshotImporter importSnapshot(SnapshotManifest manifest, byte[] trustedRoot) {
    return imports.start(manifest, trustedRoot);
  }
}
