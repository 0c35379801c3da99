package org.sprintchain.chain;

/**
 * What ABCI Info reports: the last committed block and the app hash after it (empty before the
 * first commit), so CometBFT knows which blocks to replay after a restart.
 */
public record AppInfo(long lastHeight, byte[] appHash) {
  public AppInfo {
    appHash = appHash.clone();
  }

  @Override
  public byte[] appHash() {
    return appHash.clone();
  }
}
