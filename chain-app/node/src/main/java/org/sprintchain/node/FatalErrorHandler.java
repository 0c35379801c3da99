package org.sprintchain.node;

/**
 * What the node does when storage fails unrecoverably. Continuing could build on a half-applied
 * block, so the production handler stops the process; tests record the call instead.
 */
@FunctionalInterface
public interface FatalErrorHandler {
  /** Must not return normally in production. */
  void halt(String what, RuntimeException cause);
}
