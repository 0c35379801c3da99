package org.sprintchain.model;

import java.util.List;

/**
 * What an auditor recomputes for one nonce.
 *
 * @param digest SHA-256 of the pooled output (32 bytes)
 * @param layerHashes SHA-256 of the int32 residual stream after the embedding (index 0) and after
 *     each block l (index l + 1); empty when the caller did not ask for them
 */
public record ModelTrace(byte[] digest, List<byte[]> layerHashes) {
  /** Copies the hash list. */
  public ModelTrace {
    layerHashes = List.copyOf(layerHashes);
  }
}
