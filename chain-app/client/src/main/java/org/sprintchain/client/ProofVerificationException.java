package org.sprintchain.client;

/**
 * A query answer could not be verified against the app hash: the proof is missing, malformed or
 * does not lead to the app hash, or the answer does not match the proven value. The message says
 * which.
 */
public final class ProofVerificationException extends RpcException {
  public ProofVerificationException(String message) {
    super(message);
  }
}
