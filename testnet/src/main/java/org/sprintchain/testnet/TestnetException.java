package org.sprintchain.testnet;

/** A local testnet could not be set up, started, inspected or stopped; the message says why. */
public class TestnetException extends RuntimeException {
  public TestnetException(String message) {
    super(message);
  }

  public TestnetException(String message, Throwable cause) {
    super(message, cause);
  }
}
