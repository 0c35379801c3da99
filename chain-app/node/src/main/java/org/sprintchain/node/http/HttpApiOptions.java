package org.sprintchain.node.http;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

/**
 * The OpenAI-compatible endpoint's settings.
 *
 * @param bind where it listens (loopback unless the operator says otherwise)
 * @param rpc this node's CometBFT RPC, through which requests are broadcast and jobs followed
 * @param jobTimeout how long one embeddings call waits for its job to settle before answering 504
 * @param maxBodyBytes the largest request body read; larger ones are answered 413
 * @param maxInFlight embeddings calls served at once; more are answered 429
 */
public record HttpApiOptions(
    InetSocketAddress bind, URI rpc, Duration jobTimeout, int maxBodyBytes, int maxInFlight) {
  public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
  public static final int DEFAULT_MAX_IN_FLIGHT = 256;

  public HttpApiOptions {
    if (jobTimeout.isNegative() || jobTimeout.isZero()) {
      throw new IllegalArgumentException("the job timeout must be positive, got " + jobTimeout);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("the body limit must be >= 1024, got " + maxBodyBytes);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("max in flight must be >= 1, got " + maxInFlight);
    }
  }
}
