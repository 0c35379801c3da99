package org.sprintchain.minilm;

import org.junit.jupiter.api.Test;
import org.sprintchain.archrules.DeterminismRules;

/** The encoder is deterministic core: no floating point, clocks, randomness or adapters. */
class MiniLmDeterministicCoreTest {
  @Test
  void encoderIsDeterministicCore() {
    DeterminismRules.assertDeterministicCore("org.sprintchain.minilm");
  }
}
