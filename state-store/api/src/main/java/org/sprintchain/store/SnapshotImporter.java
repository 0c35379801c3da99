package org.sprintchain.store;

/**
 * Rebuilds a store from snapshot chunks applied in order. Each chunk is checked against the
 * manifest's hash before anything is written; after the last one the rebuilt root must equal the
 * trusted root, and only then does the store become that version. Any refusal but a bad or
 * out-of-order chunk (which may be fetched again) leaves the store empty.
 */
public interface SnapshotImporter {
  /** Applies chunk {@code index}; the result says what happened and what the node should do. */
  SnapshotImportResult applyChunk(int index, byte[] chunk);

  /** Gives up: removes everything applied so far, leaving the store empty. */
  void abort();
}
