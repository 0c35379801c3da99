package org.sprintchain.chain;

import org.junit.jupiter.api.Test;
import org.sprintchain.archrules.DeterminismRules;

class DeterminismTest {
  @Test
  void chainRulesAreDeterministicAndAdapterFree() {
    DeterminismRules.assertDeterministicCore("org.sprintchain.chain");
  }
}
