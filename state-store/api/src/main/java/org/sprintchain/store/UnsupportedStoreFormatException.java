package org.sprintchain.store;

/**
 * The store on disk was written in an on-disk format this build does not read. Raised on open,
 * before anything is read or written, so the data is left untouched.
 */
public final class UnsupportedStoreFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedStoreFormatException(String location, long found, long supported) {
    super(
        "state store at "
            + location
            + " has on-disk format version "
            + found
            + " but this build reads only version "
            + supported
            + "; use a matching Sprintchain release or resync the node from a snapshot");
  }
}
