package org.sprintchain.testnet.acceptance.dsl;

/** Something a {@link Cluster} must satisfy; fails with an {@link AssertionError} otherwise. */
@FunctionalInterface
public interface Condition {
  void verify(Cluster cluster);
}
