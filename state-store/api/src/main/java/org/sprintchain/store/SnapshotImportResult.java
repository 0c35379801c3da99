package org.sprintchain.store;

/**
 * The outcome of applying one snapshot chunk, with its CometBFT {@code ApplySnapshotChunk} answer.
 */
public enum SnapshotImportResult {
  /** Applied; more chunks are expected (ACCEPT). */
  ACCEPTED,
  /** The last chunk: the root matched and the store is now at the snapshot version (ACCEPT). */
  COMPLETED,
  /** The chunk's SHA-256 is not the manifest's; nothing written, fetch it again (RETRY). */
  CHUNK_HASH_MISMATCH,
  /** Not the next chunk; nothing written (RETRY). */
  CHUNK_OUT_OF_ORDER,
  /**
   * The chunk matches the manifest but does not decode, or its keys are not in strictly ascending
   * order: the snapshot itself is bad; the store was emptied (REJECT_SNAPSHOT).
   */
  MALFORMED_CHUNK,
  /** All chunks applied but the root is not the trusted one; the store was emptied (REJECT). */
  ROOT_MISMATCH
}
