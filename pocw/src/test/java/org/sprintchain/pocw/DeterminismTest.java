package org.sprintchain.pocw;

import org.junit.jupiter.api.Test;
import org.sprintchain.archrules.DeterminismRules;

class DeterminismTest {
  @Test
  void pocwRulesAreDeterministicAndAdapterFree() {
    DeterminismRules.assertDeterministicCore("org.sprintchain.pocw");
  }
}
