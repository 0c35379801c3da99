package org.sprintchain.store;

/** A read asked for a version that was pruned or not yet committed. */
public final class VersionNotAvailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VersionNotAvailableException(long requested, long oldestRetained, long latest) {
    super(
        "version "
            + requested
            + " is not available (retained: "
            + oldestRetained
            + ".."
            + latest
            + ")");
  }

  /** As above, with why the version is missing ("pruned", "not yet committed"). */
  public VersionNotAvailableException(
      long requested, long oldestRetained, long latest, String reason) {
    super(
        "version "
            + requested
            + " is not available: "
            + reason
            + " (oldest retained "
            + oldestRetained
            + ", latest "
            + latest
            + ")");
  }
}
