package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.merkle.KeyUpdate;
import org.sprintchain.store.merkle.MerkleHashing;
import org.sprintchain.store.merkle.Subtree;
import org.sprintchain.store.merkle.TreeUpdate;
import org.sprintchain.store.merkle.TreeUpdater;

/**
 * Prepares a commit on the latest version (FinalizeBlock) without changing anything stored: hashes
 * the writes, applies them to the tree and works out the value history entries, so that commit only
 * writes ({@link CommitWriter}). Runs under the store's shared lock.
 */
final class CommitStager {
  /** Blocks at least this large hash their keys and values in parallel. */
  private static final int PARALLEL_MIN_WRITES = 512;

  private final ValueHistory values;
  private final StoreOptions options;
  private final VersionRoots roots;
  private final TombstoneKeys tombstones;

  CommitStager(
      ValueHistory values, StoreOptions options, VersionRoots roots, TombstoneKeys tombstones) {
    this.values = values;
    this.options = options;
    this.roots = roots;
    this.tombstones = tombstones;
  }

  /** A copy of the caller's writes, which the caller may go on changing. */
  static WriteSet copy(WriteSet writes) {
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

  /**
   * Stages {@code snapshot} (a {@link #copy}) on the latest version. The leaves the tree walk meets
   * say which writes change something and which value entry each one supersedes, so the value
   * history is read only to find delete tombstones, and only when pruning needs them.
   */
  StagedCommit stage(WriteSet snapshot, MerkleStateStore owner) {
    long latest = roots.latest();
    Subtree latestRoot = roots.latestRoot();
    long version = latest + 1;
    List<Map.Entry<ByteKey, byte[]>> entries = new ArrayList<>(snapshot.entries().entrySet());
    // SHA-256 of every key and value: independent, so in parallel for large blocks (same result).
    List<PendingWrite> pending =
        (entries.size() >= PARALLEL_MIN_WRITES ? entries.parallelStream() : entries.stream())
            .map(CommitStager::pendingWrite)
            .sorted((a, b) -> Arrays.compareUnsigned(a.update.keyHash(), b.update.keyHash()))
            .toList();
    List<KeyUpdate> updates = new ArrayList<>(pending.size());
    pending.forEach(p -> updates.add(p.update));
    TreeUpdate tree = TreeUpdater.apply(latestRoot, version, updates);

    // Applied updates come in key hash order, like the pending writes.
    List<StagedCommit.ValueChange> changes = new ArrayList<>(tree.applied().size());
    List<Integer> newKeys = new ArrayList<>();
    int next = 0;
    for (TreeUpdate.Applied a : tree.applied()) {
      while (!Arrays.equals(pending.get(next).update.keyHash(), a.keyHash())) {
        next++;
      }
      PendingWrite w = pending.get(next++);
      if (a.previousValueVersion() < 0 && options.prunes() && tombstones.mayHave(a.keyHash())) {
        newKeys.add(changes.size());
      }
      changes.add(
          new StagedCommit.ValueChange(w.key, a.keyHash(), w.value, a.previousValueVersion()));
    }
    findTombstones(changes, newKeys, latest);
    return new StagedCommit(owner, latest, snapshot, tree, changes);
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
   * the new entry supersedes it. Only keys in {@link TombstoneKeys} can have one, so only those
   * ({@code candidates}) cost a value-history seek. An archive store keeps no stale index, so it
   * never looks.
   */
  private void findTombstones(
      List<StagedCommit.ValueChange> changes, List<Integer> candidates, long latest) {
    if (candidates.isEmpty()) {
      return;
    }
    List<Integer> marked = new ArrayList<>(candidates);
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
      changes.set(
          index, new StagedCommit.ValueChange(c.key(), c.keyHash(), c.valueOrNull(), superseded));
    }
  }

  private record PendingWrite(byte[] key, byte[] value, KeyUpdate update) {}
}
