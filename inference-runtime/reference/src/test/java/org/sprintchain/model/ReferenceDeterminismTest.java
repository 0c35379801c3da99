package org.sprintchain.model;

import org.junit.jupiter.api.Test;
import org.sprintchain.archrules.DeterminismRules;

/** The reference is the spec: no floating point, clocks, randomness or adapters. */
class ReferenceDeterminismTest {
  @Test
  void referenceIsDeterministicCore() {
    DeterminismRules.assertDeterministicCore("org.sprintchain.model");
  }
}
