package org.sprintchain.store.merkle;

/**
 * One change to the tree: the key hash and the new value hash, or {@code null} for a delete.
 * Updaters take these sorted by key hash, unsigned, so the tree is built in one ordered pass.
 */
public record KeyUpdate(byte[] keyHash, byte[] valueHash) {
  public boolean isDelete() {
    return valueHash == null;
  }
}
