package org.sprintchain.client;

/** A key could not be created, found or read; the message says which key and why. */
public class KeyringException extends RuntimeException {
  public KeyringException(String message) {
    super(message);
  }

  public KeyringException(String message, Throwable cause) {
    super(message, cause);
  }
}
