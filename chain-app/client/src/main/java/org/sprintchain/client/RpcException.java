package org.sprintchain.client;

/**
 * A CometBFT RPC call failed: the node could not be reached, timed out, answered with a JSON-RPC
 * error, or answered something that is not the expected JSON. The message names the URL.
 */
public class RpcException extends RuntimeException {
  public RpcException(String message) {
    super(message);
  }

  public RpcException(String message, Throwable cause) {
    super(message, cause);
  }
}
