package org.sprintchain.client;

import java.util.HexFormat;

/**
 * A query answer whose Merkle proof checked out against {@code appHash}, the app hash in the header
 * of block {@code height + 1} (the state after block {@code height}).
 *
 * <p>The header itself comes from the node that answered: its validator signatures are not checked
 * (no light client yet), so this proves the answer is what that header commits to, not that the
 * header is the chain's.
 */
public record ProvenAnswer<T>(T value, long height, byte[] appHash) {
  public ProvenAnswer {
    appHash = appHash.clone();
  }

  @Override
  public byte[] appHash() {
    return appHash.clone();
  }

  /** The block whose header carries {@link #appHash()}. */
  public long headerHeight() {
    return height + 1;
  }

  public String appHashHex() {
    return HexFormat.of().withUpperCase().formatHex(appHash);
  }
}
