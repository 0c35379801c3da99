package org.sprintchain.store;

/**
 * A transient storage failure that persisted through the implementation's retries (for example a
 * busy or timed-out engine). Nothing was changed: the last committed version is intact and the
 * operation may be tried again. Contrast {@link StoreCorruptedException}, which must halt the node.
 */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
