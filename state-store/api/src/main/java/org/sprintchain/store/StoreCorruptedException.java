package org.sprintchain.store;

/**
 * An unrecoverable storage failure: the node must halt rather than continue on a half-applied
 * state. Recoverable failures (for example a transient I/O error on a read) are retried by the
 * implementation and never surface as this type.
 */
public final class StoreCorruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreCorruptedException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreCorruptedException(String message) {
    super(message);
  }
}
